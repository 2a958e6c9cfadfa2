package dev.nrrbot.health;

import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.revenue.SubscriptionSpan;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where GRR and NRR close the current quarter: the T12M window ending at the quarter's last month
 * (the calendar quarter containing the checkup's day), computed exactly as the definitions say
 * (cohort = MRR at s above 0; Start at s; End at e), with e's MRR not yet loaded filled in.
 *
 * <p>"If nothing changes": each account's MRR at e is its MRR in the latest month loaded, less the
 * subscriptions running then whose {@code end_date} falls by e's last day (end_date is the first day
 * without service). Only scheduled ends are applied: a subscription that starts later is a sale not
 * yet made to the cohort's accounts often enough to count on, and the definitions count no new account.
 *
 * <p>"Expected": of the cohort's at-risk and watch accounts renewing after the checkup's day and by
 * the quarter's end, each loses the share of its MRR the backtest saw its band lose within 90 days
 * ({@link Backtest.BandRate#lostArrShare()}). The range is that rate plus and minus its binomial
 * standard error, sqrt(r(1-r)/n) over the band's n account-months: the rate is measured on this
 * company's history, and the error says how much that history can be trusted, so a band seen a few
 * times gives a wide range and a well-observed band a narrow one. Healthy accounts are held as they
 * are. With too little history ({@link Backtest.Verdict#TOO_LITTLE_HISTORY}) no range is weighed.
 *
 * @param quarter        "2026-Q4"
 * @param window         the T12M window to the quarter's last month
 * @param latestMonth    the latest month loaded; months after it are held at it
 * @param scheduledCents MRR of the cohort's subscriptions that end inside the quarter, after the latest month
 * @param expected       null when the range cannot be weighed ({@code unweighed} says why)
 */
public record Forecast(String quarter, Window window, YearMonth latestMonth, int cohortAccounts, long startCents, long endCents,
                       long retainedCents, long scheduledCents, Expected expected, String unweighed) {

    /**
     * The weighed range. {@code low} is NRR/GRR when every weighed band loses at its rate plus the error,
     * {@code high} at its rate minus it. Amounts are MRR in cents; {@code arrCents} is the weighed accounts' ARR.
     */
    public record Expected(int accounts, long arrCents, long endLowCents, long endHighCents, long retainedLowCents,
                           long retainedHighCents) {
    }

    /** The quarter-end forecast, or empty when the window's start has no data (say why with {@link #noStart}). */
    public static Optional<Forecast> of(Portfolio p, List<SubscriptionSpan> subscriptions, Checkup c, Backtest.Result backtest) {
        return of(p, subscriptions, c.asOf(), id -> c.of(id).map(HealthScore::band), backtest);
    }

    /** As above, with each paying account's band on {@code asOf} (empty: not paying). */
    public static Optional<Forecast> of(Portfolio p, List<SubscriptionSpan> subscriptions, LocalDate asOf,
                                        Function<String, Optional<HealthBand>> bandOf, Backtest.Result backtest) {
        Ledger l = p.ledger();
        int q = (asOf.getMonthValue() - 1) / 3 + 1;
        YearMonth qEnd = YearMonth.of(asOf.getYear(), q * 3);
        LocalDate qEndDay = qEnd.atEndOfMonth();
        Window w = Window.trailing12(qEnd);
        int s = l.monthIndex(w.start());
        YearMonth latest = l.latestMonth().orElse(null);
        if (latest == null || s < 0 || s >= l.monthCount() || !l.isCovered(s)) {
            return Optional.empty();
        }
        boolean loaded = !qEnd.isAfter(latest);
        int e = loaded ? l.monthIndex(qEnd) : l.monthIndex(latest);
        LocalDate latestDay = latest.atEndOfMonth();
        Map<String, Long> ending = new HashMap<>();
        if (!loaded) {
            for (SubscriptionSpan span : subscriptions) {
                boolean runsAtLatest = !span.start().isAfter(latestDay) && (span.end() == null || latestDay.isBefore(span.end()));
                if (runsAtLatest && span.end() != null && !span.end().isAfter(qEndDay)) {
                    ending.merge(span.accountId(), span.mrrCents(), Long::sum);
                }
            }
        }
        Map<HealthBand, double[]> rates = rates(backtest);
        int cohort = 0;
        int weighed = 0;
        long start = 0;
        long end = 0;
        long retained = 0;
        long scheduled = 0;
        long weighedArr = 0;
        long[] endRange = new long[2];
        long[] retainedRange = new long[2];
        for (int a = 0; a < l.accountCount(); a++) {
            long atS = l.mrr(a, s);
            if (atS <= 0) {
                continue;
            }
            String id = l.accountId(a);
            long held = l.mrr(a, e);
            long ends = Math.min(held, ending.getOrDefault(id, 0L));
            long atE = held - ends;
            cohort++;
            start += atS;
            end += atE;
            retained += Math.min(atS, atE);
            scheduled += ends;
            long[] atRate = {atE, atE}; // [low case: rate + error, high case: rate - error]
            Optional<HealthBand> band = bandOf.apply(id);
            LocalDate renewal = p.account(id).map(x -> x.renewalDate()).orElse(null);
            if (rates != null && atE > 0 && band.isPresent() && band.get() != HealthBand.HEALTHY
                    && Renewing.due(renewal, asOf, qEndDay)) {
                double[] r = rates.get(band.get());
                atRate[0] = atE - Math.round(atE * r[1]);
                atRate[1] = atE - Math.round(atE * r[0]);
                weighed++;
                weighedArr += atE * 12;
            }
            endRange[0] += atRate[0];
            endRange[1] += atRate[1];
            retainedRange[0] += Math.min(atS, atRate[0]);
            retainedRange[1] += Math.min(atS, atRate[1]);
        }
        Expected expected = rates == null ? null
                : new Expected(weighed, weighedArr, endRange[0], endRange[1], retainedRange[0], retainedRange[1]);
        String unweighed = rates != null ? null : String.format(java.util.Locale.ROOT, "the backtest has too little history to"
                + " weigh the at-risk renewals (%d months, %d losses)", backtest.months(), backtest.losses());
        return Optional.of(new Forecast(w.end().getYear() + "-Q" + q, w, latest, cohort, start, end, retained, scheduled, expected,
                unweighed));
    }

    /** Why there is no forecast: the window's start month has no data. */
    public static String noStart(Checkup c) {
        int q = (c.asOf().getMonthValue() - 1) / 3 + 1;
        YearMonth qEnd = YearMonth.of(c.asOf().getYear(), q * 3);
        return "No quarter-end forecast: its T12M window starts at " + qEnd.minusMonths(12) + ", which has no revenue data."
                + " Import that month's history to see it.";
    }

    /** Per band, [rate - error, rate + error] clamped to 0-1; null when the backtest cannot weigh. */
    static Map<HealthBand, double[]> rates(Backtest.Result r) {
        if (r == null || r.verdict() == Backtest.Verdict.TOO_LITTLE_HISTORY) {
            return null;
        }
        Map<HealthBand, double[]> out = new HashMap<>();
        for (HealthBand b : HealthBand.values()) {
            Backtest.BandRate rate = r.bands().get(b);
            double share = rate == null ? 0 : Math.max(0, Math.min(1, rate.lostArrShare()));
            double error = rate == null || rate.observations() == 0 ? 0 : Math.sqrt(share * (1 - share) / rate.observations());
            out.put(b, new double[] {Math.max(0, share - error), Math.min(1, share + error)});
        }
        return out;
    }

    /** End / Start as a fraction; Start is above 0 whenever the cohort has an account. */
    public Optional<BigDecimal> nrr() {
        return ratio(endCents);
    }

    public Optional<BigDecimal> grr() {
        return ratio(retainedCents);
    }

    public Optional<BigDecimal> ratio(long cents) {
        return startCents == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(startCents), MathContext.DECIMAL128));
    }
}
