package dev.nrrbot.metrics;

import static dev.nrrbot.metrics.Books.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Why revenue left, over all accounts' churn and contraction in the window. Window: the year 2025,
 * (2024-12, 2025-12].
 *
 * <pre>
 * account  first paid  loss in window              reason       tenure of the churn
 * old      2024-01     churn 1,000 in 2025-03      competitor   14 months: mature
 * shrink   2024-01     contraction 800 in 2025-05  competitor   (not a churn)
 * mid      2024-08     churn 500 in 2025-02        pricing      6: mid
 * fresh    2025-04     churn 300 in 2025-06        pricing      2: early (new in the window)
 * silent   2024-03     churn 800 in 2025-09        none         18: mature
 * gone1    2024-06     churn 200 in 2025-11        budget_cut   17: mature
 * gone2    2025-01     churn 200 in 2025-04        acquired     3: early
 * before   2024-01     churn 900 in 2024-10        -            before the window: not counted
 * </pre>
 */
class ParetoTest {

    private static ReasonPareto pareto2025() {
        return Books.months("2024-01", "2025-12")
                .account("old", "2024-01", 1000, "2025-03", 0)
                .account("shrink", "2024-01", 2000, "2025-05", 1200)
                .account("mid", "2024-08", 500, "2025-02", 0)
                .account("fresh", "2025-04", 300, "2025-06", 0)
                .account("silent", "2024-03", 800, "2025-09", 0)
                .account("gone1", "2024-06", 200, "2025-11", 0)
                .account("gone2", "2025-01", 200, "2025-04", 0)
                .account("before", "2024-01", 900, "2024-10", 0)
                .account("grows", "2024-01", 100, "2025-07", 5000)
                .record("old", "2025-02-10", "competitor")
                .record("shrink", "2025-05-02", "competitor")
                .record("mid", "2025-01-20", "pricing")
                .record("fresh", "2025-06-01", "pricing")
                .record("gone1", "2025-10-01", "budget_cut")
                .record("gone2", "2025-04-15", "acquired")
                .record("before", "2024-10-01", "pricing")
                .engine().pareto(Window.year(2025), Segment.ALL);
    }

    @Test
    void rowsAreSortedByLostRevenueThenMovementsThenCode() {
        assertThat(pareto2025().rows())
                .extracting(ReasonPareto.Row::reason, ReasonPareto.Row::lostCents, ReasonPareto.Row::movements)
                .containsExactly(
                        tuple("competitor", usd(1800), 2),
                        tuple("pricing", usd(800), 2),         // ties with unexplained on revenue, more movements
                        tuple("unexplained", usd(800), 1),
                        tuple("acquired", usd(200), 1),        // ties with budget_cut on both: by code
                        tuple("budget_cut", usd(200), 1));
    }

    @Test
    void newCustomersWhoLeaveInsideTheWindowCountButLossesBeforeItDoNot() {
        ReasonPareto p = pareto2025();
        assertThat(p.totalLostCents()).isEqualTo(usd(1000 + 800 + 500 + 300 + 800 + 200 + 200));
        assertThat(p.rows()).filteredOn(r -> r.reason().equals("pricing")).singleElement()
                .extracting(ReasonPareto.Row::lostCents).isEqualTo(usd(500 + 300));
    }

    @Test
    void sharesAndCumulativeSharesAreFractionsOfTotalLost() {
        assertThat(pareto2025().rows())
                .extracting(ReasonPareto.Row::share, ReasonPareto.Row::cumulative)
                .containsExactly(
                        tuple(new BigDecimal("0.4737"), new BigDecimal("0.4737")),   // 1800/3800
                        tuple(new BigDecimal("0.2105"), new BigDecimal("0.6842")),   // 800/3800, 2600/3800
                        tuple(new BigDecimal("0.2105"), new BigDecimal("0.8947")),   // 3400/3800
                        tuple(new BigDecimal("0.0526"), new BigDecimal("0.9474")),   // 3600/3800
                        tuple(new BigDecimal("0.0526"), new BigDecimal("1.0000")));
    }

    @Test
    void theVitalFewAreTheShortestPrefixReaching80Percent() {
        assertThat(pareto2025().vitalFew()).containsExactly("competitor", "pricing", "unexplained");
    }

    @Test
    void exactly80PercentIsEnoughForTheVitalFew() {
        ReasonPareto p = Books.months("2025-01", "2025-02")
                .account("a", "2025-01", 800, "2025-02", 0)
                .account("b", "2025-01", 200, "2025-02", 0)
                .record("a", "2025-02-01", "competitor")
                .record("b", "2025-02-01", "pricing")
                .engine().pareto(Window.month(Books.ym("2025-02")), Segment.ALL);
        assertThat(p.rows().get(0).cumulative()).isEqualByComparingTo("0.8");
        assertThat(p.vitalFew()).containsExactly("competitor");
    }

    @Test
    void lostRevenueWithoutAReasonIsItsOwnRowCalledUnexplained() {
        ReasonPareto p = pareto2025();
        assertThat(p.unexplainedLostCents()).isEqualTo(usd(800));
        assertThat(p.rows()).filteredOn(r -> r.reason().equals(ReasonTaxonomy.UNEXPLAINED)).singleElement()
                .satisfies(r -> {
                    assertThat(r.reason()).isEqualTo("unexplained");
                    assertThat(r.function()).isNull();
                    assertThat(r.label()).isNotBlank();
                });
    }

    @Test
    void rowsCarryTheFunctionOfTheirCode() {
        assertThat(pareto2025().rows())
                .extracting(ReasonPareto.Row::reason, ReasonPareto.Row::functionCode)
                .contains(tuple("competitor", "product"), tuple("pricing", "finance"),
                        tuple("budget_cut", "external"), tuple("acquired", "external"));
    }

    @Test
    void churnsAreBucketedByTenureAndContractionsAreNot() {
        assertThat(pareto2025().tenure())
                .extracting(ReasonPareto.TenureBucket::tenure, ReasonPareto.TenureBucket::churns,
                        ReasonPareto.TenureBucket::lostCents)
                .containsExactly(
                        tuple(Tenure.EARLY, 2, usd(300 + 200)),
                        tuple(Tenure.MID, 1, usd(500)),
                        tuple(Tenure.MATURE, 3, usd(1000 + 800 + 200)));
    }

    @ParameterizedTest
    @CsvSource({"1, EARLY", "3, EARLY", "4, MID", "12, MID", "13, MATURE", "40, MATURE"})
    void tenureBucketsAreEarlyOneToThreeMidFourToTwelveMatureFromThirteen(int months, Tenure expected) {
        assertThat(Tenure.ofMonths(months)).isEqualTo(expected);
    }

    @Test
    void tenureCountsMonthsFromTheFirstPaidMonthToTheChurnMonth() {
        // first paid 2024-01; churn in 2024-04 is 3 months later (early), in 2024-05 is 4 (mid),
        // in 2025-01 is 12 (mid), in 2025-02 is 13 (mature)
        NrrEngine engine = Books.months("2024-01", "2025-02")
                .account("three", "2024-01", 100, "2024-04", 0)
                .account("four", "2024-01", 100, "2024-05", 0)
                .account("twelve", "2024-01", 100, "2025-01", 0)
                .account("thirteen", "2024-01", 100, "2025-02", 0)
                .engine();
        ReasonPareto p = engine.pareto(new Window("all", Books.ym("2024-01"), Books.ym("2025-02")), Segment.ALL);
        assertThat(p.tenure()).extracting(ReasonPareto.TenureBucket::churns).containsExactly(1, 2, 1);
    }

    @Test
    void aWindowWithoutLossesHasNoRowsAndNoVitalFew() {
        ReasonPareto p = Books.months("2025-01", "2025-02")
                .account("a", "2025-01", 100, "2025-02", 200)
                .engine().pareto(Window.month(Books.ym("2025-02")), Segment.ALL);
        assertThat(p.rows()).isEmpty();
        assertThat(p.vitalFew()).isEmpty();
        assertThat(p.totalLostCents()).isZero();
        assertThat(p.tenure()).extracting(ReasonPareto.TenureBucket::churns).containsExactly(0, 0, 0);
    }
}
