package dev.nrrbot.metrics;

import static dev.nrrbot.metrics.Books.day;
import static dev.nrrbot.metrics.Books.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A reason record reaches the account's first churn or contraction in the month of its date or the
 * three months after; drivers reach expansions and reactivations the same way. Several records on
 * one movement: the latest date wins, then the one imported last. A reason set on the movement
 * itself wins over all records. Records that reach nothing are kept as unmatched.
 */
class ReasonAttributionTest {

    /** "acme" pays 1,000 and churns in 2025-06. */
    private static Books acmeChurnsInJune() {
        return Books.months("2025-01", "2025-12").account("acme", "2025-01", 1000, "2025-06", 0);
    }

    @Test
    void aRecordInTheMonthOfTheChurnAttaches() {
        Portfolio p = acmeChurnsInJune().record("acme", "2025-06-30", "pricing").portfolio();
        assertThat(reasonOf(p, "acme", "2025-06")).isEqualTo("pricing");
        assertThat(p.unmatchedRecords()).isEmpty();
    }

    @Test
    void aRecordReachesAChurnUpToThreeMonthsAfterItsMonth() {
        Portfolio p = acmeChurnsInJune().record("acme", "2025-03-01", "pricing").portfolio();
        assertThat(reasonOf(p, "acme", "2025-06")).isEqualTo("pricing");
    }

    @Test
    void aRecordFourMonthsBeforeTheChurnIsUnmatched() {
        Portfolio p = acmeChurnsInJune().record("acme", "2025-02-28", "pricing").portfolio();
        assertThat(reasonOf(p, "acme", "2025-06")).isNull();
        assertThat(p.unmatchedRecords()).extracting(ReasonRecord::date).containsExactly(day("2025-02-28"));
    }

    @Test
    void aRecordDatedAfterTheChurnMonthIsUnmatched() {
        Portfolio p = acmeChurnsInJune().record("acme", "2025-07-01", "pricing").portfolio();
        assertThat(reasonOf(p, "acme", "2025-06")).isNull();
        assertThat(p.unmatchedRecords()).hasSize(1);
    }

    @Test
    void aRecordAttachesToTheFirstLossInReachNotALaterOne() {
        Portfolio p = Books.months("2025-01", "2025-12")
                .account("trim", "2025-01", 1000, "2025-04", 800, "2025-06", 0)
                .record("trim", "2025-03-15", "competitor") // reaches 04 and 06: takes the contraction in 04
                .record("trim", "2025-05-20", "pricing")    // reaches only 06
                .portfolio();
        assertThat(reasonOf(p, "trim", "2025-04")).isEqualTo("competitor");
        assertThat(reasonOf(p, "trim", "2025-06")).isEqualTo("pricing");
    }

    @Test
    void theLatestDateWinsWhateverTheImportOrder() {
        Portfolio p = acmeChurnsInJune()
                .record("acme", "2025-05-15", "competitor")
                .record("acme", "2025-04-01", "pricing") // imported later but dated earlier
                .portfolio();
        assertThat(reasonOf(p, "acme", "2025-06")).isEqualTo("competitor");
        assertThat(p.unmatchedRecords()).as("a record outvoted on its movement is not unmatched").isEmpty();
    }

    @Test
    void onEqualDatesTheRecordImportedLastWins() {
        Portfolio later = acmeChurnsInJune()
                .record("acme", "2025-05-15", "pricing", 2)
                .record("acme", "2025-05-15", "competitor", 1)
                .portfolio();
        assertThat(reasonOf(later, "acme", "2025-06")).isEqualTo("pricing");

        Portfolio reversed = acmeChurnsInJune()
                .record("acme", "2025-05-15", "competitor", 1)
                .record("acme", "2025-05-15", "pricing", 2)
                .portfolio();
        assertThat(reasonOf(reversed, "acme", "2025-06")).isEqualTo("pricing");
    }

    @Test
    void aReasonSetOnTheMovementWinsOverImportedRecords() {
        Portfolio p = acmeChurnsInJune()
                .record("acme", "2025-06-10", "pricing")
                .override("acme", "2025-06", "budget_cut")
                .portfolio();
        assertThat(reasonOf(p, "acme", "2025-06")).isEqualTo("budget_cut");
        assertThat(Books.movement(p, "acme", "2025-06").function()).isEqualTo(BusinessFunction.EXTERNAL);
    }

    @Test
    void aReasonSetOnAMovementAttachesToExactlyThatMovement() {
        Portfolio p = Books.months("2025-01", "2025-12")
                .account("trim", "2025-01", 1000, "2025-04", 800, "2025-06", 0)
                .override("trim", "2025-04", "champion_left")
                .record("trim", "2025-05-20", "pricing")
                .portfolio();
        assertThat(reasonOf(p, "trim", "2025-04")).isEqualTo("champion_left");
        assertThat(reasonOf(p, "trim", "2025-06")).isEqualTo("pricing");
    }

    @Test
    void driversAttachToExpansionAndReactivationNotToChurn() {
        Portfolio p = Books.months("2025-01", "2025-12")
                .account("growth", "2025-01", 1000, "2025-04", 0, "2025-06", 1500, "2025-08", 2000)
                .record("growth", "2025-03-10", "win_back")   // reaches 03..06: skips the churn in 04
                .record("growth", "2025-08-01", "seat_growth")
                .portfolio();
        assertThat(reasonOf(p, "growth", "2025-04")).as("the churn").isNull();
        assertThat(reasonOf(p, "growth", "2025-06")).as("the reactivation").isEqualTo("win_back");
        assertThat(reasonOf(p, "growth", "2025-08")).as("the expansion").isEqualTo("seat_growth");
        assertThat(p.unmatchedRecords()).isEmpty();
    }

    @Test
    void aDriverWithOnlyAChurnInReachIsUnmatched() {
        Portfolio p = acmeChurnsInJune().record("acme", "2025-05-01", "upsell").portfolio();
        assertThat(reasonOf(p, "acme", "2025-06")).isNull();
        assertThat(p.unmatchedRecords()).extracting(ReasonRecord::code).containsExactly("upsell");
    }

    @Test
    void aReasonWithOnlyAnExpansionInReachIsUnmatched() {
        Portfolio p = Books.months("2025-01", "2025-12")
                .account("up", "2025-01", 1000, "2025-05", 1200)
                .record("up", "2025-05-01", "pricing")
                .portfolio();
        assertThat(reasonOf(p, "up", "2025-05")).isNull();
        assertThat(p.unmatchedRecords()).hasSize(1);
    }

    @Test
    void recordsForUnknownAccountsOrCodesAreKeptAsUnmatched() {
        Portfolio p = acmeChurnsInJune()
                .record("nobody", "2025-06-01", "pricing")
                .record("acme", "2025-06-01", "not_a_code")
                .portfolio();
        assertThat(reasonOf(p, "acme", "2025-06")).isNull();
        assertThat(p.unmatchedRecords()).hasSize(2);
    }

    @Test
    void codesAreLookedUpWithoutRegardToCase() {
        Portfolio p = acmeChurnsInJune().record("acme", "2025-06-01", "Pricing").portfolio();
        assertThat(reasonOf(p, "acme", "2025-06")).isEqualTo("pricing");
    }

    @Test
    void theParetoCountsUnmatchedRecordsDatedInsideTheWindow() {
        NrrEngine engine = Books.months("2025-01", "2025-12")
                .account("quiet", "2025-01", 1000)
                .record("quiet", "2025-03-31", "pricing") // in s: outside (s, e]
                .record("quiet", "2025-04-01", "pricing")
                .record("quiet", "2025-06-30", "competitor")
                .record("quiet", "2025-07-01", "pricing") // after e
                .engine();
        ReasonPareto q2 = engine.pareto(Window.quarter(2025, 2), Segment.ALL);
        assertThat(q2.unmatchedRecords()).isEqualTo(2);
        assertThat(engine.portfolio().unmatchedRecords()).hasSize(4)
                .extracting(ReasonRecord::date)
                .containsExactly(day("2025-03-31"), day("2025-04-01"), day("2025-06-30"), day("2025-07-01"));
    }

    @Test
    void theDefaultTaxonomyGivesEachCodeItsFunction() {
        ReasonTaxonomy t = ReasonTaxonomy.defaults();
        assertThat(t.resolve("FEATURES").orElseThrow().code()).isEqualTo("product_gap");
        assertThat(t.resolve("outage").orElseThrow().function()).isEqualTo(BusinessFunction.ENGINEERING);
        assertThat(t.resolve("financial struggle").orElseThrow().code()).isEqualTo("budget_cut");
        assertThat(t.resolve("other").orElseThrow().function()).as("unknown is unattributed").isNull();
        assertThat(t.resolve("seats").orElseThrow().polarity()).isEqualTo(ReasonCode.Polarity.DRIVER);
        assertThat(t.resolve("upgrade").orElseThrow().function()).isEqualTo(BusinessFunction.ACCOUNT_MANAGEMENT);
        assertThat(t.resolve("cost").orElseThrow().polarity()).isEqualTo(ReasonCode.Polarity.REASON);
        assertThat(t.resolve("nonsense")).isEmpty();
        assertThat(t.codes()).hasSize(21);
    }
}
