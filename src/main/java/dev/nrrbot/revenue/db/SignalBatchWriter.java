package dev.nrrbot.revenue.db;

import dev.nrrbot.revenue.ColumnSizes;
import dev.nrrbot.signals.AccountEvent;
import dev.nrrbot.signals.Invoice;
import dev.nrrbot.signals.SignalWriter;
import dev.nrrbot.signals.Survey;
import dev.nrrbot.signals.Ticket;
import dev.nrrbot.signals.UsageEntries;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The signal writes of an import, on the revenue transaction's connection and through its batches
 * ({@link LedgerBatchWriter}), so a signal file commits with its import_log entry and its journal.
 * A row is found by its identity (MERGE): the same file imported again writes the same values.
 */
final class SignalBatchWriter implements SignalWriter {
    /** signal_survey.survey_key and signal_event.event_key (migrations/V14__signals.sql). */
    private static final int KEY = 420;
    private static final int EVENT_TYPE = 100;
    /** Characters of usage records held in a batch before it is sent: a few MB, not a batch of 5,000 days. */
    private static final long FLUSH_CHARS = 4_000_000;
    private static final String INSERT_USAGE = "INSERT INTO signal_usage (usage_day, bucket, entry_count, account_day_count,"
            + " entries) VALUES (?, ?, ?, ?, ?)";

    private final LedgerBatchWriter w;

    SignalBatchWriter(LedgerBatchWriter w) {
        this.w = w;
    }

    @Override
    public void putTicket(Ticket t) {
        LedgerBatchWriter.fits(t.ticketId(), ColumnSizes.ID, "a ticket id");
        LedgerBatchWriter.fits(t.accountId(), ColumnSizes.ID, "an account id");
        w.image("signal_ticket");
        w.add("MERGE INTO signal_ticket t USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)), CAST(? AS DATE),"
                        + " CAST(? AS DATE), CAST(? AS VARCHAR(10)), CAST(? AS INTEGER), CAST(? AS DOUBLE PRECISION),"
                        + " CAST(? AS BOOLEAN))) s(ticket_id, account_id, opened_on, closed_on, priority,"
                        + " first_response_minutes, satisfaction, escalated) ON (t.ticket_id = s.ticket_id)"
                        + " WHEN MATCHED THEN UPDATE SET account_id = s.account_id, opened_on = s.opened_on,"
                        + " closed_on = s.closed_on, priority = s.priority, first_response_minutes = s.first_response_minutes,"
                        + " satisfaction = s.satisfaction, escalated = s.escalated"
                        + " WHEN NOT MATCHED THEN INSERT (ticket_id, account_id, opened_on, closed_on, priority,"
                        + " first_response_minutes, satisfaction, escalated) VALUES (s.ticket_id, s.account_id, s.opened_on,"
                        + " s.closed_on, s.priority, s.first_response_minutes, s.satisfaction, s.escalated)",
                t.ticketId(), t.accountId(), t.opened(), t.closed(), t.priority().name(), t.firstResponseMinutes(),
                t.satisfaction(), t.escalated());
    }

    @Override
    public void replaceUsageDays(SortedMap<LocalDate, List<UsageEntries.Entry>> days) {
        if (days.isEmpty()) {
            return;
        }
        for (List<UsageEntries.Entry> entries : days.values()) {
            for (UsageEntries.Entry e : entries) {
                LedgerBatchWriter.fits(e.accountId(), ColumnSizes.ID, "an account id");
                LedgerBatchWriter.fits(e.feature(), ColumnSizes.ID, "a feature name");
            }
        }
        w.flush();
        if (w.journal() >= 0) {
            Journal.keepUsageDays(w.handle(), w.journal(), days.keySet()); // and empties them
        } else {
            Journal.deleteUsageDays(w.handle(), days.keySet());
        }
        // the days were emptied: plain inserts, a record per day (or per bucket of a large day)
        long chars = 0;
        for (Map.Entry<LocalDate, List<UsageEntries.Entry>> day : days.entrySet()) {
            for (UsageEntries.Record r : UsageEntries.encode(day.getValue())) {
                w.add(INSERT_USAGE, day.getKey(), r.bucket(), r.entries(), r.accountDays(), r.text());
                chars += r.text().length();
                if (chars > FLUSH_CHARS) {
                    w.flush();
                    chars = 0;
                }
            }
        }
        w.flush();
    }

    @Override
    public void putSurvey(String key, String responseId, Survey s) {
        LedgerBatchWriter.fits(key, KEY, "a survey answer's key");
        LedgerBatchWriter.fits(responseId, ColumnSizes.ID, "a response id");
        LedgerBatchWriter.fits(s.accountId(), ColumnSizes.ID, "an account id");
        LedgerBatchWriter.fits(s.comment(), ColumnSizes.NOTE, "a comment");
        w.image("signal_survey");
        w.add("MERGE INTO signal_survey t USING (VALUES (CAST(? AS VARCHAR(420)), CAST(? AS VARCHAR(200)),"
                        + " CAST(? AS VARCHAR(200)), CAST(? AS DATE), CAST(? AS INTEGER), CAST(? AS VARCHAR(10)),"
                        + " CAST(? AS VARCHAR(4000)))) s(survey_key, response_id, account_id, survey_day, score, scale,"
                        + " comment_text) ON (t.survey_key = s.survey_key)"
                        + " WHEN MATCHED THEN UPDATE SET response_id = s.response_id, account_id = s.account_id,"
                        + " survey_day = s.survey_day, score = s.score, scale = s.scale, comment_text = s.comment_text"
                        + " WHEN NOT MATCHED THEN INSERT (survey_key, response_id, account_id, survey_day, score, scale,"
                        + " comment_text) VALUES (s.survey_key, s.response_id, s.account_id, s.survey_day, s.score, s.scale,"
                        + " s.comment_text)",
                key, responseId, s.accountId(), s.date(), s.score(), s.scale().name(), s.comment());
    }

    @Override
    public void putInvoice(Invoice i) {
        LedgerBatchWriter.fits(i.invoiceId(), ColumnSizes.ID, "an invoice id");
        LedgerBatchWriter.fits(i.accountId(), ColumnSizes.ID, "an account id");
        w.image("signal_invoice");
        w.add("MERGE INTO signal_invoice t USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)), CAST(? AS DATE),"
                        + " CAST(? AS DATE), CAST(? AS BIGINT), CAST(? AS VARCHAR(10)))) s(invoice_id, account_id, due_on,"
                        + " paid_on, amount_cents, invoice_status) ON (t.invoice_id = s.invoice_id)"
                        + " WHEN MATCHED THEN UPDATE SET account_id = s.account_id, due_on = s.due_on, paid_on = s.paid_on,"
                        + " amount_cents = s.amount_cents, invoice_status = s.invoice_status"
                        + " WHEN NOT MATCHED THEN INSERT (invoice_id, account_id, due_on, paid_on, amount_cents,"
                        + " invoice_status) VALUES (s.invoice_id, s.account_id, s.due_on, s.paid_on, s.amount_cents,"
                        + " s.invoice_status)",
                i.invoiceId(), i.accountId(), i.due(), i.paid(), i.amountCents(), i.status().name());
    }

    @Override
    public void putEvent(String key, AccountEvent e) {
        LedgerBatchWriter.fits(key, KEY, "an event's key");
        LedgerBatchWriter.fits(e.accountId(), ColumnSizes.ID, "an account id");
        LedgerBatchWriter.fits(e.type(), EVENT_TYPE, "an event type");
        LedgerBatchWriter.fits(e.note(), ColumnSizes.NOTE, "a note");
        w.image("signal_event");
        w.add("MERGE INTO signal_event t USING (VALUES (CAST(? AS VARCHAR(420)), CAST(? AS VARCHAR(200)), CAST(? AS DATE),"
                        + " CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(4000)))) s(event_key, account_id, event_day,"
                        + " event_type, note) ON (t.event_key = s.event_key)"
                        + " WHEN MATCHED THEN UPDATE SET account_id = s.account_id, event_day = s.event_day,"
                        + " event_type = s.event_type, note = s.note"
                        + " WHEN NOT MATCHED THEN INSERT (event_key, account_id, event_day, event_type, note)"
                        + " VALUES (s.event_key, s.account_id, s.event_day, s.event_type, s.note)",
                key, e.accountId(), e.date(), e.type(), e.note());
    }
}
