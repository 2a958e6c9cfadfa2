package dev.nrrbot.readouts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When a schedule is due. Pure: the time is passed in. Times are wall-clock times in the schedule's
 * zone, so "Monday 09:00 Europe/Berlin" stays 09:00 in Berlin across daylight-saving changes.
 */
public final class ReadoutCalendar {

    /** A missed post goes out when it is less than this late; otherwise it is skipped. */
    public static final Duration CATCH_UP = Duration.ofHours(24);

    /** One occurrence: its key (the local date) and its instant. */
    public record Occurrence(String periodKey, Instant dueAt) {
        public boolean tooLate(Instant now) {
            return Duration.between(dueAt, now).compareTo(CATCH_UP) >= 0;
        }
    }

    private ReadoutCalendar() {
    }

    /** The latest occurrence at or before {@code now}, if the schedule has had one. */
    public static Optional<Occurrence> latest(Schedule s, Instant now) {
        ZonedDateTime local = now.atZone(s.zone());
        LocalDate day = s.cadence() == Schedule.Cadence.WEEKLY
                ? local.toLocalDate().with(TemporalAdjusters.previousOrSame(s.weekday()))
                : local.toLocalDate().with(TemporalAdjusters.firstInMonth(s.weekday()));
        Occurrence o = at(s, day);
        if (o.dueAt().isAfter(now)) {
            day = s.cadence() == Schedule.Cadence.WEEKLY ? day.minusWeeks(1)
                    : local.toLocalDate().minusMonths(1).with(TemporalAdjusters.firstInMonth(s.weekday()));
            o = at(s, day);
        }
        return Optional.of(o);
    }

    /** The next occurrence after {@code now}. */
    public static Occurrence next(Schedule s, Instant now) {
        ZonedDateTime local = now.atZone(s.zone());
        LocalDate day = s.cadence() == Schedule.Cadence.WEEKLY
                ? local.toLocalDate().with(TemporalAdjusters.nextOrSame(s.weekday()))
                : local.toLocalDate().with(TemporalAdjusters.firstInMonth(s.weekday()));
        Occurrence o = at(s, day);
        while (!o.dueAt().isAfter(now)) {
            day = s.cadence() == Schedule.Cadence.WEEKLY ? day.plusWeeks(1)
                    : day.plusMonths(1).with(TemporalAdjusters.firstInMonth(s.weekday()));
            o = at(s, day);
        }
        return o;
    }

    /** A local time that a spring-forward skips moves forward by the gap; an autumn repeat takes the first. */
    private static Occurrence at(Schedule s, LocalDate day) {
        return new Occurrence(day.toString(), ZonedDateTime.of(day, s.at(), s.zone()).toInstant());
    }
}
