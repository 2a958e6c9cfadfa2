package dev.nrrbot.platform.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.nrrbot.platform.format.Mrkdwn;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds Block Kit messages that stay inside Slack's limits whatever the data: the one place that
 * knows them. Long texts and lists are cut at a line with "...and N more"; a message that would
 * pass 50 blocks keeps its first blocks and its buttons.
 *
 * <p>Every mrkdwn text it takes is the bot's own: data in it went through {@link #escape}. Each is
 * sent {@code verbatim} (Slack does not turn a bare URL or {@code #name} in it into a link) and through
 * {@link Mrkdwn#guard}, so a {@code <} that opens no mention by id never reaches Slack as markup.
 */
public final class BlockKit {

    public static final int MAX_BLOCKS = 50;
    public static final int MAX_SECTION_TEXT = 3000;
    public static final int MAX_HEADER_TEXT = 150;
    public static final int MAX_FIELDS = 10;
    public static final int MAX_FIELD_TEXT = 2000;
    public static final int MAX_CONTEXT_ELEMENTS = 10;
    public static final int MAX_ACTION_ELEMENTS = 25;
    public static final int MAX_BUTTON_TEXT = 75;
    public static final int MAX_BUTTON_VALUE = 2000;
    /** Sections one list may take before it is cut. */
    public static final int MAX_LIST_SECTIONS = 4;

    private final List<LayoutBlock> blocks = new ArrayList<>();
    private ActionsBlock actions;

    /** A button: {@code style} is null, "primary" or "danger". */
    public record Button(String text, String actionId, String value, String style) {
    }

    public BlockKit header(String text) {
        blocks.add(HeaderBlock.builder().text(plain(clip(text, MAX_HEADER_TEXT))).build());
        return this;
    }

    /** One section of mrkdwn. */
    public BlockKit text(String mrkdwn) {
        blocks.add(SectionBlock.builder().text(markdown(clipLines(mrkdwn, MAX_SECTION_TEXT))).build());
        return this;
    }

    /** One section of mrkdwn with a button beside it: a list whose every line has its own control. */
    public BlockKit textWithButton(String mrkdwn, Button b) {
        SectionBlock.SectionBlockBuilder section = SectionBlock.builder().text(markdown(clipLines(mrkdwn, MAX_SECTION_TEXT)));
        if (b.value() == null || b.value().length() <= MAX_BUTTON_VALUE) {
            section.accessory(ButtonElement.builder().text(plain(clip(b.text(), MAX_BUTTON_TEXT))).actionId(b.actionId())
                    .value(b.value()).style(b.style()).build());
        }
        blocks.add(section.build());
        return this;
    }

    /** A section of up to ten short mrkdwn fields, shown in two columns. */
    public BlockKit fields(List<String> mrkdwn) {
        List<TextObject> fields = new ArrayList<>();
        for (int i = 0; i < mrkdwn.size() && i < MAX_FIELDS; i++) {
            String f = i == MAX_FIELDS - 1 && mrkdwn.size() > MAX_FIELDS ? "...and " + (mrkdwn.size() - i) + " more" : mrkdwn.get(i);
            fields.add(markdown(clipLines(f, MAX_FIELD_TEXT)));
        }
        if (!fields.isEmpty()) {
            blocks.add(SectionBlock.builder().fields(fields).build());
        }
        return this;
    }

    /** A titled list of lines, packed into sections and cut with "...and N more" when it is too long. */
    public BlockKit list(String title, List<String> lines) {
        if (lines.isEmpty()) {
            return this;
        }
        int reserve = 40; // always room for "...and N more"
        StringBuilder current = new StringBuilder(title == null ? "" : clip(title, 1000));
        int sections = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = clip(lines.get(i), 1000);
            if (current.length() + 1 + line.length() > MAX_SECTION_TEXT - reserve) {
                if (sections == MAX_LIST_SECTIONS - 1) {
                    current.append("\n_...and ").append(lines.size() - i).append(" more_");
                    blocks.add(SectionBlock.builder().text(markdown(current.toString())).build());
                    return this;
                }
                blocks.add(SectionBlock.builder().text(markdown(current.toString())).build());
                sections++;
                current = new StringBuilder();
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(line);
        }
        blocks.add(SectionBlock.builder().text(markdown(current.toString())).build());
        return this;
    }

    public BlockKit context(String... mrkdwn) {
        List<ContextBlockElement> elements = new ArrayList<>();
        for (int i = 0; i < mrkdwn.length && i < MAX_CONTEXT_ELEMENTS; i++) {
            elements.add(markdown(clipLines(mrkdwn[i], MAX_FIELD_TEXT)));
        }
        blocks.add(ContextBlock.builder().elements(elements).build());
        return this;
    }

    public BlockKit divider() {
        blocks.add(DividerBlock.builder().build());
        return this;
    }

    /** Buttons always stay at the end of the message, even when other blocks are cut. */
    public BlockKit buttons(List<Button> buttons) {
        List<BlockElement> elements = new ArrayList<>();
        for (int i = 0; i < buttons.size() && i < MAX_ACTION_ELEMENTS; i++) {
            Button b = buttons.get(i);
            if (b.value() != null && b.value().length() > MAX_BUTTON_VALUE) {
                continue; // a value Slack would refuse: better no button than no message
            }
            elements.add(ButtonElement.builder().text(plain(clip(b.text(), MAX_BUTTON_TEXT))).actionId(b.actionId())
                    .value(b.value()).style(b.style()).build());
        }
        actions = elements.isEmpty() ? null : ActionsBlock.builder().elements(elements).build();
        return this;
    }

    /** Buttons followed by a user picker (for "Reassign"), kept last like {@link #buttons}. */
    public BlockKit buttonsAndUserPicker(List<Button> buttons, String pickerActionId, String pickerPlaceholder, String blockId) {
        buttons(buttons);
        List<BlockElement> elements = new ArrayList<>(actions == null ? List.of() : actions.getElements());
        elements.add(com.slack.api.model.block.element.UsersSelectElement.builder().actionId(pickerActionId)
                .placeholder(plain(clip(pickerPlaceholder, MAX_BUTTON_TEXT))).build());
        actions = ActionsBlock.builder().blockId(blockId).elements(elements).build();
        return this;
    }

    public List<LayoutBlock> build() {
        List<LayoutBlock> out = new ArrayList<>(blocks);
        int room = MAX_BLOCKS - (actions == null ? 0 : 1);
        if (out.size() > room) {
            int cut = out.size() - (room - 1);
            out = new ArrayList<>(out.subList(0, room - 1));
            out.add(ContextBlock.builder().elements(List.of(markdown("_...and " + cut + " more not shown_"))).build());
        }
        if (actions != null) {
            out.add(actions);
        }
        return out;
    }

    /**
     * Data text (a name, an id, a note, a reason code, what someone typed) for mrkdwn: {@code &}, {@code <}
     * and {@code >} escaped, so it shows as typed and mentions nobody. Plain-text objects (headers,
     * buttons, options) take data as it is.
     */
    public static String escape(String s) {
        return Mrkdwn.escape(s);
    }

    /** A lone section of mrkdwn, for a modal built outside a message: guarded and verbatim like every other. */
    public static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(markdown(clipLines(mrkdwn, MAX_SECTION_TEXT))).build();
    }

    /** Data texts (reason codes, names) for mrkdwn, each escaped, joined with {@code separator}. */
    public static String escapeJoin(String separator, List<String> data) {
        return String.join(separator, data.stream().map(BlockKit::escape).toList());
    }

    static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text.isEmpty() ? " " : Mrkdwn.guard(text)).verbatim(true).build();
    }

    static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text.isEmpty() ? " " : text).emoji(true).build();
    }

    /** Cuts plain text to {@code max} characters with an ellipsis. */
    public static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** Cuts text at a line so it fits in {@code max} characters, saying how many lines were left out. */
    public static String clipLines(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String more = "\n_...and " + (lines.length - i) + " more_";
            if (out.length() + lines[i].length() + 1 + more.length() > max) {
                if (out.length() == 0) {
                    // the first line alone is too long: clip it, and still say how many lines follow
                    String rest = "\n_...and " + (lines.length - 1) + " more_";
                    return lines.length == 1 ? clip(lines[0], max) : clip(lines[0], max - rest.length()) + rest;
                }
                return out.append(more).toString();
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(lines[i]);
        }
        return out.toString();
    }
}
