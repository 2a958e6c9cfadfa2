package dev.nrrbot.metrics;

import java.util.List;

/**
 * One function's part of a window's NRR: its contribution and the reasons and drivers behind it,
 * over the cohort's movements (the same movements the contribution counts).
 */
public record FunctionDetail(RetentionReport report, BusinessFunction function, Contribution contribution,
                             List<CodeAmount> codes) {

    public FunctionDetail {
        codes = List.copyOf(codes);
    }

    /** A code's signed amount (gains positive, losses negative) and how many movements carry it. */
    public record CodeAmount(ReasonCode code, long signedCents, int movements) {
    }
}
