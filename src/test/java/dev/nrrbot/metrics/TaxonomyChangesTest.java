package dev.nrrbot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.metrics.TaxonomyChanges.Outcome;
import org.junit.jupiter.api.Test;

/** Adding codes and aliases and moving codes, as pure functions of the taxonomy; and "closest" for imports. */
class TaxonomyChangesTest {

    private final ReasonTaxonomy t = ReasonTaxonomy.defaults();

    @Test
    void anAddedCodeIsNormalisedOwnedByItsFunctionAndLabelledWithItsCodeByDefault() {
        Outcome o = TaxonomyChanges.add(t, " Pricing Complaint ", "Finance", null, null);
        assertThat(o.done()).isTrue();
        ReasonCode c = o.taxonomy().byCode("pricing_complaint").orElseThrow();
        assertThat(c.function()).isEqualTo(BusinessFunction.FINANCE);
        assertThat(c.polarity()).isEqualTo(ReasonCode.Polarity.REASON);
        assertThat(c.label()).isEqualTo("pricing_complaint");
        assertThat(o.taxonomy().resolve("PRICING-COMPLAINT")).contains(c);
        assertThat(t.byCode("pricing_complaint")).as("the original is unchanged").isEmpty();

        ReasonCode driver = TaxonomyChanges.add(t, "referral", "marketing", "Referral from a customer", ReasonCode.Polarity.DRIVER)
                .taxonomy().byCode("referral").orElseThrow();
        assertThat(driver.polarity()).isEqualTo(ReasonCode.Polarity.DRIVER);
        assertThat(driver.label()).isEqualTo("Referral from a customer");
        assertThat(TaxonomyChanges.add(t, "gone_quiet", "unattributed", null, null).taxonomy().byCode("gone_quiet")
                .orElseThrow().function()).isNull();
    }

    @Test
    void addRefusesExistingCodesAliasesTheReservedCodeAndUnknownFunctions() {
        assertThat(TaxonomyChanges.add(t, "Pricing", "finance", null, null).refusal())
                .isEqualTo("'pricing' is already a code (Finance); to change its function use taxonomy move pricing FUNCTION.");
        assertThat(TaxonomyChanges.add(t, "price", "finance", null, null).refusal())
                .isEqualTo("'price' is already an alias of pricing; choose another code.");
        assertThat(TaxonomyChanges.add(t, "Unexplained", "finance", null, null).refusal()).contains("reserved");
        assertThat(TaxonomyChanges.add(t, "pricing_complaint", "treasury", null, null).refusal())
                .isEqualTo("'treasury' is not a function. Use one of: product, engineering, support, customer_success,"
                        + " account_management, sales, marketing, finance, hr, external, or unattributed.");
        assertThat(TaxonomyChanges.add(t, " ", "finance", null, null).done()).isFalse();
    }

    @Test
    void anAliasIsReadAsItsCodeAndMayStandForOneCodeOnly() {
        Outcome o = TaxonomyChanges.alias(t, "Pricing Complaint", "price");
        assertThat(o.done()).isTrue();
        assertThat(o.taxonomy().resolve("pricing_complaint").map(ReasonCode::code)).contains("pricing");
        assertThat(o.taxonomy().byCode("pricing").orElseThrow().aliases()).contains("price", "cost", "pricing_complaint");

        assertThat(TaxonomyChanges.alias(t, "competitor", "pricing").refusal()).startsWith("'competitor' is already a code of its own");
        assertThat(TaxonomyChanges.alias(t, "budget", "pricing").refusal())
                .isEqualTo("'budget' is already an alias of budget_cut; it can stand for one code only.");
        assertThat(TaxonomyChanges.alias(t, "cost", "pricing").refusal()).contains("nothing to change");
        assertThat(TaxonomyChanges.alias(t, "pricing_complaint", "pricng").refusal())
                .isEqualTo("'pricng' is not a known code (closest: pricing); list the codes with taxonomy.");
        assertThat(TaxonomyChanges.alias(t, "unexplained", "pricing").refusal()).contains("reserved");
    }

    @Test
    void aMovedCodeCountsForItsNewFunctionOrForNobody() {
        Outcome o = TaxonomyChanges.move(t, "Unknown", "finance");
        assertThat(o.taxonomy().byCode("unknown").orElseThrow().function()).isEqualTo(BusinessFunction.FINANCE);
        assertThat(o.taxonomy().resolve("other").orElseThrow().function()).as("its aliases follow").isEqualTo(BusinessFunction.FINANCE);
        assertThat(TaxonomyChanges.move(t, "pricing", "unattributed").taxonomy().byCode("pricing").orElseThrow().function()).isNull();

        assertThat(TaxonomyChanges.move(t, "price", "sales").refusal())
                .isEqualTo("'price' is an alias of pricing; move the code: taxonomy move pricing sales.");
        assertThat(TaxonomyChanges.move(t, "pricing_complaint", "finance").refusal())
                .isEqualTo("'pricing_complaint' is not a known code (closest: pricing); add it with taxonomy add pricing_complaint FUNCTION.");
        assertThat(TaxonomyChanges.move(t, "pricing", "finance").refusal()).isEqualTo("'pricing' already counts for Finance; nothing to change.");
        assertThat(TaxonomyChanges.move(t, "pricing", "treasury").refusal()).startsWith("'treasury' is not a function.");
    }

    @Test
    void closestSuggestsOnlyWhatIsReasonablyClose() {
        assertThat(t.closest("pricing_complaint")).as("a shared word").contains("pricing");
        assertThat(t.closest("Prcing")).as("a typo").contains("pricing");
        assertThat(t.closest("bug")).as("near an alias: the canonical code").contains("bugs_reliability");
        assertThat(t.closest("champion-leftt")).contains("champion_left");
        assertThat(t.closest("xyzzy")).isEmpty();
        assertThat(t.closest("too_slow")).isEmpty();
        assertThat(t.closest(" ")).isEmpty();
    }
}
