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

    public Band band() {
        return Band.of(endCents, startCents);
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
