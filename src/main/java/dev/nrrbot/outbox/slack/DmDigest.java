package dev.nrrbot.outbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nrrbot.outbox.DmAllowance;
import dev.nrrbot.outbox.OutboxMessage;
import dev.nrrbot.outbox.db.Outbox;
import dev.nrrbot.platform.slack.BlockKit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Each person's digest of the DMs held over the day's cap: once a day, at the digest hour, one DM
 * that carries the held messages themselves, oldest first, buttons and all, so nothing is lost and
 * each can still be acted on. What does not fit in one message stays held for the next digest.
 */
public final class DmDigest {

    /** The header and the closing line of a digest. */
    private static final int OWN_BLOCKS = 2;

    private final Outbox outbox;
    private final Clock clock;
    private final ZoneId zone;
    private final IntSupplier digestHour;

    /** @param digestHour the hour of the day (in {@code zone}) digests go out: the digest_hour setting */
    public DmDigest(Outbox outbox, Clock clock, ZoneId zone, IntSupplier digestHour) {
        this.outbox = outbox;
        this.clock = clock;
        this.zone = zone;
        this.digestHour = digestHour;
    }

    /** Queues the digests that are due; returns how many held messages they carry. */
    public int run() {
        Instant now = clock.instant();
        int hour = digestHour.getAsInt();
        int carried = 0;
        for (Map.Entry<String, Instant> e : outbox.heldRecipients().entrySet()) {
            if (DmAllowance.digestDue(e.getValue(), now, zone, hour)) {
                carried += digest(e.getKey(), now);
            }
        }
        return carried;
    }

    private int digest(String recipient, Instant now) {
        List<Outbox.Held> held = outbox.held(recipient);
        JsonArray blocks = new JsonArray();
        Set<String> blockIds = new HashSet<>();
        List<Long> ids = new ArrayList<>();
        for (Outbox.Held m : held) {
            JsonArray own = blocksOf(m.message());
            if (blocks.size() + own.size() + 1 > BlockKit.MAX_BLOCKS - OWN_BLOCKS || !distinctIds(own, blockIds)) {
                if (ids.isEmpty()) {
                    continue; // a message that can never fit is skipped here, kept held and named in the count
                }
                break;
            }
            JsonObject divider = new JsonObject();
            divider.addProperty("type", "divider");
            blocks.add(divider);
            own.forEach(blocks::add);
            ids.add(m.id());
        }
        if (ids.isEmpty()) {
            return 0;
        }
        int waiting = held.size() - ids.size();
        String headline = "*" + ids.size() + (ids.size() == 1 ? " message" : " messages") + " held back since yesterday*,"
                + " oldest first: the bot sends at most a few DMs a day, and the rest come here.";
        JsonArray all = new JsonArray();
        all.add(section(headline));
        all.addAll(blocks);
        all.add(context(waiting > 0 ? waiting + " more wait for tomorrow's digest." : "That is everything held for you."));
        JsonObject body = new JsonObject();
        body.addProperty("text", ids.size() + (ids.size() == 1 ? " message" : " messages") + " held back since yesterday");
        body.add("blocks", all);
        String key = DmAllowance.DIGEST_KEY + recipient + ":" + now.atZone(zone).toLocalDate();
        return outbox.digest(new OutboxMessage(key, OutboxMessage.POST_MESSAGE, recipient, body.toString()), ids, now)
                ? ids.size() : 0;
    }

    private static JsonArray blocksOf(OutboxMessage m) {
        JsonObject o = JsonParser.parseString(m.body()).getAsJsonObject();
        if (o.has("blocks") && o.get("blocks").isJsonArray() && o.getAsJsonArray("blocks").size() > 0) {
            return o.getAsJsonArray("blocks").deepCopy();
        }
        JsonArray one = new JsonArray();
        one.add(section(o.has("text") ? o.get("text").getAsString() : "(a message)"));
        return one;
    }

    /** Slack refuses a message whose blocks repeat a block_id (two DMs about one flag): such a message waits. */
    private static boolean distinctIds(JsonArray own, Set<String> seen) {
        List<String> ids = new ArrayList<>();
        for (JsonElement b : own) {
            JsonElement id = b.getAsJsonObject().get("block_id");
            if (id != null) {
                if (seen.contains(id.getAsString()) || ids.contains(id.getAsString())) {
                    return false;
                }
                ids.add(id.getAsString());
            }
        }
        seen.addAll(ids);
        return true;
    }

    private static JsonObject section(String mrkdwn) {
        JsonObject text = new JsonObject();
        text.addProperty("type", "mrkdwn");
        text.addProperty("text", mrkdwn);
        JsonObject s = new JsonObject();
        s.addProperty("type", "section");
        s.add("text", text);
        return s;
    }

    private static JsonObject context(String mrkdwn) {
        JsonObject text = new JsonObject();
        text.addProperty("type", "mrkdwn");
        text.addProperty("text", mrkdwn);
        JsonArray elements = new JsonArray();
        elements.add(text);
        JsonObject c = new JsonObject();
        c.addProperty("type", "context");
        c.add("elements", elements);
        return c;
    }
}
