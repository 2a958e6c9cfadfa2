package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.MovementKind;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subscriptions turned into the monthly ledger: MRR at each month's last day, end_date exclusive. */
class SubscriptionImportTest extends ImportTestSupport {

    private static final List<String> ALL = List.of("alder-co", "birch-ltd", "cedar-inc", "dogwood-sa", "elm-co",
            "fir-co", "gum-co");

    @Test
    void endDateIsTheFirstDayWithoutService() {
        ImportSummary s = load(ImportKind.SUBSCRIPTIONS, csv("subs.csv", """
                subscription_id,account_id,start_date,end_date,mrr
                s-1,alder-co,2025-01-15,2025-04-01,100
                s-2,birch-ltd,2025-01-01,2025-03-31,40
                s-3,cedar-inc,2025-02-28,,25
                s-4,dogwood-sa,2025-03-31,2025-04-30,60
                s-5,elm-co,2025-02-10,2025-02-10,10
                """));

        assertThat(ledger(ALL.subList(0, 5), "2025-01", "2025-04")).containsExactly(
                // starts mid-January: running on Jan 31; ends Apr 1: still running on Mar 31
                Map.entry("alder-co", List.of(10_000L, 10_000L, 10_000L, 0L)),
                // ends Mar 31: that is the first day without service, so not running at the end of March
                Map.entry("birch-ltd", List.of(4_000L, 4_000L, 0L, 0L)),
                // starts on the last day of February: counts for February
                Map.entry("cedar-inc", List.of(0L, 2_500L, 2_500L, 2_500L)),
                Map.entry("dogwood-sa", List.of(0L, 0L, 6_000L, 0L)),
                // ends the day it starts: never running
                Map.entry("elm-co", List.of(0L, 0L, 0L, 0L)));
        assertThat(s.firstMonth()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(s.lastMonth()).isEqualTo(YearMonth.of(2025, 4));
        assertThat(snapshot().tables().get("subscription")).containsExactly(
                "s-1|alder-co|2025-01-15|2025-04-01|10000",
                "s-2|birch-ltd|2025-01-01|2025-03-31|4000",
                "s-3|cedar-inc|2025-02-28|null|2500",
                "s-4|dogwood-sa|2025-03-31|2025-04-30|6000",
                "s-5|elm-co|2025-02-10|2025-02-10|1000");
    }

    @Test
    void amountPerIntervalIsDividedHalfEvenToTheCent() {
        load(ImportKind.SUBSCRIPTIONS, csv("subs.csv", """
                subscription_id,account_id,start_date,end_date,amount,interval
                q-1,alder-co,2025-01-01,,1000.00,quarter
                q-2,birch-ltd,2025-01-01,,200,Quarterly
                y-1,cedar-inc,2025-01-01,,1.50,year
                y-2,dogwood-sa,2025-01-01,,1.62,annual
                y-3,elm-co,2025-01-01,,"12,000",yearly
                m-1,fir-co,2025-01-01,,99.99,month
                y-4,gum-co,2025-01-01,,0.30,YEAR
                """));

        assertThat(ledger(ALL, "2025-01", "2025-01")).containsExactly(
                Map.entry("alder-co", List.of(33_333L)),   // 100000 / 3 = 33333.33
                Map.entry("birch-ltd", List.of(6_667L)),   // 20000 / 3 = 6666.67
                Map.entry("cedar-inc", List.of(12L)),      // 150 / 12 = 12.5, to the even cent
                Map.entry("dogwood-sa", List.of(14L)),     // 162 / 12 = 13.5, to the even cent
                Map.entry("elm-co", List.of(100_000L)),
                Map.entry("fir-co", List.of(9_999L)),
                Map.entry("gum-co", List.of(2L)));         // 30 / 12 = 2.5, to the even cent
    }

    @Test
    void anAmountIsRoundedOnceAfterDividingByTheInterval() {
        load(ImportKind.SUBSCRIPTIONS, csv("subs.csv", """
                subscription_id,account_id,start_date,end_date,amount,interval
                y-1,alder-co,2025-01-01,,12.065,year
                q-1,cedar-inc,2025-01-01,,"1,000.005",quarter
                m-1,dogwood-sa,2025-01-01,,1.005,month
                m-2,elm-co,2025-01-01,,1.0051,month
                """));

        assertThat(ledger(List.of("alder-co", "cedar-inc", "dogwood-sa", "elm-co"), "2025-01", "2025-01")).containsExactly(
                // 12.065 / 12 = 1.00541..: 1.01 (rounding to 12.06 first gave 1.005, then 1.00)
                Map.entry("alder-co", List.of(101L)),
                // 1000.005 / 3 = 333.335, half a cent: to the even 333.34 (1000.00 first gave 333.33)
                Map.entry("cedar-inc", List.of(33_334L)),
                // a month's price is rounded once too: 1.005 to the even cent, 1.0051 up
                Map.entry("dogwood-sa", List.of(100L)),
                Map.entry("elm-co", List.of(101L)));
        assertThat(snapshot().tables().get("subscription")).contains("y-1|alder-co|2025-01-01|null|101");
    }

    @Test
    void unknownIntervalIsRejected() {
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.SUBSCRIPTIONS, csv("subs.csv", """
                subscription_id,account_id,start_date,amount,billing_period
                q-1,alder-co,2025-01-01,300,quarter
                f-1,birch-ltd,2025-01-01,300,fortnight
                """));

        assertThat(e.problems()).containsExactly(
                "subs.csv:3 column 'billing_period' value 'fortnight': month, quarter or year");
        assertNothingWritten(before);
    }

    @Test
    void severalSubscriptionsOfOneAccountAddUp() {
        ImportSummary s = load(ImportKind.SUBSCRIPTIONS, csv("subs.csv", """
                subscription_id,account_id,start_date,end_date,mrr
                a-1,alder-co,2025-01-01,,100
                a-2,alder-co,2025-01-01,2025-03-01,50
                a-3,alder-co,2025-02-10,2025-04-01,30
                b-1,birch-ltd,2025-01-01,2025-03-01,80
                """));

        assertThat(ledger(List.of("alder-co", "birch-ltd"), "2025-01", "2025-04")).containsExactly(
                Map.entry("alder-co", List.of(15_000L, 18_000L, 13_000L, 10_000L)),
                Map.entry("birch-ltd", List.of(8_000L, 8_000L, 0L, 0L)));
        // cancelling one of several subscriptions is a contraction, not a churn
        assertThat(movements()).containsExactlyInAnyOrder(
                "alder-co 2025-02 expansion 3000",
                "alder-co 2025-03 contraction 5000",
                "alder-co 2025-04 contraction 3000",
                "birch-ltd 2025-03 churn 8000");
        assertThat(s.rows()).isEqualTo(4);
        assertThat(s.accounts()).isEqualTo(2);
        assertThat(s.months()).isEqualTo(4);
        assertThat(s.movements()).isEqualTo(kinds(MovementKind.EXPANSION, 1, MovementKind.CONTRACTION, 2,
                MovementKind.CHURN, 1));
        assertThat(s.unexplainedLosses()).isEqualTo(3);
        assertThat(s.lines()).contains("Imported subs.csv (subscriptions): 4 rows, 2 accounts.",
                "Months covered: 2025-01 to 2025-04 (4 months).",
                "Movements found in those months: 0 new, 1 expansion, 0 reactivation, 2 contraction, 1 churn.");
    }

    @Test
    void monthsRunFromTheEarliestStartToTheMonthOfTheLatestDate() {
        // the latest date is an end date
        ImportSummary s = load(ImportKind.SUBSCRIPTIONS, csv("subs.csv", """
                subscription_id,account_id,start_date,end_date,mrr
                s-2,birch-ltd,2025-01-01,2025-06-01,50
                s-1,alder-co,2024-11-20,,100
                """));

        assertThat(s.firstMonth()).isEqualTo(YearMonth.of(2024, 11));
        assertThat(s.lastMonth()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(s.months()).isEqualTo(8);
        Ledger l = store.loadPortfolio().ledger();
        assertThat(l.coveredMonths()).first().isEqualTo(YearMonth.of(2024, 11));
        assertThat(l.coveredMonths()).hasSize(8).last().isEqualTo(YearMonth.of(2025, 6));
        assertThat(ledger(List.of("alder-co", "birch-ltd"), "2024-11", "2025-06")).containsExactly(
                Map.entry("alder-co", List.of(10_000L, 10_000L, 10_000L, 10_000L, 10_000L, 10_000L, 10_000L, 10_000L)),
                Map.entry("birch-ltd", List.of(0L, 0L, 5_000L, 5_000L, 5_000L, 5_000L, 5_000L, 0L)));
    }

    @Test
    void theLatestDateMayBeAStartDate() {
        ImportSummary s = load(ImportKind.SUBSCRIPTIONS, csv("subs.csv", """
                subscription_id,account_id,start_date,end_date,mrr
                s-1,alder-co,2025-01-05,2025-02-01,100
                s-2,birch-ltd,2025-05-17,,50
                """));

        assertThat(s.firstMonth()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(s.lastMonth()).isEqualTo(YearMonth.of(2025, 5));
        assertThat(ledger(List.of("alder-co", "birch-ltd"), "2025-01", "2025-05")).containsExactly(
                Map.entry("alder-co", List.of(10_000L, 0L, 0L, 0L, 0L)),
                Map.entry("birch-ltd", List.of(0L, 0L, 0L, 0L, 5_000L)));
    }

    private Path twoSubscriptions() {
        return csv("subs.csv", """
                subscription_id,account_id,start_date,end_date,mrr
                s-1,alder-co,2024-11-20,,100
                s-2,birch-ltd,2025-01-01,2025-06-01,50
                """);
    }

    @Test
    void throughExtendsTheRange() {
        ImportSummary s = load(ImportKind.SUBSCRIPTIONS, twoSubscriptions(), new ImportOptions(false, YearMonth.of(2025, 9)));

        assertThat(s.firstMonth()).isEqualTo(YearMonth.of(2024, 11));
        assertThat(s.lastMonth()).isEqualTo(YearMonth.of(2025, 9));
        assertThat(s.months()).isEqualTo(11);
        assertThat(store.loadPortfolio().ledger().latestMonth()).contains(YearMonth.of(2025, 9));
        assertThat(ledger(List.of("alder-co", "birch-ltd"), "2025-05", "2025-09")).containsExactly(
                Map.entry("alder-co", List.of(10_000L, 10_000L, 10_000L, 10_000L, 10_000L)),
                Map.entry("birch-ltd", List.of(5_000L, 0L, 0L, 0L, 0L)));
    }

    @Test
    void throughCutsTheRange() {
        ImportSummary s = load(ImportKind.SUBSCRIPTIONS, twoSubscriptions(), new ImportOptions(false, YearMonth.of(2025, 2)));

        assertThat(s.lastMonth()).isEqualTo(YearMonth.of(2025, 2));
        assertThat(s.months()).isEqualTo(4);
        Ledger l = store.loadPortfolio().ledger();
        assertThat(l.coveredMonths()).containsExactly(YearMonth.of(2024, 11), YearMonth.of(2024, 12),
                YearMonth.of(2025, 1), YearMonth.of(2025, 2));
        assertThat(l.isCovered(YearMonth.of(2025, 3))).isFalse();
        assertThat(l.mrr("birch-ltd", YearMonth.of(2025, 2))).isEqualTo(5_000);
    }

    @Test
    void throughBeforeTheFirstStartIsRejected() {
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.SUBSCRIPTIONS, twoSubscriptions(),
                new ImportOptions(false, YearMonth.of(2024, 10)));

        assertThat(e.problems()).containsExactly("subs.csv: --through 2024-10 is before the earliest start_date"
                + " (2024-11); give a month from 2024-11 on");
        assertNothingWritten(before);
    }

    @Test
    void subscriptionsAreTheWholeTruthForTheirMonths() {
        load(ImportKind.MRR, csv("ledger.csv", """
                account_id,month,mrr
                legacy-co,2024-12,500
                legacy-co,2025-01,500
                legacy-co,2025-02,500
                """));

        load(ImportKind.SUBSCRIPTIONS, csv("subs.csv", """
                subscription_id,account_id,start_date,end_date,mrr
                s-1,alder-co,2025-01-01,2025-02-15,100
                """));

        assertThat(ledger(List.of("legacy-co", "alder-co"), "2024-12", "2025-02")).containsExactly(
                Map.entry("legacy-co", List.of(50_000L, 0L, 0L)),
                Map.entry("alder-co", List.of(0L, 10_000L, 0L)));
        assertThat(snapshot().tables().get("covered_month")).containsExactly(
                "2024-12-01|mrr", "2025-01-01|subscriptions", "2025-02-01|subscriptions");
    }

    @Test
    void importingTheSameSubscriptionsTwiceChangesNothing() {
        Path file = csv("subs.csv", """
                subscription_id,account_id,start_date,end_date,amount,interval
                a-1,alder-co,2025-01-01,,1200,year
                a-2,alder-co,2025-02-01,2025-05-01,300,quarter
                b-1,birch-ltd,2025-01-01,2025-04-01,99.90,month
                """);
        ImportSummary first = load(ImportKind.SUBSCRIPTIONS, file);
        Snapshot once = snapshot();
        List<String> movementsOnce = movements();

        ImportSummary second = load(ImportKind.SUBSCRIPTIONS, file);

        assertThat(snapshot().tables()).isEqualTo(once.tables());
        assertThat(movements()).isEqualTo(movementsOnce);
        assertThat(second).isEqualTo(first);
        assertThat(rowsIn("subscription")).isEqualTo(3);
        assertThat(rowsIn("account")).isEqualTo(2);
    }
}
