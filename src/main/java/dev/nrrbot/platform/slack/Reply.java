package dev.nrrbot.platform.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * An answer ready for Slack: blocks, and the plain text notifications and screen readers use.
 *
 * @param askerOnly a refusal or note for the person who asked: the Share button shows it to them
 *                  rather than posting it to the channel
 */
public record Reply(String text, List<LayoutBlock> blocks, boolean askerOnly) {
    public Reply {
        blocks = List.copyOf(blocks);
    }

    public Reply(String text, List<LayoutBlock> blocks) {
        this(text, blocks, false);
    }

    /** A one-section answer in mrkdwn (the text is trusted: it may hold mentions). */
    public static Reply text(String mrkdwn) {
        return new Reply(mrkdwn, new BlockKit().text(mrkdwn).build());
    }

    /** A short message in words, escaped: a refusal, or why there is no number. It may quote what someone typed. */
    public static Reply notice(String text) {
        return new Reply(text, new BlockKit().text(BlockKit.escape(text)).build());
    }

    /** A refusal in mrkdwn (trusted: it may name who can help), for the asker alone. */
    public static Reply refusal(String mrkdwn) {
        return new Reply(mrkdwn, new BlockKit().text(mrkdwn).build(), true);
    }
}
