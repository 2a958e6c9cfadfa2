package dev.nrrbot.metrics;

import java.time.LocalDate;

/**
 * A reason or driver noted for an account on a date, from an import: one event, whatever it shares
 * with others. {@code seq} orders records that share a date: the one imported last wins.
 * {@code key} is the record's identity (its own id from the file, when it had one).
 */
public record ReasonRecord(String accountId, LocalDate date, String code, String note, long seq, String key) {

    /** A record known by its place in the order alone. */
    public ReasonRecord(String accountId, LocalDate date, String code, String note, long seq) {
        this(accountId, date, code, note, seq, "seq:" + seq);
    }
}
