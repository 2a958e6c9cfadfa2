package dev.nrrbot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** An answer ready for Slack: blocks, and the plain text notifications and screen readers use. */
public record Reply(String text, List<LayoutBlock> blocks) {
    public Reply {
        blocks = List.copyOf(blocks);
    }
}
