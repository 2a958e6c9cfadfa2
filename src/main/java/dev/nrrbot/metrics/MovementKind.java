package dev.nrrbot.metrics;

/** The ways an account's MRR can change from one month-end to the next. */
public enum MovementKind {
    NEW("new", +1),
    EXPANSION("expansion", +1),
    REACTIVATION("reactivation", +1),
    CONTRACTION("contraction", -1),
    CHURN("churn", -1);

    private final String code;
    private final int sign;

    MovementKind(String code, int sign) {
        this.code = code;
        this.sign = sign;
    }

    public String code() {
        return code;
    }

    /** +1 for revenue gained, -1 for revenue lost. */
    public int sign() {
        return sign;
    }

    /** Churn and contraction take reasons; expansion and reactivation take drivers. */
    public boolean isLoss() {
        return sign < 0;
    }

    /** The polarity of code that attaches to this kind of movement, or null for new business. */
    public ReasonCode.Polarity takes() {
        return switch (this) {
            case CHURN, CONTRACTION -> ReasonCode.Polarity.REASON;
            case EXPANSION, REACTIVATION -> ReasonCode.Polarity.DRIVER;
            case NEW -> null;
        };
    }
}
