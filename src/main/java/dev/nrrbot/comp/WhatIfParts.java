package dev.nrrbot.comp;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.LargestRemainder;
import dev.nrrbot.metrics.RetentionReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A what-if beside today, rounded so that only what the change touches moves. A function (or
 * unattributed) whose movements the change leaves as they are shows exactly today's points; the
 * rest of the rounded total (NRR − 100% of the what-if) is shared among the touched parts by largest
 * remainder, each staying its exact value rounded down or up. When that cannot reach the total, the
 * parts are shown unreconciled by {@link #unreconciledPoints()}, and the answer says so.
 *
 * @param then               the what-if's report, its contributions rounded as above
 * @param touched            the functions whose movements the change altered (null: unattributed)
 * @param unreconciledPoints NRR − 100% minus the sum of the shown parts: zero unless rounding prevents it
 */
public record WhatIfParts(RetentionReport today, RetentionReport then, List<BusinessFunction> touched, BigDecimal unreconciledPoints) {

    public static WhatIfParts of(RetentionReport today, RetentionReport changed) {
        List<Contribution> fixed = new ArrayList<>();
        List<Contribution> moved = new ArrayList<>();
        for (Contribution c : changed.contributions()) {
            Contribution was = today.contributions().stream().filter(x -> x.function() == c.function()).findFirst().orElse(null);
            if (was != null && was.signedCents() == c.signedCents() && was.movements() == c.movements()) {
                fixed.add(new Contribution(c.function(), c.signedCents(), c.movements(), was.points()));
            } else {
                moved.add(c);
            }
        }
        BigDecimal fixedSum = fixed.stream().map(Contribution::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> points = LargestRemainder.towards(moved.stream().map(Contribution::signedCents).toList(), changed.startCents(),
                RetentionReport.POINT_DECIMALS, changed.netPoints().subtract(fixedSum));
        List<Contribution> all = new ArrayList<>();
        BigDecimal shown = fixedSum;
        for (int i = 0; i < moved.size(); i++) {
            Contribution c = moved.get(i);
            all.add(new Contribution(c.function(), c.signedCents(), c.movements(), points.get(i)));
            shown = shown.add(points.get(i));
        }
        all.addAll(fixed);
        // the engine's order: largest signed amount first
        List<Contribution> ordered = changed.contributions().stream()
                .map(c -> all.stream().filter(x -> x.function() == c.function()).findFirst().orElseThrow()).toList();
        RetentionReport then = new RetentionReport(changed.window(), changed.segment(), changed.cohortAccounts(), changed.startCents(),
                changed.endCents(), changed.retainedCents(), changed.expansionCents(), changed.reactivationCents(),
                changed.contractionCents(), changed.churnCents(), ordered);
        return new WhatIfParts(today, then, moved.stream().map(Contribution::function).toList(), changed.netPoints().subtract(shown));
    }
}
