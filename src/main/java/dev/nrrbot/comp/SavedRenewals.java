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
 * What saving the at-risk renewals would pay: the at-risk ARR renewing this quarter that a function
 * holds (through each account's weakest part) added back to its contribution, so to company NRR, and
 * run through the payout curve. The renewals are ahead while the scorecard's window is behind, so
 * this reads "what the same saved revenue is worth on the curve", not a forecast of the window.
 */
public final class SavedRenewals {

    /** At-risk accounts renewing by {@code through} whose weakest part {@code function} owns, and their ARR. */
    public record Held(BusinessFunction function, int accounts, long arrCents) {
    }

    /** The at-risk renewals of the quarter, by function, largest ARR first. */
    public record Due(LocalDate through, List<Held> held) {
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
            long savedMrr = h.arrCents() / 12;
            RetentionReport saved = new RetentionReport(r.window(), r.segment(), r.cohortAccounts(), r.startCents(),
                    r.endCents() + savedMrr, r.retainedCents(), r.expansionCents(), r.reactivationCents(), r.contractionCents(),
                    r.churnCents(), r.contributions());
            BigDecimal modifier = card.curve().modifier(saved.annualisedPercent());
            BigDecimal points = BigDecimal.valueOf(savedMrr).movePointRight(2)
                    .divide(BigDecimal.valueOf(r.startCents()), RetentionReport.POINT_DECIMALS, RoundingMode.HALF_EVEN);
            BigDecimal was = card.rows().stream().filter(x -> x.function() == h.function()).map(Scorecard.Row::contributionPoints)
                    .findFirst().orElse(BigDecimal.ZERO.setScale(RetentionReport.POINT_DECIMALS));
            String arr = seesGroup.test(h.accounts()) ? Money.whole(h.arrCents()) + " ARR" : "ARR not shown (fewer than 5 accounts)";
            out.add("If the at-risk renewals are saved, " + h.function().label() + "'s modifier goes from "
                    + card.modifier().setScale(2, RoundingMode.HALF_EVEN) + " to " + modifier.setScale(2, RoundingMode.HALF_EVEN)
                    + " (" + h.accounts() + (h.accounts() == 1 ? " account, " : " accounts, ") + arr + " renewing by " + due.through()
                    + ", its contribution " + Money.points(was) + " -> " + Money.points(was.add(points)) + " pts)");
        }
        return out;
    }
}
