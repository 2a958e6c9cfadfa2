package dev.nrrbot.metrics;

import java.util.List;

/**
 * One function's part of a window's NRR: its contribution and the reasons and drivers behind it,
 * over the cohort's movements (the same movements the contribution counts). {@code accounts} is how
 * many accounts those movements are of.
 */
public record FunctionDetail(RetentionReport report, BusinessFunction function, Contribution contribution,
                             List<CodeAmount> codes, int accounts) {

    public FunctionDetail {
        codes = List.copyOf(codes);
    }

    /** A code's signed amount (gains positive, losses negative), how many movements carry it and of how many accounts. */
    public record CodeAmount(ReasonCode code, long signedCents, int movements, int accounts) {
    }
}
