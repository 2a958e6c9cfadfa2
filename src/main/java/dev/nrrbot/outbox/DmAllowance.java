package dev.nrrbot.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

/**
 * How many direct messages a person gets from the bot: at most {@code cap} in any 24 hours, every
 * kind counted (nudges, notices, reason lists, follow-ups); the rest waits for the person's next
 * digest, which is the one DM exempt from the cap. Channel posts and replies to a command are not DMs.
 */
public final class DmAllowance {

    /** The setting that holds the cap (app_setting), 1-20. */
    public static final String SETTING = "dm_cap_per_day";
    public static final int DEFAULT_CAP = 3;
    public static final int MIN_CAP = 1;
    public static final int MAX_CAP = 20;
    /** Dedupe keys of digests start with this: they are never held. */
    public static final String DIGEST_KEY = "dm-digest:";
    public static final Duration WINDOW = Duration.ofHours(24);

    /** Slack user ids (U..., W... on Enterprise Grid); channels are C, G or D. */
    private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,}");

    private DmAllowance() {
    }

    /** Whether a message is a DM the cap counts: chat.postMessage to a person, and not a digest. */
    public static boolean counts(OutboxMessage m) {
        return m.method().equals(OutboxMessage.POST_MESSAGE) && USER.matcher(m.recipient()).matches()
                && !m.dedupeKey().startsWith(DIGEST_KEY);
    }

    /** Whether one more DM goes out now, with {@code sentInWindow} already sent or queued in the last 24 hours. */
    public static boolean allows(int sentInWindow, int cap) {
        return sentInWindow < cap;
    }

    /** The stored setting as a cap; a missing or unreadable value is the default. */
    public static int cap(String stored) {
        if (stored == null) {
            return DEFAULT_CAP;
        }
        try {
            int n = Integer.parseInt(stored.trim());
            return n < MIN_CAP || n > MAX_CAP ? DEFAULT_CAP : n;
        } catch (NumberFormatException e) {
            return DEFAULT_CAP;
        }
    }

    /**
     * Whether a person's digest is due: the oldest message held for them was held on an earlier day
     * (in {@code zone}) and today's digest hour has come.
     */
    public static boolean digestDue(Instant oldestHeld, Instant now, ZoneId zone, int digestHour) {
        ZonedDateTime t = now.atZone(zone);
        return oldestHeld.atZone(zone).toLocalDate().isBefore(t.toLocalDate()) && t.getHour() >= digestHour;
    }
}
