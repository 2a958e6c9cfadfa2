package dev.nrrbot.metrics;

/** Where an NRR sits on the published scale. Compared in exact integer arithmetic. */
public enum Band {
    CONCERNING("concerning"),
    STABLE("stable, not compounding"),
    GOOD("good"),
    GREAT("great"),
    BEST_IN_CLASS("best in class");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The band of a window of {@code months} months: the bands describe 12-month NRR, so a shorter (or
     * longer) window is read at its annualised equivalent (end / start)^(12 / months), compounded. Compared
     * exactly: (end/start)^(12/n) < x/100  <=>  end^12 * 100^n < x^n * start^12.
     */
    public static Band of(long endCents, long startCents, int months) {
        if (months == 12) {
            return of(endCents, startCents);
        }
        if (startCents <= 0) {
            throw new IllegalArgumentException("no NRR without a start");
        }
        if (months <= 0) {
            throw new IllegalArgumentException("a window has at least one month");
        }
        java.math.BigInteger e = java.math.BigInteger.valueOf(endCents).pow(12).multiply(java.math.BigInteger.valueOf(100).pow(months));
        java.math.BigInteger s = java.math.BigInteger.valueOf(startCents).pow(12);
        Band[] above = {STABLE, GOOD, GREAT, BEST_IN_CLASS};
        int[] from = {90, 100, 110, 130};
        Band band = CONCERNING;
        for (int i = 0; i < from.length; i++) {
            if (e.compareTo(java.math.BigInteger.valueOf(from[i]).pow(months).multiply(s)) >= 0) {
                band = above[i];
            }
        }
        return band;
    }

    /** NRR = end / start with start > 0. */
    public static Band of(long endCents, long startCents) {
        if (startCents <= 0) {
            throw new IllegalArgumentException("no NRR without a start");
        }
        // end/start < x/100  <=>  100*end < x*start
        long e100 = Math.multiplyExact(endCents, 100L);
        if (e100 < Math.multiplyExact(startCents, 90L)) {
            return CONCERNING;
        }
        if (e100 < Math.multiplyExact(startCents, 100L)) {
            return STABLE;
        }
        if (e100 < Math.multiplyExact(startCents, 110L)) {
            return GOOD;
        }
        if (e100 < Math.multiplyExact(startCents, 130L)) {
            return GREAT;
        }
        return BEST_IN_CLASS;
    }
}
