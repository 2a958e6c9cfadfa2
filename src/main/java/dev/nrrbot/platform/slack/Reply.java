package dev.nrrbot.platform.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.nrrbot.platform.format.Mrkdwn;
import java.util.List;

/**
 * An answer ready for Slack: blocks, and the text notifications and screen readers use. That text is
 * mrkdwn too (Slack turns {@code <!channel>} in it into a ping): data in it is escaped like in the blocks,
 * and it goes through {@link Mrkdwn#guard}.
 *
 * @param askerOnly a refusal or note for the person who asked: the Share button shows it to them
 *                  rather than posting it to the channel
 */
public record Reply(String text, List<LayoutBlock> blocks, boolean askerOnly) {
    public Reply {
        text = Mrkdwn.guard(text);
        blocks = List.copyOf(blocks);
    }

    public Reply(String text, List<LayoutBlock> blocks) {
        this(text, blocks, false);
    }

    /** A one-section answer in mrkdwn: the bot's own text, which may hold its mentions; data in it is escaped. */
    public static Reply text(String mrkdwn) {
        return new Reply(mrkdwn, new BlockKit().text(mrkdwn).build());
    }

    /** A short message in words, escaped: a refusal, or why there is no number. It may quote what someone typed. */
    public static Reply notice(String text) {
        String escaped = BlockKit.escape(text);
        return new Reply(escaped, new BlockKit().text(escaped).build());
    }

    /** A refusal in mrkdwn (trusted: it may name who can help), for the asker alone. */
    public static Reply refusal(String mrkdwn) {
        return new Reply(mrkdwn, new BlockKit().text(mrkdwn).build(), true);
    }
}
