package dev.nrrbot.signals;

import java.time.LocalDate;

/**
 * Writes signals inside the transaction of an import (see {@code RevenueWriter#signals}), so a signal
 * file is kept whole with its import_log entry, or not at all. Each write is journaled for undo.
 */
public interface SignalWriter {

    /** Creates the ticket or, when its id is known, changes it to these values. */
    void putTicket(Ticket ticket);

    /** Drops every usage row of {@code day}: the file being imported is its whole truth. */
    void replaceUsageDay(LocalDate day);

    /** Adds one account's use of one feature on one day (after {@link #replaceUsageDay}). */
    void usageRow(String accountId, LocalDate day, String feature, long count, long durationSeconds, long errors);

    /** Creates the survey answer whose identity is {@code key}, or changes it. */
    void putSurvey(String key, String responseId, Survey survey);

    /** Creates the invoice or, when its id is known, changes it. */
    void putInvoice(Invoice invoice);

    /** Creates the account event whose identity is {@code key}, or changes it. */
    void putEvent(String key, AccountEvent event);
}
