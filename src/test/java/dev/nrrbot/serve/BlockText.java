package dev.nrrbot.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** What a person reads in a Slack message or view: every text in its blocks, joined. */
public final class BlockText {

    private BlockText() {
    }

    /** Every text in the blocks, joined: what a person reads. */
    public static String of(JsonObject message) {
        StringBuilder out = new StringBuilder();
        collect(message.get("blocks"), out);
        return out.toString();
    }

    private static void collect(JsonElement e, StringBuilder out) {
        if (e == null || e.isJsonNull()) {
            return;
        }
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collect(x, out));
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("text") && o.get("text").isJsonPrimitive()) {
                out.append(o.get("text").getAsString()).append('\n');
            }
            if (o.has("value") && o.get("value").isJsonPrimitive()) {
                out.append("[value:").append(o.get("value").getAsString()).append("]\n");
            }
            o.entrySet().forEach(x -> {
                if (!x.getKey().equals("text") || !x.getValue().isJsonPrimitive()) {
                    collect(x.getValue(), out);
                }
            });
        }
    }
}
