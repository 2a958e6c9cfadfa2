package dev.nrrbot.metrics;

/** How long an account had been paying when it churned. */
public enum Tenure {
    EARLY("early", "1-3 months"),
    MID("mid", "4-12 months"),
    MATURE("mature", "13+ months");

    private final String code;
    private final String range;

    Tenure(String code, String range) {
        this.code = code;
        this.range = range;
    }

    public String code() {
        return code;
    }

    public String range() {
        return range;
    }

    /** Months from the first paying month to the churn month. */
    public static Tenure ofMonths(int months) {
        if (months <= 3) {
            return EARLY;
        }
        return months <= 12 ? MID : MATURE;
    }
}
