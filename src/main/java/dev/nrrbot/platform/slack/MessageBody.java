package dev.nrrbot.platform.slack;

import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.nrrbot.platform.format.Mrkdwn;
import java.util.List;

/** The JSON body of a message the outbox sends later: its notification text and its blocks. */
public final class MessageBody {

    private MessageBody() {
    }

    /**
     * @param text            the notification text: mrkdwn, with its data escaped (it is guarded like the blocks)
     * @param replaceOriginal for a response_url: whether the message replaces the one clicked; null to leave it out */
    public static String json(String text, List<LayoutBlock> blocks, Boolean replaceOriginal) {
        JsonObject o = new JsonObject();
        o.addProperty("text", Mrkdwn.guard(text));
        o.add("blocks", GsonFactory.createSnakeCase().toJsonTree(blocks));
        if (replaceOriginal != null) {
            o.addProperty("replace_original", replaceOriginal);
        }
        return o.toString();
    }
}
