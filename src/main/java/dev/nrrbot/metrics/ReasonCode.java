package dev.nrrbot.metrics;

import java.util.List;

/**
 * One code of the taxonomy. A reason explains churn or contraction; a driver explains expansion or
 * reactivation. {@code function} is null for codes that nobody owns (unattributed).
 */
public record ReasonCode(String code, BusinessFunction function, Polarity polarity, String label,
                         List<String> aliases) {

    public enum Polarity { REASON, DRIVER }

    public ReasonCode {
        aliases = List.copyOf(aliases);
    }

    public String functionCode() {
        return BusinessFunction.codeOf(function);
    }
}
