package dev.nrrbot.metrics;

import java.time.LocalDate;

/**
 * A reason or driver noted for an account on a date, from an import. {@code seq} orders records
 * that share a date: the one imported last wins.
 */
public record ReasonRecord(String accountId, LocalDate date, String code, String note, long seq) {
}
