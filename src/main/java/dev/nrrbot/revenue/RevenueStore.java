package dev.nrrbot.revenue;

import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonTaxonomy;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Revenue data: what the engine reads, and the one way to change it (a transaction). */
public interface RevenueStore {

    ReasonTaxonomy taxonomy();

    /** Reads everything the engine needs. */
    Portfolio loadPortfolio();

    /** Increases with every committed change to revenue data. */
    long dataVersion();

    /** The names of the files imported so far and not taken back. */
    java.util.List<String> importedFiles();

    /** Rows imported into this database so far, all imports counted (what {@code /metrics} shows). */
    long importedRows();

    /** Every change made to the taxonomy, oldest first. */
    java.util.List<TaxonomyChange> taxonomyHistory();

    /** When revenue data last changed, if ever. */
    Optional<Instant> lastImport();

    /** Every import, newest first, those taken back included. */
    java.util.List<ImportRecord> imports();

    /** The imported subscriptions (what status and the warnings read). */
    java.util.List<SubscriptionSpan> subscriptions();

    /**
     * Takes an import back in one transaction: every table it touched is exactly as it was before it.
     * Imports are taken back newest first.
     *
     * @param importId the import, or null for the latest one still applied
     * @throws UndoRefused saying why (nothing to undo, a later import first, too old) and what to do
     */
    ImportRecord undo(Long importId, String by);

    /**
     * Removes every imported row (accounts, revenue, subscriptions, reason records, reasons set in
     * Slack) in one transaction; the taxonomy, roles, owners, flags and schedules stay. The log keeps
     * the imports, marked as taken back.
     *
     * @return how many imports were taken back
     */
    int reset(String by);

    /**
     * Runs {@code work} in one transaction: everything it wrote is committed together, or, if it
     * throws, nothing is.
     */
    <T> T write(Function<RevenueWriter, T> work);

    /** The imported signals, read beside the revenue (status counts them). */
    default dev.nrrbot.signals.SignalStore signals() {
        return dev.nrrbot.signals.SignalStore.NONE;
    }
}
