package dev.nrrbot.comp;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.platform.format.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What saving the at-risk renewals would pay. The at-risk ARR renewing this quarter that a function
 * holds (through each account's weakest part) is expected to lose the share at-risk accounts lost in
 * the backtest; that loss is taken from company End (and the function's contribution) for "from",
 * and added back for "to", each run through the payout curve. Without a backtest rate the whole ARR
 * is at stake. The renewals are ahead while the scorecard's window is behind, so this reads "what the
 * saved revenue is worth on the curve today", not a forecast of the window.
 */
public final class SavedRenewals {

    /** At-risk accounts renewing by {@code through} whose weakest part {@code function} owns, and their ARR. */
    public record Held(BusinessFunction function, int accounts, long arrCents) {
    }

    /**
     * The at-risk renewals of the quarter, by function, largest ARR first.
     *
     * @param lossShare the share of ARR at-risk accounts lost within 90 days in the backtest, or null
     *                  when it cannot be weighed (then the whole ARR is at stake)
     */
    public record Due(LocalDate through, List<Held> held, Double lossShare) {
    }

    private SavedRenewals() {
    }

    /**
     * "If the at-risk renewals are saved, Product's modifier goes from 0.94 to 1.02 (...)", one line per
     * function holding any; {@code seesGroup} decides whether a function's ARR is shown.
     */
    public static List<String> lines(Scorecard card, Due due, IntPredicate seesGroup) {
        List<String> out = new ArrayList<>();
        RetentionReport r = card.report();
        if (r.startCents() == 0) {
            return out;
        }
        for (Held h : due.held()) {
            double share = due.lossShare() == null ? 1 : due.lossShare();
            long lostMrr = Math.round(h.arrCents() * share / 12);
            RetentionReport lost = new RetentionReport(r.window(), r.segment(), r.cohortAccounts(), r.startCents(),
                    Math.max(0, r.endCents() - lostMrr), r.retainedCents(), r.expansionCents(), r.reactivationCents(),
                    r.contractionCents(), r.churnCents(), r.contributions());
            BigDecimal from = card.curve().modifier(lost.annualisedPercent());
            BigDecimal points = BigDecimal.valueOf(lostMrr).movePointRight(2)
                    .divide(BigDecimal.valueOf(r.startCents()), RetentionReport.POINT_DECIMALS, RoundingMode.HALF_EVEN);
            BigDecimal now = card.rows().stream().filter(x -> x.function() == h.function()).map(Scorecard.Row::contributionPoints)
                    .findFirst().orElse(BigDecimal.ZERO.setScale(RetentionReport.POINT_DECIMALS));
            boolean shown = seesGroup.test(h.accounts());
            String arr = shown ? Money.whole(h.arrCents()) + " ARR" : "ARR not shown (fewer than 5 accounts)";
            String stake = due.lossShare() == null ? "if all were lost (the backtest has too little history to weigh them)"
                    : String.format(java.util.Locale.ROOT, "expected to lose %.1f%% of it, as at-risk accounts did in the backtest",
                    share * 100);
            out.add("If the at-risk renewals are saved, " + h.function().label() + "'s modifier goes from "
                    + from.setScale(2, RoundingMode.HALF_EVEN) + " to " + card.modifier().setScale(2, RoundingMode.HALF_EVEN)
                    + " (" + h.accounts() + (h.accounts() == 1 ? " account, " : " accounts, ") + arr + " renewing by " + due.through()
                    + ", " + stake + "; its contribution " + Money.points(now.subtract(points)) + " → " + Money.points(now) + " pts)");
        }
        return out;
    }
}
