package dev.nrrbot.health.render;

import dev.nrrbot.health.Forecast;
import dev.nrrbot.platform.format.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The quarter-end forecast in words: one line for the weekly readout, a few for {@code /nrr renewals}.
 * Plain text; Slack escapes it. NRR and GRR are company numbers anyone sees; the ARR weighed is a
 * group's, shown only when {@code seesGroup} allows that many accounts.
 */
public final class ForecastText {

    private ForecastText() {
    }

    /** "Quarter-end forecast (2026-Q4): NRR 104.2% if nothing changes, 101.5%-103.0% expected". */
    public static String line(Forecast f) {
        String head = "Quarter-end forecast (" + f.quarter() + "): ";
        if (f.nrr().isEmpty()) {
            return head + "no NRR: no account paid at " + f.window().start() + ", the window's start";
        }
        String nrr = head + "NRR " + Money.percent(f.nrr().get()) + " if nothing changes";
        if (f.expected() == null) {
            return nrr + "; the expected range cannot be weighed: " + f.unweighed();
        }
        return nrr + ", " + range(f, f.expected().endLowCents(), f.expected().endHighCents()) + " expected";
    }

    /** The lines of the "Forecast for 2026-Q4" group. */
    public static List<String> lines(Forecast f, IntPredicate seesGroup) {
        List<String> out = new ArrayList<>();
        String held = f.window().end().isAfter(f.latestMonth())
                ? "; the months after " + f.latestMonth() + " held at its MRR" : "";
        out.add(f.window().label() + " (" + f.window().start() + " → " + f.window().end() + "), cohort of " + f.cohortAccounts()
                + (f.cohortAccounts() == 1 ? " account" : " accounts") + held);
        if (f.nrr().isEmpty()) {
            out.add("No NRR: no account paid at " + f.window().start() + ", the window's start.");
            return out;
        }
        String scheduled = f.scheduledCents() == 0 ? "" : "; subscriptions ending in the quarter take "
                + (seesGroup.test(f.cohortAccounts()) ? HealthText.compact(f.scheduledCents() * 12) + " ARR" : "their ARR") + " off";
        out.add("If nothing changes: NRR " + Money.percent(f.nrr().get()) + ", GRR " + Money.percent(f.grr().get()) + scheduled);
        Forecast.Expected x = f.expected();
        if (x == null) {
            out.add("Expected: cannot be weighed: " + f.unweighed() + ".");
            return out;
        }
        String arr = seesGroup.test(x.accounts()) ? HealthText.compact(x.arrCents()) + " ARR" : "their ARR (fewer than 5 accounts)";
        out.add("Expected: NRR " + range(f, x.endLowCents(), x.endHighCents()) + ", GRR " + range(f, x.retainedLowCents(),
                x.retainedHighCents()) + " (" + x.accounts() + " at-risk and watch " + (x.accounts() == 1 ? "account" : "accounts")
                + " renewing this quarter, " + arr + ", each losing the share its band lost within 90 days in the backtest,"
                + " plus or minus its standard error)");
        return out;
    }

    static String range(Forecast f, long lowCents, long highCents) {
        BigDecimal low = f.ratio(lowCents).orElseThrow();
        BigDecimal high = f.ratio(highCents).orElseThrow();
        String l = Money.percent(low);
        String h = Money.percent(high);
        return l.equals(h) ? l : l + "-" + h;
    }
}
