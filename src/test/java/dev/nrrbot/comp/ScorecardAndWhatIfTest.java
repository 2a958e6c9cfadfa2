package dev.nrrbot.comp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonRecord;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.Window;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scorecard totals reconcile with the report; what-if at 0% is today and at -100% removes exactly those losses. */
class ScorecardAndWhatIfTest {

    static final YearMonth S = YearMonth.of(2026, 6);
    static final YearMonth E = YearMonth.of(2026, 9);

    /**
     * Four accounts over 2026-06..2026-09 (cents): A churns 1,000 (pricing), B contracts 400 (product_gap),
     * C contracts 300 (pricing) then expands 500 (upsell), D churns 200 with no reason.
     */
    static NrrEngine engine() {
        Ledger l = Ledger.builder(S, E).coverAll()
                .mrr("A", S, 100_000).mrr("A", S.plusMonths(1), 100_000)
                .mrr("B", S, 200_000).mrr("B", S.plusMonths(1), 160_000).mrr("B", S.plusMonths(2), 160_000).mrr("B", E, 160_000)
                .mrr("C", S, 300_000).mrr("C", S.plusMonths(1), 270_000).mrr("C", S.plusMonths(2), 320_000).mrr("C", E, 320_000)
                .mrr("D", S, 20_000).build();
        List<ReasonRecord> records = List.of(
                new ReasonRecord("A", LocalDate.of(2026, 8, 1), "pricing", null, 1),
                new ReasonRecord("B", LocalDate.of(2026, 7, 1), "product_gap", null, 2),
                new ReasonRecord("C", LocalDate.of(2026, 7, 2), "pricing", null, 3),
                new ReasonRecord("C", LocalDate.of(2026, 8, 2), "upsell", null, 4));
        return new NrrEngine(Portfolio.of(l, List.<Account>of(), ReasonTaxonomy.defaults(), records, List.of()));
    }

    static final Window W = new Window("2026-Q3", S, E);

    @Test
    void whatIfAtZeroPercentIsToday() {
        NrrEngine e = engine();
        RetentionReport today = e.report(W, Segment.ALL);
        RetentionReport same = e.whatIf(W, Segment.ALL, List.of(new NrrEngine.LossChange("pricing", null, BigDecimal.ZERO),
                new NrrEngine.LossChange(null, BusinessFunction.PRODUCT, BigDecimal.ZERO)));
        assertThat(same).isEqualTo(today);
    }

    @Test
    void whatIfAtMinus100PercentRemovesExactlyThoseLosses() {
        NrrEngine e = engine();
        RetentionReport today = e.report(W, Segment.ALL);
        RetentionReport without = e.whatIf(W, Segment.ALL, List.of(new NrrEngine.LossChange("pricing", null, new BigDecimal("-100"))));
        long pricingLosses = 100_000 + 30_000; // A's churn and C's contraction
        assertThat(without.endCents()).isEqualTo(today.endCents() + pricingLosses);
        assertThat(without.churnCents()).isEqualTo(today.churnCents() - 100_000);
        assertThat(without.contractionCents()).isEqualTo(today.contractionCents() - 30_000);
        assertThat(without.expansionCents()).isEqualTo(today.expansionCents());
        assertThat(signed(without, BusinessFunction.FINANCE)).isEqualTo(signed(today, BusinessFunction.FINANCE) + pricingLosses);
        assertThat(signed(without, BusinessFunction.PRODUCT)).isEqualTo(signed(today, BusinessFunction.PRODUCT));
        assertThat(signed(without, null)).isEqualTo(signed(today, null));
        // identity still holds
        assertThat(without.endCents()).isEqualTo(without.startCents() + without.expansionCents() + without.reactivationCents()
                - without.contractionCents() - without.churnCents());
        // GRR rises by what those accounts keep: A keeps its 1,000; C was above its start anyway (capped there)
        assertThat(without.retainedCents()).isEqualTo(today.retainedCents() + 100_000);
    }

    @Test
    void halvingAndCombinedChangesScaleEachMatchingLoss() {
        NrrEngine e = engine();
        RetentionReport today = e.report(W, Segment.ALL);
        RetentionReport half = e.whatIf(W, Segment.ALL, List.of(new NrrEngine.LossChange(null, BusinessFunction.PRODUCT, new BigDecimal("-50"))));
        assertThat(half.endCents()).isEqualTo(today.endCents() + 20_000);
        RetentionReport both = e.whatIf(W, Segment.ALL, List.of(new NrrEngine.LossChange(null, BusinessFunction.PRODUCT, new BigDecimal("-50")),
                new NrrEngine.LossChange("product_gap", null, new BigDecimal("-50"))));
        assertThat(both.endCents()).isEqualTo(today.endCents() + 30_000); // 4,000 x 0.5 x 0.5 = 1,000 left
    }

    @Test
    void scorecardContributionsAreTheReportsAndAddUpWithExternalAndUnattributed() {
        RetentionReport quarter = engine().report(W, Segment.ALL);
        // the same numbers over a 12-month window, which the curve reads as they are
        RetentionReport r = new RetentionReport(new Window("T12M to 2026-09", E.minusMonths(12), E), Segment.ALL, quarter.cohortAccounts(),
                quarter.startCents(), quarter.endCents(), quarter.retainedCents(), quarter.expansionCents(), quarter.reactivationCents(),
                quarter.contractionCents(), quarter.churnCents(), quarter.contributions());
        PayoutCurve curve = new PayoutCurve(new BigDecimal("70"), new BigDecimal("100"), new BigDecimal("120"), new BigDecimal("1.5"));
        Scorecard card = Scorecard.of(r, new BigDecimal("100"), curve, Weights.defaults(), Map.of(BusinessFunction.PRODUCT, new BigDecimal("-1")));
        BigDecimal sum = card.rows().stream().map(Scorecard.Row::contributionPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Contribution c : r.contributions()) {
            if (c.function() == null || c.function() == BusinessFunction.EXTERNAL) {
                sum = sum.add(c.points());
            }
        }
        assertThat(sum).isEqualByComparingTo(r.netPoints());
        for (Scorecard.Row row : card.rows()) {
            BigDecimal expected = r.contributions().stream().filter(c -> c.function() == row.function()).map(Contribution::points)
                    .findFirst().orElse(BigDecimal.ZERO);
            assertThat(row.contributionPoints()).isEqualByComparingTo(expected);
        }
        // NRR = 480,000 / 620,000 = 77.4%: modifier (77.4 - 70) / (100 - 70) = 0.2467
        assertThat(r.nrrPercent()).isEqualByComparingTo("77.4");
        assertThat(card.modifier()).isEqualByComparingTo("0.2467");
        Scorecard.Row support = card.rows().stream().filter(x -> x.function() == BusinessFunction.SUPPORT).findFirst().orElseThrow();
        assertThat(support.payFactor()).isEqualByComparingTo("0.6987"); // 40% x 0.2467 + 60% x 1
        assertThat(support.arithmetic(card.modifier())).isEqualTo("40% × 0.25 + 60% × 1.00 = 69.9%");
        Scorecard.Row sales = card.rows().stream().filter(x -> x.function() == BusinessFunction.SALES).findFirst().orElseThrow();
        assertThat(sales.payFactor()).isEqualByComparingTo("1"); // new-business sales: no NRR weight

        // a quarter pays on its annualised NRR: 77.4% a quarter is 0.774^4 = 35.9% a year, below the floor
        Scorecard q = Scorecard.of(quarter, new BigDecimal("100"), curve, Weights.defaults(), Map.of());
        assertThat(quarter.annualisedPercent()).isEqualByComparingTo("35.9");
        assertThat(q.modifier()).isEqualByComparingTo("0");
    }

    @Test
    void aWhatIfKeepsUntouchedPartsAtTodaysPointsAndSaysWhenTheyCannotAddUp() {
        // Start 30.00; Product, Support and Finance each lost 0.01 (-0.033 pts): shown 0.0, 0.0, -0.1 (adding up to -0.1)
        RetentionReport today = report(2_997, new Contribution(BusinessFunction.PRODUCT, -1, 1, new BigDecimal("0.0")),
                new Contribution(BusinessFunction.SUPPORT, -1, 1, new BigDecimal("0.0")),
                new Contribution(BusinessFunction.FINANCE, -1, 1, new BigDecimal("-0.1")));
        // Finance's loss removed: NRR 99.93% shows as -0.1 pts; plain rounding would move Product to -0.1
        RetentionReport changed = report(2_998, new Contribution(BusinessFunction.PRODUCT, -1, 1, new BigDecimal("-0.1")),
                new Contribution(BusinessFunction.SUPPORT, -1, 1, new BigDecimal("0.0")),
                new Contribution(BusinessFunction.FINANCE, 0, 1, new BigDecimal("0.0")));
        WhatIfParts w = WhatIfParts.of(today, changed);
        assertThat(w.then().contributions()).extracting(Contribution::points).map(BigDecimal::toPlainString)
                .containsExactly("0.0", "0.0", "0.0");
        assertThat(w.touched()).containsExactly(BusinessFunction.FINANCE);
        assertThat(w.unreconciledPoints()).isEqualByComparingTo("-0.1");
        // when the touched parts can absorb the rounding, the parts add up and the untouched stay
        RetentionReport halved = report(2_996, new Contribution(BusinessFunction.PRODUCT, -1, 1, new BigDecimal("0.0")),
                new Contribution(BusinessFunction.SUPPORT, -1, 1, new BigDecimal("0.0")),
                new Contribution(BusinessFunction.FINANCE, -2, 1, new BigDecimal("-0.1")));
        WhatIfParts h = WhatIfParts.of(today, halved);
        assertThat(h.then().contributions()).extracting(Contribution::points).map(BigDecimal::toPlainString)
                .containsExactly("0.0", "0.0", "-0.1");
        assertThat(h.unreconciledPoints()).isEqualByComparingTo("0");
        // no change: today, exactly
        assertThat(WhatIfParts.of(today, today).then()).isEqualTo(today);
    }

    static RetentionReport report(long end, Contribution... parts) {
        return new RetentionReport(W, Segment.ALL, 3, 3_000, end, end, 0, 0, 3_000 - end, 0, List.of(parts));
    }

    @Test
    void everyWhatIfOfTheFourAccountsAddsUpAndMovesOnlyWhatItTouches() {
        NrrEngine e = engine();
        RetentionReport today = e.report(W, Segment.ALL);
        for (String code : List.of("pricing", "product_gap")) {
            for (String pct : List.of("-100", "-50", "-25", "50", "100")) {
                WhatIfParts w = WhatIfParts.of(today, e.whatIf(W, Segment.ALL, List.of(new NrrEngine.LossChange(code, null, new BigDecimal(pct)))));
                BigDecimal sum = w.then().contributions().stream().map(Contribution::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(sum.add(w.unreconciledPoints())).as(code + " " + pct).isEqualByComparingTo(w.then().netPoints());
                for (Contribution c : today.contributions()) {
                    if (!w.touched().contains(c.function())) {
                        assertThat(w.then().contributions()).as(code + " " + pct).contains(c);
                    }
                }
            }
        }
    }

    static long signed(RetentionReport r, BusinessFunction f) {
        return r.contributions().stream().filter(c -> c.function() == f).mapToLong(Contribution::signedCents).findFirst().orElse(0);
    }
}
