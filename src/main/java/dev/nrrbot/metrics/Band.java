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
