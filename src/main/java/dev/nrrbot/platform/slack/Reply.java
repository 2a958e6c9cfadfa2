package dev.nrrbot.platform.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** An answer ready for Slack: blocks, and the plain text notifications and screen readers use. */
public record Reply(String text, List<LayoutBlock> blocks) {
    public Reply {
        blocks = List.copyOf(blocks);
    }

    /** A one-section answer in mrkdwn (the text is trusted: it may hold mentions). */
    public static Reply text(String mrkdwn) {
        return new Reply(mrkdwn, new dev.nrrbot.platform.slack.BlockKit().text(mrkdwn).build());
    }
}
