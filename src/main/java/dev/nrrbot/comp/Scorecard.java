package dev.nrrbot.comp;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.RetentionReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each function's stake in company NRR for one window: its weight, its contribution against its
 * target, and what its variable pay would be at today's number. The modifier comes from company NRR
 * (everyone shares one number); the contribution shows each function's part in it. The target and
 * the curve are for 12-month NRR: a window of another length pays on its annualised equivalent.
 */
public record Scorecard(RetentionReport report, BigDecimal companyTarget, PayoutCurve curve, BigDecimal modifier,
                        List<Row> rows) {

    /**
     * @param targetPoints the function's target contribution, or null when none is set
     * @param payFactor    variable pay as a share of target: (100% − weight) paid on other goals at 100%,
     *                     plus weight × modifier
     */
    public record Row(BusinessFunction function, BigDecimal weightPercent, BigDecimal contributionPoints, BigDecimal targetPoints,
                      BigDecimal payFactor) {
        public String arithmetic(BigDecimal modifier) {
            BigDecimal w = weightPercent.movePointLeft(2);
            return weightPercent.stripTrailingZeros().toPlainString() + "% × " + modifier.setScale(2, RoundingMode.HALF_EVEN)
                    + " + " + BigDecimal.ONE.subtract(w).movePointRight(2).stripTrailingZeros().toPlainString() + "% × 1.00 = "
                    + payFactor.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN) + "%";
        }
    }

    /** The scorecard of a report under a plan: its target, curve, weights and function targets. */
    public static Scorecard of(RetentionReport r, CompStore.Plan plan) {
        return of(r, plan.companyTarget(), plan.curve(), plan.weights(), plan.functionTargets());
    }

    public static Scorecard of(RetentionReport r, BigDecimal companyTarget, PayoutCurve curve, Map<BusinessFunction, BigDecimal> weights,
                               Map<BusinessFunction, BigDecimal> targets) {
        BigDecimal modifier = curve.modifier(r.annualisedPercent()); // the curve is for 12-month NRR
        List<Row> rows = new ArrayList<>();
        for (BusinessFunction f : BusinessFunction.values()) {
            if (f == BusinessFunction.EXTERNAL) {
                continue; // nobody's pay
            }
            BigDecimal w = weights.getOrDefault(f, BigDecimal.ZERO);
            BigDecimal contribution = r.contributions().stream().filter(c -> c.function() == f).map(Contribution::points).findFirst()
                    .orElse(BigDecimal.ZERO.setScale(RetentionReport.POINT_DECIMALS));
            BigDecimal share = w.movePointLeft(2);
            BigDecimal pay = BigDecimal.ONE.subtract(share).add(share.multiply(modifier)).setScale(4, RoundingMode.HALF_EVEN);
            rows.add(new Row(f, w, contribution, targets.get(f), pay));
        }
        rows.sort((a, b) -> b.weightPercent().compareTo(a.weightPercent()));
        return new Scorecard(r, companyTarget, curve, modifier, rows);
    }
}
