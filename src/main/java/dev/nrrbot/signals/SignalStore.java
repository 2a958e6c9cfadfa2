package dev.nrrbot.signals;

/** The imported signals (tickets, usage, surveys, invoices, account events). Imports write them; see ingest. */
public interface SignalStore {

    /** Reads every signal into memory: what the health score and the backtest read. */
    SignalBook load();
}
