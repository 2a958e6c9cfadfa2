package dev.nrrbot.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * NRR and GRR over one window for one slice of accounts, with the movements between Start and End
 * and each function's contribution. Amounts are in cents; ratios are fractions (1.04 = 104%).
 */
public record RetentionReport(Window window, Segment segment, int cohortAccounts, long startCents, long endCents,
                              long retainedCents, long expansionCents, long reactivationCents,
                              long contractionCents, long churnCents, List<Contribution> contributions) {

    /** Decimals of the points in {@link Contribution#points()}: one, as shown to people. */
    public static final int POINT_DECIMALS = 1;

    public RetentionReport {
        contributions = List.copyOf(contributions);
    }

    public BigDecimal nrr() {
        return ratio(endCents);
    }

    public BigDecimal grr() {
        return ratio(retainedCents);
    }

    /** The band of the window's NRR, annualised when the window is not 12 months (see {@link #annualisedNrr()}). */
    public Band band() {
        return Band.of(endCents, startCents, window.months());
    }

    /** Whether the window is not 12 months, so the bands and the payout curve read {@link #annualisedNrr()}. */
    public boolean isAnnualised() {
        return window.months() != 12;
    }

    /**
     * NRR compounded to a year, (End / Start)^(12 / months), to six decimals: the bands and the payout
     * curve describe 12-month NRR. Equal to {@link #nrr()} for a 12-month window.
     */
    public BigDecimal annualisedNrr() {
        return annualised().setScale(6, RoundingMode.HALF_EVEN);
    }

    /** {@link #annualisedNrr()} as a percentage rounded to one decimal, the way it is displayed. */
    public BigDecimal annualisedPercent() {
        return isAnnualised() ? annualisedNrr().movePointRight(2).setScale(1, RoundingMode.HALF_EVEN) : nrrPercent();
    }

    private BigDecimal annualised() {
        int n = window.months();
        java.math.MathContext mc = java.math.MathContext.DECIMAL128;
        BigDecimal ratio = BigDecimal.valueOf(endCents).divide(BigDecimal.valueOf(startCents), mc);
        if (n == 12 || ratio.signum() == 0) {
            return ratio;
        }
        if (12 % n == 0) {
            return ratio.pow(12 / n, mc);
        }
        // the n-th root of ratio^12, by Newton's method from the double estimate
        BigDecimal y = ratio.pow(12, mc);
        double estimate = Math.pow(ratio.doubleValue(), 12.0 / n);
        BigDecimal x = estimate > 0 && Double.isFinite(estimate) ? BigDecimal.valueOf(estimate) : BigDecimal.ONE;
        BigDecimal bn = BigDecimal.valueOf(n);
        for (int i = 0; i < 50; i++) {
            BigDecimal next = x.multiply(BigDecimal.valueOf(n - 1L)).add(y.divide(x.pow(n - 1, mc), mc)).divide(bn, mc);
            if (next.compareTo(x) == 0) {
                break;
            }
            x = next;
        }
        return x;
    }

    /** NRR as a percentage rounded to one decimal, the way it is displayed. */
    public BigDecimal nrrPercent() {
        return percent(endCents);
    }

    public BigDecimal grrPercent() {
        return percent(retainedCents);
    }

    /** (NRR - 1) x 100 rounded to one decimal: what the displayed contributions add up to. */
    public BigDecimal netPoints() {
        return nrrPercent().subtract(BigDecimal.valueOf(100));
    }

    private BigDecimal ratio(long numerator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(startCents), 6, RoundingMode.HALF_EVEN);
    }

    private BigDecimal percent(long numerator) {
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(startCents), 1, RoundingMode.HALF_EVEN);
    }
}
