package dev.nrrbot.metrics;

import static dev.nrrbot.metrics.Books.movement;
import static dev.nrrbot.metrics.Books.usd;
import static dev.nrrbot.metrics.Books.ym;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Cohort, Start, End, NRR and GRR over one hand-computed set of books. Window: T12M to 2026-01,
 * so s = 2025-01 and movements count in 2025-02 .. 2026-01.
 *
 * <pre>
 * account   MRR at s   MRR at e   kept (min)  movements in the window
 * steady      1,000      1,000      1,000     none
 * grower        500        700        500     +300 expansion (04), -100 contraction (09)
 * shrinker    2,000      2,500      2,000     -500 contraction (03), +1,000 expansion (10)
 * leaver        300          0          0     -300 churn (06)
 * returner      400        600        400     -400 churn (02), +600 reactivation (07)
 * newbie          0        900          -     new in 05: not in the cohort
 * lapsed          0        350          -     paid in 2024, back in 08: reactivation, not in the cohort
 * total       4,200      4,800      3,900
 * </pre>
 */
class CohortAndRatiosTest {

    private static Books books() {
        return Books.months("2024-10", "2026-01")
                .account("steady", "2024-10", 1000)
                .account("grower", "2024-10", 500, "2025-04", 800, "2025-09", 700)
                .account("shrinker", "2024-10", 2000, "2025-03", 1500, "2025-10", 2500)
                .account("leaver", "2024-10", 300, "2025-06", 0)
                .account("returner", "2024-10", 400, "2025-02", 0, "2025-07", 600)
                .account("newbie", "2025-05", 900)
                .account("lapsed", "2024-10", 200, "2024-12", 0, "2025-08", 350);
    }

    private static RetentionReport report() {
        return books().engine().report(Window.trailing12(ym("2026-01")), Segment.ALL);
    }

    @Test
    void cohortIsTheAccountsPayingAtTheStartOfTheWindow() {
        assertThat(report().cohortAccounts()).isEqualTo(5);
    }

    @Test
    void startAndEndSumTheCohortOnly() {
        RetentionReport r = report();
        assertThat(r.startCents()).isEqualTo(usd(4200));
        assertThat(r.endCents()).isEqualTo(usd(4800)); // newbie's 900 and lapsed's 350 stay out
    }

    @Test
    void nrrIsEndOverStart() {
        RetentionReport r = report();
        assertThat(r.nrr()).isEqualByComparingTo("1.142857"); // 4800 / 4200 to six places
        assertThat(r.nrrPercent()).isEqualByComparingTo("114.3");
        assertThat(r.band()).isEqualTo(Band.GREAT);
    }

    @Test
    void grrCapsEachAccountAtItsStartSoExpansionCannotHideLosses() {
        RetentionReport r = report();
        // shrinker ends at 2,500 but keeps only its 2,000; returner keeps only its 400
        assertThat(r.retainedCents()).isEqualTo(usd(3900));
        assertThat(r.grr()).isEqualByComparingTo("0.928571");
        assertThat(r.grrPercent()).isEqualByComparingTo("92.9");
        assertThat(r.grr()).isLessThanOrEqualTo(r.nrr());
        assertThat(r.grr()).isLessThanOrEqualTo(java.math.BigDecimal.ONE);
    }

    @Test
    void movementsOfTheCohortAddUpToTheChangeFromStartToEnd() {
        RetentionReport r = report();
        assertThat(r.expansionCents()).isEqualTo(usd(300 + 1000));
        assertThat(r.reactivationCents()).isEqualTo(usd(600)); // returner only; lapsed is outside
        assertThat(r.contractionCents()).isEqualTo(usd(100 + 500));
        assertThat(r.churnCents()).isEqualTo(usd(300 + 400));
        assertThat(r.startCents() + r.expansionCents() + r.reactivationCents() - r.contractionCents()
                - r.churnCents()).isEqualTo(r.endCents());
    }

    @Test
    void movementKindsFollowPreviousAndCurrentMrr() {
        Portfolio p = books().portfolio();
        assertThat(movement(p, "grower", "2025-04").kind()).isEqualTo(MovementKind.EXPANSION);
        assertThat(movement(p, "grower", "2025-09").kind()).isEqualTo(MovementKind.CONTRACTION);
        assertThat(movement(p, "grower", "2025-09").cents()).isEqualTo(usd(100));
        assertThat(movement(p, "leaver", "2025-06").kind()).isEqualTo(MovementKind.CHURN);
        assertThat(movement(p, "leaver", "2025-06").cents()).isEqualTo(usd(300));
        assertThat(movement(p, "returner", "2025-07").kind()).isEqualTo(MovementKind.REACTIVATION);
    }

    @Test
    void firstRevenueEverIsNewWhileRevenueAfterAPauseIsReactivation() {
        Portfolio p = books().portfolio();
        assertThat(movement(p, "newbie", "2025-05").kind()).isEqualTo(MovementKind.NEW);
        assertThat(movement(p, "newbie", "2025-05").cents()).isEqualTo(usd(900));
        assertThat(movement(p, "lapsed", "2024-12").kind()).isEqualTo(MovementKind.CHURN);
        assertThat(movement(p, "lapsed", "2025-08").kind()).isEqualTo(MovementKind.REACTIVATION);
    }

    @Test
    void aDropToAPositiveAmountIsContractionAndADropToZeroIsChurn() {
        Portfolio p = Books.months("2025-01", "2025-03")
                .account("a", "2025-01", 100, "2025-02", 1, "2025-03", 0)
                .portfolio();
        assertThat(movement(p, "a", "2025-02").kind()).isEqualTo(MovementKind.CONTRACTION);
        assertThat(movement(p, "a", "2025-02").cents()).isEqualTo(usd(99));
        assertThat(movement(p, "a", "2025-03").kind()).isEqualTo(MovementKind.CHURN);
        assertThat(movement(p, "a", "2025-03").cents()).isEqualTo(usd(1));
    }

    @Test
    void aShrinkingBookHasGrrAtMostNrrAndBothBelowOne() {
        RetentionReport r = Books.months("2025-01", "2025-02")
                .account("a", "2025-01", 1000, "2025-02", 600)
                .account("b", "2025-01", 1000, "2025-02", 1100)
                .engine().report(Window.month(ym("2025-02")), Segment.ALL);
        assertThat(r.nrr()).isEqualByComparingTo("0.85");
        assertThat(r.grr()).isEqualByComparingTo("0.8");
        assertThat(r.band()).isEqualTo(Band.CONCERNING);
    }

    @Test
    void monthsBeforeTheStartOfTheLedgerReadAsNothingPaid() {
        Ledger l = books().ledger();
        assertThat(l.mrr("steady", ym("2024-09"))).isZero();
        assertThat(l.mrr("nobody", ym("2025-01"))).isZero();
        assertThat(l.mrr("steady", ym("2025-01"))).isEqualTo(usd(1000));
    }
}
