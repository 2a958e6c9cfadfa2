package dev.nrrbot.readouts;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A readout posted to a channel on a schedule: the weekly NRR readout, or the churn-reason summary
 * (weekly or monthly). {@code showNames} marks channels allowed to see account names.
 */
public record Schedule(long id, Kind kind, String channelId, Cadence cadence, DayOfWeek weekday, LocalTime at, ZoneId zone,
                       boolean showNames, String createdBy, java.time.Instant createdAt) {

    public enum Kind {
        WEEKLY, REASONS;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Cadence {
        WEEKLY, MONTHLY;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String describe() {
        String when = cadence == Cadence.WEEKLY
                ? "every " + weekday.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                : "on the first " + weekday.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " of each month";
        return "#" + id + " " + (kind == Kind.WEEKLY ? "weekly NRR readout" : "churn-reason summary") + " in <#" + channelId + "> "
                + when + " at " + at + " " + zone.getId() + (showNames ? ", with account names" : "");
    }
}
