package dev.nrrbot.readouts.render;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import dev.nrrbot.outbox.OutboxMessage;
import dev.nrrbot.platform.slack.MessageBody;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A readout: the message, what its charts show, and the NRR it states (x 1,000,000). Nothing is
 * drawn until {@link #messages} is given a renderer, so a preview of the message costs no charts.
 */
public record Readout(String text, List<LayoutBlock> blocks, List<Chart> charts, Long nrrMicros) {

    /** One chart to upload next to the message, as a PNG named {@code filename}. */
    public record Chart(String filename, String title, ChartSpec spec) {
    }

    public Readout {
        blocks = List.copyOf(blocks);
        charts = List.copyOf(charts);
    }

    /** The dedupe key of the message a readout queued under {@code keyPrefix} (its charts follow it). */
    public static String messageKey(String keyPrefix) {
        return keyPrefix + ":message";
    }

    /**
     * The outbox messages that post it: the message first, then each chart, drawn by {@code renderer}.
     * {@code username} and {@code iconUrl} post it under a person's name (quarterly readouts); null
     * posts as the bot.
     */
    public List<OutboxMessage> messages(String keyPrefix, String channel, String username, String iconUrl, ChartRenderer renderer) {
        List<OutboxMessage> out = new ArrayList<>();
        JsonObject body = JsonParser.parseString(MessageBody.json(text, blocks, null)).getAsJsonObject();
        if (username != null) {
            body.addProperty("username", username);
        }
        if (iconUrl != null) {
            body.addProperty("icon_url", iconUrl);
        }
        out.add(new OutboxMessage(messageKey(keyPrefix), OutboxMessage.POST_MESSAGE, channel, body.toString()));
        int i = 1;
        for (Chart c : charts) {
            JsonObject file = new JsonObject();
            file.addProperty("filename", c.filename());
            file.addProperty("title", c.title());
            file.addProperty("png", Base64.getEncoder().encodeToString(renderer.png(c.spec())));
            out.add(new OutboxMessage(keyPrefix + ":chart" + i++, OutboxMessage.FILE_UPLOAD, channel, file.toString()));
        }
        return out;
    }
}
