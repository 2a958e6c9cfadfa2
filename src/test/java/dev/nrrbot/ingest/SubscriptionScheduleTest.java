package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.ingest.SubscriptionSchedule.Subscription;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.MovementKind;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonTaxonomy;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MRR at the end of a month is the sum of the account's subscriptions running on its last day; a
 * subscription runs on day d when start <= d and (no end or d < end): the end date is exclusive.
 */
class SubscriptionScheduleTest {

    private static final YearMonth JAN = YearMonth.of(2025, 1);
    private static final YearMonth JUN = YearMonth.of(2025, 6);

    private static Subscription sub(String id, String account, String start, String end, long cents) {
        return new Subscription(id, account, LocalDate.parse(start), end == null ? null : LocalDate.parse(end), cents);
    }

    private static long[] months(List<Subscription> subs, String account) {
        return SubscriptionSchedule.monthly(subs, JAN, JUN).get(account);
    }

    @Test
    void aSubscriptionEndingOnTheFirstStopsCountingTheMonthBefore() {
        // runs through 2025-03-31; April 1st is the first day without service
        assertThat(months(List.of(sub("s", "a", "2025-01-15", "2025-04-01", 10000)), "a"))
                .containsExactly(10000, 10000, 10000, 0, 0, 0);
    }

    @Test
    void aSubscriptionEndingOnTheLastDayOfAMonthDoesNotCountThatMonth() {
        // not running on 2025-03-31 itself, so March's month-end MRR is 0
        assertThat(months(List.of(sub("s", "a", "2025-01-15", "2025-03-31", 10000)), "a"))
                .containsExactly(10000, 10000, 0, 0, 0, 0);
    }

    @Test
    void aSubscriptionEndingMidMonthDoesNotCountThatMonth() {
        assertThat(months(List.of(sub("s", "a", "2025-01-01", "2025-02-14", 10000)), "a"))
                .containsExactly(10000, 0, 0, 0, 0, 0);
    }

    @Test
    void aSubscriptionStartingOnTheLastDayCountsThatMonth() {
        assertThat(months(List.of(sub("s", "a", "2025-02-28", null, 500)), "a"))
                .containsExactly(0, 500, 500, 500, 500, 500);
    }

    @Test
    void aSubscriptionStartingOnTheFirstDoesNotCountTheMonthBefore() {
        assertThat(months(List.of(sub("s", "a", "2025-03-01", null, 500)), "a"))
                .containsExactly(0, 0, 500, 500, 500, 500);
    }

    @Test
    void aSubscriptionStartingAndEndingInsideOneMonthNeverCounts() {
        assertThat(months(List.of(sub("s", "a", "2025-03-05", "2025-03-20", 500)), "a"))
                .containsOnly(0L);
        assertThat(months(List.of(sub("s", "a", "2025-03-05", "2025-03-05", 500)), "a"))
                .containsOnly(0L);
    }

    @Test
    void leapDayIsTheLastDayOfFebruary() {
        List<Subscription> subs = List.of(
                sub("ends-on-29th", "a", "2024-01-01", "2024-02-29", 100),
                sub("ends-on-1st", "b", "2024-01-01", "2024-03-01", 100));
        Map<String, long[]> m = SubscriptionSchedule.monthly(subs, YearMonth.of(2024, 1), YearMonth.of(2024, 3));
        assertThat(m.get("a")).containsExactly(100, 0, 0);
        assertThat(m.get("b")).containsExactly(100, 100, 0);
    }

    @Test
    void subscriptionsStartedBeforeTheRangeAreClippedToIt() {
        assertThat(months(List.of(sub("s", "a", "2023-07-01", "2025-03-01", 700)), "a"))
                .containsExactly(700, 700, 0, 0, 0, 0);
    }

    @Test
    void openEndedSubscriptionsRunToTheLastMonth() {
        assertThat(months(List.of(sub("s", "a", "2025-01-01", null, 700)), "a")).containsOnly(700L);
    }

    @Test
    void severalSubscriptionsOfOneAccountAddUp() {
        List<Subscription> subs = List.of(
                sub("base", "a", "2025-01-10", null, 10000),
                sub("addon", "a", "2025-02-01", "2025-05-01", 2550),
                sub("other", "b", "2025-01-01", null, 100));
        Map<String, long[]> m = SubscriptionSchedule.monthly(subs, JAN, JUN);
        assertThat(m.get("a")).containsExactly(10000, 12550, 12550, 12550, 10000, 10000);
        assertThat(m.get("b")).containsOnly(100L);
        assertThat(m).containsOnlyKeys("a", "b");
    }

    @Test
    void cancellingOneOfTwoSubscriptionsIsAContractionNotAChurn() {
        List<Subscription> subs = List.of(
                sub("base", "a", "2025-01-01", "2025-06-01", 10000),
                sub("addon", "a", "2025-01-01", "2025-04-01", 5000));
        Map<String, long[]> m = SubscriptionSchedule.monthly(subs, JAN, JUN);

        Ledger.Builder b = Ledger.builder(JAN, JUN).coverAll();
        long[] row = m.get("a");
        for (int i = 0; i < row.length; i++) {
            b.mrr("a", JAN.plusMonths(i), row[i]);
        }
        Portfolio p = Portfolio.of(b.build(), List.of(), ReasonTaxonomy.defaults(), List.of(), List.of());
        assertThat(p.movements(0))
                .extracting(mv -> mv.month(), mv -> mv.kind(), mv -> mv.cents())
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(YearMonth.of(2025, 4), MovementKind.CONTRACTION, 5000L),
                        org.assertj.core.api.Assertions.tuple(YearMonth.of(2025, 6), MovementKind.CHURN, 10000L));
    }

    @Test
    void runsOnFollowsTheExclusiveEnd() {
        Subscription s = sub("s", "a", "2025-01-10", "2025-02-01", 1);
        assertThat(s.runsOn(LocalDate.parse("2025-01-09"))).isFalse();
        assertThat(s.runsOn(LocalDate.parse("2025-01-10"))).isTrue();
        assertThat(s.runsOn(LocalDate.parse("2025-01-31"))).isTrue();
        assertThat(s.runsOn(LocalDate.parse("2025-02-01"))).isFalse();
    }
}
