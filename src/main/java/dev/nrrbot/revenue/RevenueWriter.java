package dev.nrrbot.revenue;

import dev.nrrbot.metrics.ReasonCode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;

/** Writes inside one open transaction; see {@link RevenueStore#write}. */
public interface RevenueWriter {

    /** Drops every ledger row of {@code month} and marks it covered: the import is its whole truth. */
    void replaceMonth(YearMonth month, String source);

    /** Adds one ledger row (after {@link #replaceMonth}); zero MRR needs no row. */
    void ledgerRow(String accountId, YearMonth month, long cents);

    /** Creates bare accounts for ids that are not known yet. */
    void ensureAccounts(Collection<String> accountIds);

    /**
     * Creates or updates accounts. Only the given fields are changed: {@code name}, {@code csm_email},
     * {@code renewal_date}; a null value clears the field (name falls back to the id).
     */
    void upsertAccount(String accountId, Map<String, Object> fields);

    /** Sets or (with null) removes one attribute. */
    void attribute(String accountId, String name, String value);

    void upsertSubscription(String subscriptionId, String accountId, LocalDate start, LocalDate end, long mrrCents);

    void addReasonCode(ReasonCode code);

    /** The taxonomy as this transaction sees it, so a change is checked against what it changes. */
    dev.nrrbot.metrics.ReasonTaxonomy taxonomy();

    /** Imports read {@code alias} (normalised) as {@code code} from now on. */
    void addReasonAlias(String alias, String code);

    /** {@code code} counts for {@code function} (null: unattributed), its past movements too. */
    void moveReasonCode(String code, dev.nrrbot.metrics.BusinessFunction function);

    /** Keeps one change to the taxonomy in its log, stamped with this transaction's time. */
    void logTaxonomyChange(TaxonomyChange.Kind kind, String code, String detail, String changedBy);

    /**
     * Creates the reason record whose identity is {@code key}, or changes it to these values. A record
     * written anew or changed becomes the latest imported; one found again unchanged keeps its place.
     *
     * @param eventId the record's own id from the file, or null
     */
    void putReason(String key, String eventId, String accountId, LocalDate date, String code, String note);

    /**
     * Starts the log entry of an import and, from here on, keeps what this transaction replaces, so
     * the import can be taken back exactly ({@link RevenueStore#undo}). Call before writing anything.
     *
     * @return the import's id
     */
    long beginImport(String kind, String fileName, String by);

    /** Completes the log entry {@link #beginImport} opened; keeps the journals of the latest imports only. */
    void finishImport(long importId, int rows, YearMonth firstMonth, YearMonth lastMonth);

    /** Sets the reason of one movement itself (from Slack): it wins over imported records. */
    void setMovementReason(String accountId, java.time.YearMonth month, String code, String note, String setBy);

    /** The signal writes (tickets, usage, surveys, invoices, events) of this same transaction. */
    dev.nrrbot.signals.SignalWriter signals();
}
