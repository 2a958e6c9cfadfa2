package dev.nrrbot.metrics;

import java.math.BigDecimal;

/**
 * A function's part in the window's NRR: the signed sum of the cohort's movements it owns.
 * {@code points} is already rounded for display so that all parts add up to the rounded total.
 */
public record Contribution(BusinessFunction function, long signedCents, int movements, BigDecimal points) {

    public String functionCode() {
        return BusinessFunction.codeOf(function);
    }

    public String functionLabel() {
        return BusinessFunction.labelOf(function);
    }
}
