package dev.nrrbot.metrics;

import static dev.nrrbot.metrics.Books.usd;
import static dev.nrrbot.metrics.Books.ym;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The example everybody can check by hand: Start 5,000,000, expansion 800,000, contraction 200,000,
 * churn 400,000 gives End 5,200,000 and NRR 104%, in the "good" band.
 */
class WorkedExampleTest {

    @Test
    void oneMonthWindowGivesNrrOfExactly104Percent() {
        NrrEngine engine = Books.months("2026-01", "2026-02")
                .account("grows", "2026-01", 2_000_000, "2026-02", 2_800_000)
                .account("shrinks", "2026-01", 1_000_000, "2026-02", 800_000)
                .account("leaves", "2026-01", 400_000, "2026-02", 0)
                .account("stays", "2026-01", 1_600_000)
                .account("arrives", "2026-02", 300_000) // new after s: not in the cohort
                .engine();

        RetentionReport r = engine.report(Window.month(ym("2026-02")), Segment.ALL);

        assertThat(r.startCents()).isEqualTo(usd(5_000_000));
        assertThat(r.expansionCents()).isEqualTo(usd(800_000));
        assertThat(r.contractionCents()).isEqualTo(usd(200_000));
        assertThat(r.churnCents()).isEqualTo(usd(400_000));
        assertThat(r.reactivationCents()).isZero();
        assertThat(r.endCents()).isEqualTo(usd(5_200_000));
        assertThat(r.nrr()).isEqualByComparingTo("1.04");
        assertThat(r.nrrPercent()).isEqualByComparingTo("104.0");
        assertThat(r.netPoints()).isEqualByComparingTo("4.0");
        // the bands are for 12-month NRR: one month at 104% is 1.04^12 = 160.1% a year
        assertThat(r.annualisedNrr()).isEqualByComparingTo("1.601032");
        assertThat(r.band()).isEqualTo(Band.BEST_IN_CLASS);
        assertThat(r.cohortAccounts()).isEqualTo(4);
        // GRR: 2,000,000 + 800,000 + 0 + 1,600,000 kept of 5,000,000
        assertThat(r.grr()).isEqualByComparingTo("0.88");
    }

    @Test
    void trailingTwelveMonthsWithReasonsGivesTheSameNumbersAndSplitsThe4PointsByFunction() {
        NrrEngine engine = Books.months("2025-01", "2026-01")
                .account("anchor", "2025-01", 2_000_000, "2025-05", 2_300_000, "2025-11", 2_800_000)
                .account("trimmer", "2025-01", 1_000_000, "2025-08", 800_000)
                .account("quitter", "2025-01", 400_000, "2026-01", 0)
                .account("steady", "2025-01", 1_600_000)
                .account("newcomer", "2025-06", 300_000)
                .record("anchor", "2025-05-03", "upsell")
                .record("anchor", "2025-10-20", "cross_sell")
                .record("trimmer", "2025-07-15", "pricing")
                .record("quitter", "2025-12-01", "competitor")
                .engine();

        Window t12m = engine.window("T12M");
        assertThat(t12m.start()).isEqualTo(ym("2025-01"));
        assertThat(t12m.end()).isEqualTo(ym("2026-01"));

        RetentionReport r = engine.report(t12m, Segment.ALL);
        assertThat(r.startCents()).isEqualTo(usd(5_000_000));
        assertThat(r.endCents()).isEqualTo(usd(5_200_000));
        assertThat(r.expansionCents()).isEqualTo(usd(800_000));
        assertThat(r.contractionCents()).isEqualTo(usd(200_000));
        assertThat(r.churnCents()).isEqualTo(usd(400_000));
        assertThat(r.nrr()).isEqualByComparingTo("1.04");
        assertThat(r.band()).isEqualTo(Band.GOOD);

        // 100 x signed amount / Start: +800,000 -> +16, -200,000 -> -4, -400,000 -> -8
        assertThat(r.contributions())
                .extracting(Contribution::functionCode, Contribution::signedCents, Contribution::movements,
                        Contribution::points)
                .containsExactly(
                        tuple("account_management", usd(800_000), 2, new BigDecimal("16.0")),
                        tuple("unattributed", 0L, 0, new BigDecimal("0.0")),
                        tuple("finance", usd(-200_000), 1, new BigDecimal("-4.0")),
                        tuple("product", usd(-400_000), 1, new BigDecimal("-8.0")));
        assertThat(r.contributions().stream().map(Contribution::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(r.netPoints());
    }
}
