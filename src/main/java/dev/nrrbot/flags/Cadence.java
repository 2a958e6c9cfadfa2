package dev.nrrbot.flags;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;

/**
 * How often flags come back. Defaults: a reminder every 2 business days while nobody acknowledges,
 * the escalation contact after 3 nudges, snooze for 7 days, each owner's digest on Monday at 09:00.
 */
public record Cadence(int followUpBusinessDays, int nudgesBeforeEscalation, int snoozeDays, DayOfWeek digestDay,
                      int digestHour, ZoneId zone) {

    public static final Cadence DEFAULTS = new Cadence(2, 3, 7, DayOfWeek.MONDAY, 9, ZoneId.of("UTC"));

    /** Overrides from settings (names as in the app_setting table); unknown or bad values keep the default. */
    public static Cadence from(Map<String, String> settings, ZoneId zone) {
        Cadence d = DEFAULTS;
        return new Cadence(
                intOr(settings.get("followup_business_days"), d.followUpBusinessDays()),
                intOr(settings.get("nudges_before_escalation"), d.nudgesBeforeEscalation()),
                intOr(settings.get("snooze_days"), d.snoozeDays()),
                settings.containsKey("digest_day") ? DayOfWeek.valueOf(settings.get("digest_day").trim().toUpperCase()) : d.digestDay(),
                intOr(settings.get("digest_hour"), d.digestHour()),
                zone);
    }

    private static int intOr(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
