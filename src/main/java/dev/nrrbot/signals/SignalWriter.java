package dev.nrrbot.signals;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * Writes signals inside the transaction of an import (see {@code RevenueWriter#signals}), so a signal
 * file is kept whole with its import_log entry, or not at all. Each write is journaled for undo.
 */
public interface SignalWriter {

    /** Creates the ticket or, when its id is known, changes it to these values. */
    void putTicket(Ticket ticket);

    /**
     * Replaces the usage of each day in {@code days} with that day's entries (one per account and
     * feature): the file being imported is the whole truth of every day it names.
     */
    void replaceUsageDays(SortedMap<LocalDate, List<UsageEntries.Entry>> days);

    /** Creates the survey answer whose identity is {@code key}, or changes it. */
    void putSurvey(String key, String responseId, Survey survey);

    /** Creates the invoice or, when its id is known, changes it. */
    void putInvoice(Invoice invoice);

    /** Creates the account event whose identity is {@code key}, or changes it. */
    void putEvent(String key, AccountEvent event);
}
