package dev.nrrbot.readouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When a schedule is due: weekly, monthly, time zones, daylight-saving changes, catch-up and skip. */
class ReadoutCalendarTest {

    static Schedule weekly(DayOfWeek day, String time, String zone) {
        return new Schedule(1, Schedule.Kind.WEEKLY, "C1", Schedule.Cadence.WEEKLY, day, LocalTime.parse(time), ZoneId.of(zone),
                false, "U1", Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void weeklyIsTheLatestWeekdayAtTheTimeInTheSchedulesZone() {
        Schedule s = weekly(DayOfWeek.MONDAY, "09:00", "Europe/Berlin");
        // Wednesday 2026-11-25: the latest Monday 09:00 Berlin (UTC+1 in winter) is 2026-11-23 08:00Z
        var o = ReadoutCalendar.latest(s, Instant.parse("2026-11-25T12:00:00Z")).orElseThrow();
        assertThat(o.periodKey()).isEqualTo("2026-11-23");
        assertThat(o.dueAt()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        // a minute before Monday's time, the latest is the Monday before
        assertThat(ReadoutCalendar.latest(s, Instant.parse("2026-11-23T07:59:00Z")).orElseThrow().periodKey()).isEqualTo("2026-11-16");
        assertThat(ReadoutCalendar.next(s, Instant.parse("2026-11-23T07:59:00Z")).dueAt()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
    }

    @Test
    void theSameScheduleInAnotherZoneIsDueAtAnotherInstant() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        assertThat(ReadoutCalendar.latest(weekly(DayOfWeek.MONDAY, "09:00", "America/New_York"), now).orElseThrow().dueAt())
                .isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
        assertThat(ReadoutCalendar.latest(weekly(DayOfWeek.MONDAY, "09:00", "Asia/Tokyo"), now).orElseThrow().dueAt())
                .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void nineOClockStaysNineOClockAcrossTheDaylightSavingChange() {
        Schedule s = weekly(DayOfWeek.MONDAY, "09:00", "Europe/Berlin");
        // Berlin moves to summer time on Sunday 2027-03-28
        assertThat(ReadoutCalendar.next(s, Instant.parse("2027-03-20T00:00:00Z")).dueAt()).isEqualTo(Instant.parse("2027-03-22T08:00:00Z"));
        assertThat(ReadoutCalendar.next(s, Instant.parse("2027-03-23T00:00:00Z")).dueAt()).isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
        // and back on Sunday 2027-10-31
        assertThat(ReadoutCalendar.next(s, Instant.parse("2027-10-30T00:00:00Z")).dueAt()).isEqualTo(Instant.parse("2027-11-01T08:00:00Z"));
    }

    @Test
    void aTimeTheClockSkipsMovesForwardAndARepeatedTimeHappensOnce() {
        // 02:30 does not exist in Berlin on 2027-03-28: the post goes at 03:30 summer time (01:30Z)
        Schedule gap = weekly(DayOfWeek.SUNDAY, "02:30", "Europe/Berlin");
        assertThat(ReadoutCalendar.next(gap, Instant.parse("2027-03-27T00:00:00Z")).dueAt()).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
        // 02:30 happens twice on 2027-10-31: the first one (still summer time, 00:30Z)
        assertThat(ReadoutCalendar.next(gap, Instant.parse("2027-10-30T00:00:00Z")).dueAt()).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
    }

    @Test
    void monthlyIsTheFirstWeekdayOfTheMonth() {
        Schedule s = new Schedule(2, Schedule.Kind.REASONS, "C1", Schedule.Cadence.MONTHLY, DayOfWeek.MONDAY, LocalTime.of(9, 0),
                ZoneId.of("UTC"), false, "U1", Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(ReadoutCalendar.latest(s, Instant.parse("2026-11-25T12:00:00Z")).orElseThrow().periodKey()).isEqualTo("2026-11-02");
        assertThat(ReadoutCalendar.latest(s, Instant.parse("2026-11-02T08:00:00Z")).orElseThrow().periodKey()).isEqualTo("2026-10-05");
        assertThat(ReadoutCalendar.next(s, Instant.parse("2026-11-25T12:00:00Z")).periodKey()).isEqualTo("2026-12-07");
    }

    @Test
    void aPostLessThan24HoursLateGoesOutAndAnOlderOneIsSkipped() {
        var o = new ReadoutCalendar.Occurrence("2026-11-23", Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(o.tooLate(o.dueAt().plus(Duration.ofHours(23).plusMinutes(59)))).isFalse();
        assertThat(o.tooLate(o.dueAt().plus(Duration.ofHours(24)))).isTrue();
    }
}
