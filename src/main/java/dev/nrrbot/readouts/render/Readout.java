package dev.nrrbot.readouts.render;

import com.slack.api.model.block.LayoutBlock;
import dev.nrrbot.outbox.OutboxMessage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A readout ready to post: the message, its charts (PNG), and the NRR it states (x 1,000,000). */
public record Readout(String text, List<LayoutBlock> blocks, List<Chart> charts, Long nrrMicros) {

    /** One PNG to upload next to the message. */
    public record Chart(String filename, String title, byte[] png) {
    }

    public Readout {
        blocks = List.copyOf(blocks);
        charts = List.copyOf(charts);
    }

    /**
     * The outbox messages that post it: the message first, then each chart. {@code username} and
     * {@code iconUrl} post it under a person's name (quarterly readouts); null posts as the bot.
     */
    public List<OutboxMessage> messages(String keyPrefix, String channel, String username, String iconUrl) {
        List<OutboxMessage> out = new ArrayList<>();
        com.google.gson.JsonObject body = com.google.gson.JsonParser.parseString(dev.nrrbot.platform.slack.MessageBody.json(text, blocks, null)).getAsJsonObject();
        if (username != null) {
            body.addProperty("username", username);
        }
        if (iconUrl != null) {
            body.addProperty("icon_url", iconUrl);
        }
        out.add(new OutboxMessage(keyPrefix + ":message", OutboxMessage.POST_MESSAGE, channel, body.toString()));
        int i = 1;
        for (Chart c : charts) {
            com.google.gson.JsonObject file = new com.google.gson.JsonObject();
            file.addProperty("filename", c.filename());
            file.addProperty("title", c.title());
            file.addProperty("png", Base64.getEncoder().encodeToString(c.png()));
            out.add(new OutboxMessage(keyPrefix + ":chart" + i++, OutboxMessage.FILE_UPLOAD, channel, file.toString()));
        }
        return out;
    }
}
