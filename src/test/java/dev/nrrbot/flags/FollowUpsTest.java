package dev.nrrbot.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.metrics.BusinessFunction;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When flags come back, on fixed instants: 2026-11-23 is a Monday. */
class FollowUpsTest {

    static final Instant MONDAY_10 = Instant.parse("2026-11-23T10:00:00Z");
    /** Reminders every 2 business days, escalation after 3, digest on Monday at 09:00 UTC. */
    static final Cadence C = Cadence.DEFAULTS;

    static Cadence in(String zone) {
        return Cadence.from(java.util.Map.of(), ZoneId.of(zone));
    }

    static Cadence cadence(int followUpDays, int nudgesBeforeEscalation, DayOfWeek digestDay, int digestHour, String zone) {
        return new Cadence(followUpDays, nudgesBeforeEscalation, 7, digestDay, digestHour, ZoneId.of(zone));
    }

    /** An open flag for U1, created on Monday 10:00 and nudged {@code nudges} times, last at {@code last}. */
    static Flag open(int nudges, Instant last) {
        return new Flag(1, "A1", BusinessFunction.PRODUCT, null, "note", 100, null, Flag.State.OPEN, null, null, null,
                "U1", "U2", MONDAY_10, MONDAY_10, nudges, last, null, 0);
    }

    // ---- business days ----
    @ParameterizedTest(name = "{0} + {1} business days = {2}")
    @CsvSource({
            "2026-11-23T10:00:00Z, 0, 2026-11-23T10:00:00Z",   // Monday, nothing to add
            "2026-11-23T10:00:00Z, 1, 2026-11-24T10:00:00Z",   // Monday -> Tuesday
            "2026-11-23T10:00:00Z, 5, 2026-11-30T10:00:00Z",   // a whole week
            "2026-11-26T10:00:00Z, 2, 2026-11-30T10:00:00Z",   // Thursday -> Monday over the weekend
            "2026-11-27T10:00:00Z, 1, 2026-11-30T10:00:00Z",   // Friday -> Monday
            "2026-11-28T10:00:00Z, 1, 2026-11-30T10:00:00Z",   // from a Saturday
            "2026-11-29T10:00:00Z, 1, 2026-11-30T10:00:00Z",   // from a Sunday
            "2026-11-28T10:00:00Z, 2, 2026-12-01T10:00:00Z",   // Saturday + 2 -> Tuesday
            "2026-11-27T10:00:00Z, 10, 2026-12-11T10:00:00Z",  // two weekends
    })
    void skipSaturdaysAndSundaysInUtc(Instant from, int days, Instant expected) {
        assertThat(FollowUps.addBusinessDays(from, days, in("UTC"))).isEqualTo(expected);
    }

    @Test
    void theWeekendIsTheWeekendOfTheConfiguredZone() {
        // Friday 23:30 UTC is already Saturday morning in Tokyo
        Instant fridayNight = Instant.parse("2026-11-27T23:30:00Z");
        assertThat(FollowUps.addBusinessDays(fridayNight, 1, in("UTC"))).isEqualTo(Instant.parse("2026-11-30T23:30:00Z"));
        assertThat(FollowUps.addBusinessDays(fridayNight, 1, in("Asia/Tokyo")))
                .isEqualTo(Instant.parse("2026-11-29T23:30:00Z")); // Monday 08:30 in Tokyo
        // Saturday 03:00 UTC is still Friday evening in Los Angeles
        Instant saturdayEarly = Instant.parse("2026-11-28T03:00:00Z");
        assertThat(FollowUps.addBusinessDays(saturdayEarly, 1, in("UTC"))).isEqualTo(Instant.parse("2026-11-30T03:00:00Z"));
        assertThat(FollowUps.addBusinessDays(saturdayEarly, 1, in("America/Los_Angeles")))
                .isEqualTo(Instant.parse("2026-12-01T03:00:00Z")); // Monday 19:00 in Los Angeles
    }

    @Test
    void keepsTheLocalTimeOfDayAcrossADaylightSavingChange() {
        // New York leaves daylight saving time on Sunday 2026-11-01: Friday 10:00 EDT -> Monday 10:00 EST
        assertThat(FollowUps.addBusinessDays(Instant.parse("2026-10-30T14:00:00Z"), 1, in("America/New_York")))
                .isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));
    }

    // ---- what is due ----
    @Test
    void anOpenFlagIsNudgedTwoBusinessDaysAfterItsLastNudge() {
        Flag f = open(1, MONDAY_10);
        assertThat(FollowUps.due(f, Instant.parse("2026-11-25T09:59:59Z"), C)).isEqualTo(FollowUps.Due.NOTHING);
        assertThat(FollowUps.due(f, Instant.parse("2026-11-25T10:00:00Z"), C)).isEqualTo(FollowUps.Due.NUDGE);
    }

    @Test
    void withoutANudgeYetTheCreationCounts() {
        Flag f = open(0, null);
        assertThat(FollowUps.due(f, Instant.parse("2026-11-24T10:00:00Z"), C)).isEqualTo(FollowUps.Due.NOTHING);
        assertThat(FollowUps.due(f, Instant.parse("2026-11-25T10:00:00Z"), C)).isEqualTo(FollowUps.Due.NUDGE);
    }

    @Test
    void theWeekendDoesNotCount() {
        Flag nudgedFriday = open(2, Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(FollowUps.due(nudgedFriday, Instant.parse("2026-11-30T10:00:00Z"), C)).isEqualTo(FollowUps.Due.NOTHING);
        assertThat(FollowUps.due(nudgedFriday, Instant.parse("2026-12-01T10:00:00Z"), C)).isEqualTo(FollowUps.Due.NUDGE);
    }

    @Test
    void afterTheLastNudgeItEscalatesOnce() {
        Instant friday = Instant.parse("2026-11-27T10:00:00Z");
        Instant tuesday = Instant.parse("2026-12-01T10:00:00Z");
        Flag f = open(3, friday);
        assertThat(FollowUps.due(f, tuesday.minusSeconds(1), C)).isEqualTo(FollowUps.Due.NOTHING);
        assertThat(FollowUps.due(f, tuesday, C)).isEqualTo(FollowUps.Due.ESCALATE);
        Flag escalated = f.withEscalatedAt(tuesday);
        assertThat(FollowUps.due(escalated, tuesday.plusSeconds(86_400 * 30), C)).isEqualTo(FollowUps.Due.NOTHING);
    }

    @Test
    void followsTheCadence() {
        Cadence quick = cadence(1, 1, DayOfWeek.MONDAY, 9, "UTC");
        assertThat(FollowUps.due(open(1, MONDAY_10), Instant.parse("2026-11-24T10:00:00Z"), quick))
                .isEqualTo(FollowUps.Due.ESCALATE);
        Cadence patient = cadence(5, 3, DayOfWeek.MONDAY, 9, "UTC");
        assertThat(FollowUps.due(open(1, MONDAY_10), Instant.parse("2026-11-27T10:00:00Z"), patient))
                .isEqualTo(FollowUps.Due.NOTHING);
        assertThat(FollowUps.due(open(1, MONDAY_10), Instant.parse("2026-11-30T10:00:00Z"), patient))
                .isEqualTo(FollowUps.Due.NUDGE);
    }

    @Test
    void aSnoozeEndsWhenItsTimeComes() {
        Instant until = Instant.parse("2026-11-30T10:00:00Z");
        Flag snoozed = open(1, MONDAY_10).withSnoozedUntil(until, MONDAY_10);
        assertThat(FollowUps.due(snoozed, until.minusSeconds(1), C)).isEqualTo(FollowUps.Due.NOTHING);
        assertThat(FollowUps.due(snoozed, until, C)).isEqualTo(FollowUps.Due.SNOOZE_ENDED);
        // however long it was not acknowledged before
        assertThat(FollowUps.due(snoozed, until.plusSeconds(86_400 * 10), C)).isEqualTo(FollowUps.Due.SNOOZE_ENDED);
        assertThat(FollowUps.due(snoozed.withSnoozedUntil(null, MONDAY_10), until, C)).isEqualTo(FollowUps.Due.NOTHING);
    }

    @Test
    void acknowledgedAndResolvedFlagsNeverComeBack() {
        Instant muchLater = Instant.parse("2027-06-01T10:00:00Z");
        assertThat(FollowUps.due(open(1, MONDAY_10).withState(Flag.State.ACKNOWLEDGED, MONDAY_10), muchLater, C))
                .isEqualTo(FollowUps.Due.NOTHING);
        assertThat(FollowUps.due(open(1, MONDAY_10).withOutcome(Flag.Outcome.SAVED, null, MONDAY_10), muchLater, C))
                .isEqualTo(FollowUps.Due.NOTHING);
    }

    @Test
    void businessDaysAreCountedInTheCadencesZone() {
        // nudged Friday 23:30 UTC, which is Saturday in Tokyo: two business days there end Tuesday 08:30 JST
        Flag f = open(1, Instant.parse("2026-11-27T23:30:00Z"));
        Instant mondayNightUtc = Instant.parse("2026-11-30T23:30:00Z"); // Tuesday 08:30 in Tokyo
        assertThat(FollowUps.due(f, mondayNightUtc, in("Asia/Tokyo"))).isEqualTo(FollowUps.Due.NUDGE);
        assertThat(FollowUps.due(f, mondayNightUtc, in("UTC"))).isEqualTo(FollowUps.Due.NOTHING);
    }

    // ---- the digest week ----
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "2026-11-30T08:59:59Z, none",       // Monday, before 09:00
            "2026-11-30T09:00:00Z, 2026-W49",   // Monday 09:00
            "2026-11-30T23:59:59Z, 2026-W49",   // later that Monday
            "2026-12-01T09:00:00Z, none",       // Tuesday: a bot down on Monday skips the week
            "2026-11-29T09:00:00Z, none",       // Sunday
            "2026-11-23T10:00:00Z, 2026-W48",
            "2026-01-05T09:00:00Z, 2026-W02",   // the week number has two digits
    })
    void onlyOnTheDigestDayFromItsHour(Instant now, String week) {
        assertThat(FollowUps.digestWeek(now, in("UTC"))).isEqualTo(week);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2024-12-30T09:00:00Z, 2025-W01",   // a Monday of December in the next year's first week
            "2026-12-28T09:00:00Z, 2026-W53",   // 2026 has 53 ISO weeks
            "2027-01-04T09:00:00Z, 2027-W01",   // and 2027 starts on its first Monday
            "2021-01-04T09:00:00Z, 2021-W01",
    })
    void theWeekIsTheIsoWeekOfTheIsoWeekBasedYear(Instant now, String week) {
        assertThat(FollowUps.digestWeek(now, in("UTC"))).isEqualTo(week);
    }

    @Test
    void daysAtTheTurnOfTheYearBelongToTheirIsoYear() {
        // Sunday 2027-01-03 and Friday 2021-01-01 are in the last week of the year before
        assertThat(FollowUps.digestWeek(Instant.parse("2027-01-03T09:00:00Z"), cadence(2, 3, DayOfWeek.SUNDAY, 9, "UTC")))
                .isEqualTo("2026-W53");
        assertThat(FollowUps.digestWeek(Instant.parse("2021-01-01T09:00:00Z"), cadence(2, 3, DayOfWeek.FRIDAY, 9, "UTC")))
                .isEqualTo("2020-W53");
    }

    @Test
    void theDayAndHourAreThoseOfTheConfiguredZone() {
        // Berlin is UTC+1 in winter: 09:00 there is 08:00 UTC
        assertThat(FollowUps.digestWeek(Instant.parse("2026-11-30T07:59:59Z"), in("Europe/Berlin"))).isNull();
        assertThat(FollowUps.digestWeek(Instant.parse("2026-11-30T08:00:00Z"), in("Europe/Berlin"))).isEqualTo("2026-W49");
        // midnight UTC on Monday is 09:00 in Tokyo, and before 09:00 in UTC
        assertThat(FollowUps.digestWeek(Instant.parse("2026-11-30T00:00:00Z"), in("Asia/Tokyo"))).isEqualTo("2026-W49");
        assertThat(FollowUps.digestWeek(Instant.parse("2026-11-30T00:00:00Z"), in("UTC"))).isNull();
        // Tuesday 07:00 UTC is still Monday 23:00 in Los Angeles
        assertThat(FollowUps.digestWeek(Instant.parse("2026-12-01T07:00:00Z"), in("America/Los_Angeles"))).isEqualTo("2026-W49");
        // the year's turn in the zone: Monday 2026-12-28 09:00 in Tokyo is Monday 00:00 UTC
        assertThat(FollowUps.digestWeek(Instant.parse("2026-12-28T00:00:00Z"), in("Asia/Tokyo"))).isEqualTo("2026-W53");
    }

    @Test
    void atHourZeroTheWholeDayCounts() {
        Cadence midnight = cadence(2, 3, DayOfWeek.MONDAY, 0, "UTC");
        assertThat(FollowUps.digestWeek(Instant.parse("2026-11-29T23:59:59Z"), midnight)).isNull();
        assertThat(FollowUps.digestWeek(Instant.parse("2026-11-30T00:00:00Z"), midnight)).isEqualTo("2026-W49");
    }

    @Test
    void offsetZonesWork() {
        Cadence minusFive = new Cadence(2, 3, 7, DayOfWeek.MONDAY, 9, ZoneOffset.ofHours(-5));
        assertThat(FollowUps.digestWeek(Instant.parse("2026-11-30T14:00:00Z"), minusFive)).isEqualTo("2026-W49");
        assertThat(FollowUps.digestWeek(Instant.parse("2026-11-30T13:59:59Z"), minusFive)).isNull();
    }
}
