package dev.nrrbot.flags.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.ExternalSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.AccountFacts;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.platform.slack.BlockKit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The modals of the flag flow: a new flag, resolving one, and a churn reason. */
public final class FlagModals {

    public static final String FLAG = "flag_modal";
    public static final String RESOLVE = "flag_resolve_modal";
    public static final String REASON = "reason_modal";
    public static final String ACCOUNT_SELECT = "flag_account";

    private FlagModals() {
    }

    /**
     * A new flag; whatever is already known is filled in.
     *
     * @param amounts whether the person may see the account's ARR and renewal date: then they are filled in from the data
     * @param ids     whether the person searches accounts by id too (and sees ids), or by name only
     */
    public static View flag(AccountFacts account, BusinessFunction function, String reason, String note,
                            ReasonTaxonomy taxonomy, boolean amounts, boolean ids) {
        List<LayoutBlock> blocks = new ArrayList<>();
        ExternalSelectElement.ExternalSelectElementBuilder select = ExternalSelectElement.builder().actionId(ACCOUNT_SELECT)
                .placeholder(plain(ids ? "Search accounts by name or id" : "Type 3 letters of the account's name"))
                .minQueryLength(ids ? 1 : 3);
        if (account != null) {
            select.initialOption(ids ? accountOption(account) : accountNameOption(account));
        }
        AccountFacts known = amounts ? account : null;
        blocks.add(InputBlock.builder().blockId("account").label(plain("Account")).dispatchAction(true).element(select.build()).build());
        blocks.add(input("function", "Function that holds the fix", false, staticSelect("function", functionOptions(),
                function == null ? null : option(function.label(), function.code()))));
        List<OptionObject> reasons = reasonOptions(taxonomy);
        OptionObject initialReason = reasons.stream().filter(o -> o.getValue().equals(reason)).findFirst().orElse(null);
        blocks.add(input("reason", "Risk reason", true, staticSelect("reason", reasons, initialReason)));
        blocks.add(InputBlock.builder().blockId("arr").label(plain("ARR at risk")).optional(true)
                .hint(plain(amounts ? "Filled from the data: the account's ARR now. Change it if only part is at risk."
                        : "Leave it empty to use the account's ARR from the data; the function's owner sees it."))
                .element(PlainTextInputElement.builder().actionId("arr").placeholder(plain("e.g. 24000"))
                        .initialValue(known == null ? null : new BigDecimal(known.arrCents()).movePointLeft(2).stripTrailingZeros().toPlainString())
                        .build()).build());
        blocks.add(input("renewal", "Renewal date", true, DatePickerElement.builder().actionId("renewal")
                .initialDate(known == null || known.renewal() == null ? null : known.renewal().toString()).build()));
        blocks.add(input("note", "What is going on?", false, PlainTextInputElement.builder().actionId("note").multiline(true)
                .initialValue(note).build()));
        return modal(FLAG, "Flag an account", "Flag", blocks, "");
    }

    public static View resolve(Flag f, String accountName, String privateMetadata) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(BlockKit.section("Resolve flag #" + f.id() + " on *"
                + BlockKit.escape(accountName) + "*"));
        blocks.add(input("outcome", "Outcome", false, staticSelect("outcome", List.of(option("Saved", "saved"),
                option("Lost", "lost"), option("Other", "other")), null)));
        blocks.add(input("note", "Note", true, PlainTextInputElement.builder().actionId("note").multiline(true).build()));
        return modal(RESOLVE, "Resolve flag", "Resolve", blocks, privateMetadata);
    }

    public static View reason(String accountName, String month, String kind, ReasonTaxonomy taxonomy, String privateMetadata) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(BlockKit.section("Why did *" + BlockKit.escape(accountName)
                + "* " + kind + " in " + month + "?"));
        blocks.add(input("reason", "Reason", false, staticSelect("reason", reasonOptions(taxonomy), null)));
        blocks.add(input("note", "Note", true, PlainTextInputElement.builder().actionId("note").multiline(true).build()));
        return modal(REASON, "Churn reason", "Save", blocks, privateMetadata);
    }

    public static OptionObject accountOption(AccountFacts a) {
        return option(BlockKit.clip(a.name() + " (" + a.id() + ")", 75), a.id());
    }

    /** The option for someone who finds accounts by name only. */
    public static OptionObject accountNameOption(AccountFacts a) {
        return option(BlockKit.clip(a.name(), 75), a.id());
    }

    static List<OptionObject> functionOptions() {
        List<OptionObject> out = new ArrayList<>();
        for (BusinessFunction f : BusinessFunction.values()) {
            out.add(option(f.label(), f.code()));
        }
        return out;
    }

    static List<OptionObject> reasonOptions(ReasonTaxonomy taxonomy) {
        List<OptionObject> out = new ArrayList<>();
        for (ReasonCode c : taxonomy.codes()) {
            if (c.polarity() == ReasonCode.Polarity.REASON && out.size() < 100) {
                out.add(option(BlockKit.clip(c.label() + " (" + c.functionCode() + ")", 75), c.code()));
            }
        }
        return out;
    }

    private static View modal(String callbackId, String title, String submit, List<LayoutBlock> blocks, String metadata) {
        return View.builder().type("modal").callbackId(callbackId)
                .title(ViewTitle.builder().type("plain_text").text(title).build())
                .submit(ViewSubmit.builder().type("plain_text").text(submit).build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .privateMetadata(metadata).blocks(blocks).build();
    }

    private static InputBlock input(String blockId, String label, boolean optional, com.slack.api.model.block.element.BlockElement e) {
        return InputBlock.builder().blockId(blockId).label(plain(label)).optional(optional).element(e).build();
    }

    private static StaticSelectElement staticSelect(String actionId, List<OptionObject> options, OptionObject initial) {
        return StaticSelectElement.builder().actionId(actionId).placeholder(plain("Choose")).options(options)
                .initialOption(initial).build();
    }

    static OptionObject option(String text, String value) {
        return OptionObject.builder().text(plain(text)).value(value).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).build();
    }

    /** Parses an amount typed in the modal, in cents; empty text is null (use the data). */
    static Long cents(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return dev.nrrbot.ingest.Values.cents(text).filter(c -> c >= 0).orElseThrow(() ->
                new IllegalArgumentException("Give an amount of 0 or more, such as 24000 or 24,000.50"));
    }

    static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }
}
