package dev.nrrbot.signals;

import java.time.LocalDate;
import java.util.List;

/** The imported signals (tickets, usage, surveys, invoices, account events). Imports write them; see ingest. */
public interface SignalStore {

    /** Reads every signal into memory: what the health score and the backtest read. */
    SignalBook load();

    /**
     * What is loaded of each kind, counted by the database (status reads it without loading the book).
     * Kinds with no rows are left out.
     */
    default List<Loaded> loaded() {
        return List.of();
    }

    /**
     * @param rows     rows stored (for usage: account, day and feature rows)
     * @param accounts distinct accounts
     * @param detail   tickets: still open; usage: account-days; otherwise 0
     * @param features usage: distinct features; otherwise 0
     */
    record Loaded(SignalBook.Kind kind, long rows, long accounts, LocalDate first, LocalDate last, long detail,
                  long features) {
    }

    /** No signals at all: for stores and tests without them. */
    SignalStore NONE = () -> SignalBook.EMPTY;
}
