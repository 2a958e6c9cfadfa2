package dev.nrrbot.flags;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * How often flags come back. Defaults: a reminder every 2 business days while nobody acknowledges,
 * the escalation contact after 3 nudges, snooze for 7 days, each owner's digest on Monday at 09:00.
 */
public record Cadence(int followUpBusinessDays, int nudgesBeforeEscalation, int snoozeDays, DayOfWeek digestDay,
                      int digestHour, ZoneId zone) {

    public static final Cadence DEFAULTS = new Cadence(2, 3, 7, DayOfWeek.MONDAY, 9, ZoneId.of("UTC"));

    /** The settings a team can change, with what each accepts. */
    public static final Map<String, String> SETTINGS;

    static {
        Map<String, String> s = new java.util.LinkedHashMap<>();
        s.put("followup_business_days", "business days between reminders of an unacknowledged flag, 1-30 (default 2)");
        s.put("nudges_before_escalation", "nudges before the escalation contact hears, 1-20 (default 3)");
        s.put("snooze_days", "days a snooze lasts, 1-90 (default 7)");
        s.put("digest_day", "the day of each owner's digest, MONDAY-SUNDAY (default MONDAY)");
        s.put("digest_hour", "the hour of the digest in NRR_TIMEZONE, 0-23 (default 9)");
        s.put("reason_floor_mrr", "the smallest churn or contraction, in whole MRR, whose reason the bot asks for, 0-1000000"
                + " (default 0: every one)");
        s.put(dev.nrrbot.outbox.DmAllowance.SETTING, "the most DMs one person gets from the bot in 24 hours, every kind counted,"
                + " 1-20 (default 3); the rest come in their next digest, at digest_hour");
        SETTINGS = java.util.Collections.unmodifiableMap(s);
    }

    /** Checks a setting's value; returns the normalized value or throws with what is accepted. */
    public static String validate(String name, String value) {
        if (!SETTINGS.containsKey(name)) {
            throw new IllegalArgumentException("unknown setting '" + name + "'. Settings: " + String.join(", ", SETTINGS.keySet()));
        }
        String v = value.trim();
        try {
            switch (name) {
                case "digest_day":
                    return DayOfWeek.valueOf(v.toUpperCase(java.util.Locale.ROOT)).name();
                case "followup_business_days":
                    return range(v, 1, 30);
                case "nudges_before_escalation":
                    return range(v, 1, 20);
                case "snooze_days":
                    return range(v, 1, 90);
                case "reason_floor_mrr":
                    return range(v, 0, 1_000_000);
                case dev.nrrbot.outbox.DmAllowance.SETTING:
                    return range(v, dev.nrrbot.outbox.DmAllowance.MIN_CAP, dev.nrrbot.outbox.DmAllowance.MAX_CAP);
                default:
                    return range(v, 0, 23);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not valid for " + name + ": " + SETTINGS.get(name));
        }
    }

    private static String range(String v, int min, int max) {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
            throw new IllegalArgumentException();
        }
        return Integer.toString(n);
    }

    /**
     * Overrides from settings (names as in the app_setting table). A value {@link #validate} would
     * refuse (unknown, not a number, out of range) keeps the default.
     */
    public static Cadence from(Map<String, String> settings, ZoneId zone) {
        Cadence d = DEFAULTS;
        return new Cadence(
                valid(settings, "followup_business_days").map(Integer::parseInt).orElse(d.followUpBusinessDays()),
                valid(settings, "nudges_before_escalation").map(Integer::parseInt).orElse(d.nudgesBeforeEscalation()),
                valid(settings, "snooze_days").map(Integer::parseInt).orElse(d.snoozeDays()),
                valid(settings, "digest_day").map(DayOfWeek::valueOf).orElse(d.digestDay()),
                valid(settings, "digest_hour").map(Integer::parseInt).orElse(d.digestHour()),
                zone);
    }

    /** The smallest loss, in cents, whose reason is asked for (the {@code reason_floor_mrr} setting). */
    public static long reasonFloorCents(Map<String, String> settings) {
        return valid(settings, "reason_floor_mrr").map(Long::parseLong).orElse(0L) * 100;
    }

    private static Optional<String> valid(Map<String, String> settings, String name) {
        String value = settings.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(validate(name, value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
