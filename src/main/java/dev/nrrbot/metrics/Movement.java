package dev.nrrbot.metrics;

import java.time.YearMonth;

/**
 * One change of an account's MRR from the end of the previous month to the end of {@code month}.
 * {@code cents} is the unsigned size of the change; {@link #signedCents()} carries the direction.
 * {@code reason} is null when nothing explains it.
 */
public record Movement(int account, YearMonth month, MovementKind kind, long cents, ReasonCode reason, String note) {

    public long signedCents() {
        return kind.sign() * cents;
    }

    public BusinessFunction function() {
        return reason == null ? null : reason.function();
    }

    Movement withReason(ReasonCode code, String why) {
        return new Movement(account, month, kind, cents, code, why);
    }
}
