package dev.nrrbot.metrics;

import static dev.nrrbot.metrics.Books.usd;
import static dev.nrrbot.metrics.Books.ym;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function's contribution in points is 100 x (signed amounts of the cohort's movements it owns)
 * / Start; rounded to one decimal with the largest remainder so the parts add up to the total shown.
 */
class ContributionsTest {

    private static BigDecimal sumOfPoints(RetentionReport r) {
        return r.contributions().stream().map(Contribution::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void threeEqualThirdsOfAPointAddUpToTheRoundedTotal() {
        // Start 3,000; each function adds 10, i.e. 0.333... points; the net is exactly +1.0
        RetentionReport r = Books.months("2025-01", "2025-02")
                .account("a", "2025-01", 1000, "2025-02", 1010)
                .account("b", "2025-01", 1000, "2025-02", 1010)
                .account("c", "2025-01", 1000, "2025-02", 1010)
                .record("a", "2025-02-01", "seat_growth")
                .record("b", "2025-02-01", "upsell")
                .record("c", "2025-02-01", "price_increase")
                .engine().report(Window.month(ym("2025-02")), Segment.ALL);

        assertThat(r.netPoints()).isEqualByComparingTo("1.0");
        // equal remainders: the extra tenth goes to the earliest function in the list of functions
        assertThat(r.contributions())
                .extracting(Contribution::functionCode, Contribution::signedCents, Contribution::points)
                .containsExactly(
                        tuple("customer_success", usd(10), new BigDecimal("0.4")),
                        tuple("account_management", usd(10), new BigDecimal("0.3")),
                        tuple("finance", usd(10), new BigDecimal("0.3")),
                        tuple("unattributed", 0L, new BigDecimal("0.0")));
        assertThat(sumOfPoints(r)).isEqualByComparingTo(r.netPoints());
    }

    @Test
    void movementsWithoutAReasonOrWithAnUnownedCodeAreUnattributed() {
        RetentionReport r = Books.months("2025-01", "2025-04")
                .account("a", "2025-01", 1000, "2025-02", 0)          // no reason
                .account("b", "2025-01", 1000, "2025-03", 500)        // "unknown" belongs to no function
                .account("c", "2025-01", 2000, "2025-04", 1000)       // pricing belongs to finance
                .record("b", "2025-03-02", "unknown")
                .record("c", "2025-04-02", "pricing")
                .engine().report(new Window("2025-01..2025-04", ym("2025-01"), ym("2025-04")), Segment.ALL);

        // Start 4,000: unattributed -1,500 -> -37.5; finance -1,000 -> -25.0
        assertThat(r.contributions())
                .extracting(Contribution::functionCode, Contribution::signedCents, Contribution::movements,
                        Contribution::points)
                .containsExactly(
                        tuple("finance", usd(-1000), 1, new BigDecimal("-25.0")),
                        tuple("unattributed", usd(-1500), 2, new BigDecimal("-37.5")));
        assertThat(r.netPoints()).isEqualByComparingTo("-62.5");
        assertThat(sumOfPoints(r)).isEqualByComparingTo(r.netPoints());
    }

    @Test
    void unattributedIsAlwaysListedEvenWhenEverythingIsExplained() {
        RetentionReport r = Books.months("2025-01", "2025-02")
                .account("a", "2025-01", 1000, "2025-02", 900)
                .record("a", "2025-02-10", "bugs_reliability")
                .engine().report(Window.month(ym("2025-02")), Segment.ALL);
        assertThat(r.contributions())
                .extracting(Contribution::functionCode, Contribution::movements, Contribution::points)
                .containsExactly(
                        tuple("unattributed", 0, new BigDecimal("0.0")),
                        tuple("engineering", 1, new BigDecimal("-10.0")));
    }

    @Test
    void aFlatWindowStillShowsUnattributedAtZero() {
        RetentionReport r = Books.months("2025-01", "2025-02")
                .account("a", "2025-01", 1000)
                .engine().report(Window.month(ym("2025-02")), Segment.ALL);
        assertThat(r.contributions()).singleElement()
                .satisfies(c -> {
                    assertThat(c.function()).isNull();
                    assertThat(c.functionLabel()).isEqualTo("Unattributed");
                    assertThat(c.points()).isEqualByComparingTo("0");
                });
    }

    @Test
    void contributionsAreRankedFromMostAddedToMostTakenAway() {
        RetentionReport r = Books.months("2025-01", "2025-02")
                .account("a", "2025-01", 1000, "2025-02", 1300)   // upsell +300
                .account("b", "2025-01", 1000, "2025-02", 1100)   // seat_growth +100
                .account("c", "2025-01", 1000, "2025-02", 0)      // competitor -1,000
                .account("d", "2025-01", 1000, "2025-02", 800)    // pricing -200
                .account("e", "2025-01", 1000, "2025-02", 950)    // no reason -50
                .record("a", "2025-02-01", "upsell")
                .record("b", "2025-02-01", "seat_growth")
                .record("c", "2025-02-01", "competitor")
                .record("d", "2025-02-01", "pricing")
                .engine().report(Window.month(ym("2025-02")), Segment.ALL);
        assertThat(r.contributions())
                .extracting(Contribution::functionCode, Contribution::points)
                .containsExactly(
                        tuple("account_management", new BigDecimal("6.0")),
                        tuple("customer_success", new BigDecimal("2.0")),
                        tuple("unattributed", new BigDecimal("-1.0")),
                        tuple("finance", new BigDecimal("-4.0")),
                        tuple("product", new BigDecimal("-20.0")));
        assertThat(r.netPoints()).isEqualByComparingTo("-17.0");
        assertThat(sumOfPoints(r)).isEqualByComparingTo(r.netPoints());
    }

    @Test
    void onlyTheCohortsMovementsContribute() {
        RetentionReport r = Books.months("2025-01", "2025-03")
                .account("a", "2025-01", 1000, "2025-03", 1100)
                .account("fresh", "2025-02", 5000, "2025-03", 0)   // new after s, then churns: not the cohort's
                .record("a", "2025-03-01", "upsell")
                .record("fresh", "2025-03-01", "competitor")
                .engine().report(new Window("custom", ym("2025-01"), ym("2025-03")), Segment.ALL);
        assertThat(r.contributions()).extracting(Contribution::functionCode)
                .containsExactly("account_management", "unattributed");
        assertThat(r.churnCents()).isZero();
    }

    @Test
    void pointsAreEachFunctionsShareOfStartToWithinOneRoundingStep() {
        // Start 7,000; parts +1,000 (14.2857), -3,000 (-42.857), +500 (7.142857)
        RetentionReport r = Books.months("2025-01", "2025-02")
                .account("a", "2025-01", 3000, "2025-02", 4000)
                .account("b", "2025-01", 3000, "2025-02", 0)
                .account("c", "2025-01", 1000, "2025-02", 1500)
                .record("a", "2025-02-01", "upsell")
                .record("b", "2025-02-01", "pricing")
                .record("c", "2025-02-01", "seat_growth")
                .engine().report(Window.month(ym("2025-02")), Segment.ALL);
        for (Contribution c : r.contributions()) {
            BigDecimal exact = BigDecimal.valueOf(c.signedCents() * 100)
                    .divide(BigDecimal.valueOf(r.startCents()), MathContext.DECIMAL64);
            assertThat(c.points().subtract(exact).abs()).as(c.functionCode()).isLessThan(new BigDecimal("0.1"));
        }
        // NRR 5,500 / 7,000 = 78.571...% -> 78.6, net -21.4
        assertThat(r.netPoints()).isEqualByComparingTo("-21.4");
        assertThat(sumOfPoints(r)).isEqualByComparingTo("-21.4");
        assertThat(r.contributions().stream().mapToLong(Contribution::signedCents).sum())
                .isEqualTo(r.endCents() - r.startCents());
    }

    @Test
    void largestRemainderGivesMissingTenthsToTheLargestRemainders() {
        // 100 x {1, 1, 1} / 3 = 33.33 each; total 100.0
        assertThat(LargestRemainder.points(List.of(1L, 1L, 1L), 3, 1))
                .containsExactly(new BigDecimal("33.4"), new BigDecimal("33.3"), new BigDecimal("33.3"));
        // 100 x {3, 1} / 7 = 42.857, 14.2857: floors 42.8 and 14.2 leave 0.057 and 0.0857 over;
        // the total 57.142 rounds to 57.1, so one tenth is missing and the larger remainder gets it
        assertThat(LargestRemainder.points(List.of(3L, 1L), 7, 1))
                .containsExactly(new BigDecimal("42.8"), new BigDecimal("14.3"));
    }

    @Test
    void largestRemainderHandlesLossesAndGainsThatCancel() {
        List<BigDecimal> parts = LargestRemainder.points(List.of(-1L, -1L, 2L), 3, 1);
        assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");
        assertThat(parts).containsExactly(new BigDecimal("-33.3"), new BigDecimal("-33.3"), new BigDecimal("66.6"));
    }
}
