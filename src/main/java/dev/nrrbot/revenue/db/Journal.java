package dev.nrrbot.revenue.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * What an import replaced, kept so that it can be taken back exactly (migrations/V11__import_journal.sql).
 * The small tables an import touches are kept whole, as they were before it (tickets, surveys, invoices
 * and events too: one INSERT ... SELECT inside the database, even for 500,000 tickets); of the ledger,
 * only the months it replaced, and of usage only the days. Imports are taken back newest first, so putting a before-image back never
 * overwrites a later import.
 */
final class Journal {

    /** How many of the latest imports keep their journal. */
    static final int DEPTH = 5;

    /** Each journaled table and its columns (the undo_ table has import_id and the same columns). */
    private static final Map<String, String> TABLES = Map.of(
            "account", "account_id, name, csm_email, renewal_date, updated_at",
            "account_attribute", "account_id, attr_name, attr_value",
            "subscription", "subscription_id, account_id, start_date, end_date, mrr_cents",
            "reason_record", "record_key, event_id, account_id, event_date, reason_code, note, seq, imported_at",
            "signal_ticket", "ticket_id, account_id, opened_on, closed_on, priority, first_response_minutes, satisfaction,"
                    + " escalated",
            "signal_survey", "survey_key, response_id, account_id, survey_day, score, scale, comment_text",
            "signal_invoice", "invoice_id, account_id, due_on, paid_on, amount_cents, invoice_status",
            "signal_event", "event_key, account_id, event_day, event_type, note");
    /** Restored in this order: reason records before the codes they may name are looked at. */
    private static final List<String> ORDER = List.of("account", "account_attribute", "subscription", "reason_record",
            "signal_ticket", "signal_survey", "signal_invoice", "signal_event");
    private static final String USAGE_COLS = "usage_day, bucket, entry_count, account_day_count, entries";

    private static final List<String> UNDO_TABLES = List.of("undo_table", "undo_account", "undo_attribute",
            "undo_subscription", "undo_reason_record", "undo_month", "undo_ledger", "undo_reason_code",
            "undo_signal_ticket", "undo_signal_survey", "undo_signal_invoice", "undo_signal_event", "undo_usage_day",
            "undo_signal_usage");

    private Journal() {
    }

    private static String undoTable(String table) {
        return table.equals("account_attribute") ? "undo_attribute" : "undo_" + table;
    }

    static void keepTable(Handle h, long importId, String table) {
        String cols = TABLES.get(table);
        h.execute("INSERT INTO " + undoTable(table) + " (import_id, " + cols + ") SELECT ?, " + cols + " FROM " + table, importId);
        h.execute("INSERT INTO undo_table (import_id, table_name) VALUES (?, ?)", importId, table);
    }

    static void keepMonth(Handle h, long importId, LocalDate month) {
        h.execute("INSERT INTO undo_month (import_id, ledger_month, source, imported_at)"
                + " SELECT CAST(? AS BIGINT), CAST(? AS DATE), c.source, c.imported_at FROM (VALUES (1)) v(one)"
                + " LEFT JOIN covered_month c ON c.ledger_month = ?", importId, month, month);
        h.execute("INSERT INTO undo_ledger (import_id, ledger_month, account_id, mrr_cents)"
                + " SELECT ?, ledger_month, account_id, mrr_cents FROM mrr_ledger WHERE ledger_month = ?", importId, month);
    }

    /**
     * Of usage, like the ledger's months, only the days an import replaces are kept: their records,
     * moved as they are, then the days emptied. A statement per day in a batch, each a lookup of the key
     * (H2 runs "usage_day IN (SELECT ...)" as a scan that evaluates the subquery again for every record).
     */
    static void keepUsageDays(Handle h, long importId, Collection<LocalDate> days) {
        PreparedBatch kept = h.prepareBatch("INSERT INTO undo_usage_day (import_id, usage_day) VALUES (?, ?)");
        PreparedBatch copied = h.prepareBatch("INSERT INTO undo_signal_usage (import_id, " + USAGE_COLS + ") SELECT ?, "
                + USAGE_COLS + " FROM signal_usage WHERE usage_day = ?");
        for (LocalDate d : days) {
            kept.add(importId, d);
            copied.add(importId, d);
        }
        kept.execute();
        copied.execute();
        deleteUsageDays(h, days);
    }

    /** Empties these days of usage. */
    static void deleteUsageDays(Handle h, Collection<LocalDate> days) {
        PreparedBatch delete = h.prepareBatch("DELETE FROM signal_usage WHERE usage_day = ?");
        days.forEach(d -> delete.add(d));
        delete.execute();
    }

    /** Drops the journals of all but the {@link #DEPTH} latest imports that still have one. */
    static void keepLatest(Handle h) {
        List<Long> kept = h.createQuery("SELECT id FROM import_log WHERE undoable = TRUE ORDER BY id DESC")
                .mapTo(Long.class).list();
        for (Long old : kept.subList(Math.min(DEPTH, kept.size()), kept.size())) {
            forget(h, old);
        }
    }

    private static void forget(Handle h, long importId) {
        for (String t : UNDO_TABLES) {
            h.execute("DELETE FROM " + t + " WHERE import_id = ?", importId);
        }
        h.execute("UPDATE import_log SET undoable = FALSE WHERE id = ?", importId);
    }

    /** Puts back what {@code importId} replaced and marks it taken back. */
    static void undo(Handle h, long importId, String by, OffsetDateTime now) {
        List<String> tables = h.createQuery("SELECT table_name FROM undo_table WHERE import_id = ?")
                .bind(0, importId).mapTo(String.class).list();
        for (String table : ORDER) {
            if (tables.contains(table)) {
                String cols = TABLES.get(table);
                h.execute("DELETE FROM " + table);
                h.execute("INSERT INTO " + table + " (" + cols + ") SELECT " + cols + " FROM " + undoTable(table)
                        + " WHERE import_id = ?", importId);
            }
        }
        h.execute("DELETE FROM mrr_ledger WHERE ledger_month IN (SELECT ledger_month FROM undo_month WHERE import_id = ?)", importId);
        h.execute("DELETE FROM covered_month WHERE ledger_month IN (SELECT ledger_month FROM undo_month WHERE import_id = ?)", importId);
        h.execute("INSERT INTO covered_month (ledger_month, source, imported_at) SELECT ledger_month, source, imported_at"
                + " FROM undo_month WHERE import_id = ? AND source IS NOT NULL", importId);
        h.execute("INSERT INTO mrr_ledger (ledger_month, account_id, mrr_cents) SELECT ledger_month, account_id, mrr_cents"
                + " FROM undo_ledger WHERE import_id = ?", importId);
        deleteUsageDays(h, h.createQuery("SELECT usage_day FROM undo_usage_day WHERE import_id = ?").bind(0, importId)
                .mapTo(LocalDate.class).list());
        h.execute("INSERT INTO signal_usage (" + USAGE_COLS + ") SELECT " + USAGE_COLS + " FROM undo_signal_usage"
                + " WHERE import_id = ?", importId);
        // codes the import added go with it, unless something still names them (a reason set in Slack)
        String unused = " WHERE code IN (SELECT code FROM undo_reason_code WHERE import_id = ?)"
                + " AND code NOT IN (SELECT reason_code FROM reason_record)"
                + " AND code NOT IN (SELECT reason_code FROM movement_reason)";
        h.execute("DELETE FROM reason_alias" + unused, importId);
        h.execute("DELETE FROM reason_code" + unused, importId);
        forget(h, importId);
        h.execute("UPDATE import_log SET undone_at = ?, undone_by = ? WHERE id = ?", now, by, importId);
    }

    /** Removes every imported row and every journal; the log marks each applied import as taken back. */
    static void reset(Handle h, String by, OffsetDateTime now) {
        for (String t : List.of("account_attribute", "account", "mrr_ledger", "covered_month", "subscription",
                "reason_record", "movement_reason", "reason_request", "signal_ticket", "signal_usage", "signal_survey",
                "signal_invoice", "signal_event")) {
            h.execute("DELETE FROM " + t);
        }
        for (String t : UNDO_TABLES) {
            h.execute("DELETE FROM " + t);
        }
        h.execute("UPDATE import_log SET undoable = FALSE, undone_at = ?, undone_by = ? WHERE undone_at IS NULL", now, by);
    }
}
