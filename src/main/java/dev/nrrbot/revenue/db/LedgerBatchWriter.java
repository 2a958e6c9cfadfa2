package dev.nrrbot.revenue.db;

import dev.nrrbot.revenue.ColumnSizes;
import dev.nrrbot.revenue.RevenueStore;
import dev.nrrbot.platform.db.StoreException;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.RevenueWriter;

import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.metrics.ReasonOverride;
import dev.nrrbot.metrics.ReasonRecord;
import dev.nrrbot.metrics.ReasonTaxonomy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps one prepared statement per SQL text and sends rows in batches. A text longer than its column
 * is refused, never cut (a CAST to a shorter VARCHAR would cut it without a word): the importer names
 * such values with their line first, so this is the last line of defence.
 *
 * <p>Over 300 lines: every write of an import, each a short method, and the hooks of its undo journal
 * ({@link Journal}) beside the writes they protect. The signal writes are {@link SignalBatchWriter}'s.
 */
final class LedgerBatchWriter implements RevenueWriter, AutoCloseable {
    private static final int BATCH = 5_000;
    /** reason_record.record_key (migrations/V8__reason_events.sql). */
    private static final int RECORD_KEY = 420;
    /** taxonomy_change.detail and changed_by (migrations/V12__taxonomy_changes.sql). */
    private static final int TAXONOMY_DETAIL = 500;
    private static final int TAXONOMY_CHANGED_BY = 100;
    private static final String MERGE_ACCOUNT_IF_MISSING =
            "MERGE INTO account t USING (VALUES (CAST(? AS VARCHAR(200)))) s(account_id) ON (t.account_id = s.account_id)"
                    + " WHEN NOT MATCHED THEN INSERT (account_id, name, updated_at) VALUES (s.account_id, s.account_id, ?)";
    private static final String INSERT_LEDGER =
            "INSERT INTO mrr_ledger (ledger_month, account_id, mrr_cents) VALUES (?, ?, ?)";

    private final Handle handle;
    private final Connection c;
    private final Map<String, PreparedStatement> statements = new java.util.LinkedHashMap<>();
    private final Map<String, Integer> pending = new HashMap<>();
    private final OffsetDateTime now;
    private long nextSeq = -1;
    /** The import whose journal this transaction keeps, or -1 (a Slack reason, the taxonomy seed). */
    private long journal = -1;
    private final java.util.Set<String> imaged = new java.util.HashSet<>();
    private final java.util.Set<YearMonth> monthsKept = new java.util.HashSet<>();
    private SignalBatchWriter signals;

    /** @param now stamps every row this transaction writes */
    LedgerBatchWriter(Handle handle, OffsetDateTime now) {
        this.now = now;
        this.handle = handle;
        this.c = handle.getConnection();
    }

    void add(String sql, Object... values) {
        try {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                ps = c.prepareStatement(sql);
                statements.put(sql, ps);
            }
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.addBatch();
            int n = pending.merge(sql, 1, Integer::sum);
            if (n >= BATCH) {
                ps.executeBatch();
                pending.put(sql, 0);
            }
        } catch (SQLException e) {
            throw new StoreException("could not write to the database: " + e.getMessage(), e);
        }
    }

    void flush() {
        try {
            for (Map.Entry<String, PreparedStatement> e : statements.entrySet()) {
                if (pending.getOrDefault(e.getKey(), 0) > 0) {
                    e.getValue().executeBatch();
                    pending.put(e.getKey(), 0);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not write to the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void replaceMonth(YearMonth month, String source) {
        LocalDate first = month.atDay(1);
        if (journal >= 0 && monthsKept.add(month)) {
            flush();
            Journal.keepMonth(handle, journal, first);
        }
        handle.execute("DELETE FROM mrr_ledger WHERE ledger_month = ?", first);
        handle.execute("DELETE FROM covered_month WHERE ledger_month = ?", first);
        handle.execute("INSERT INTO covered_month (ledger_month, source, imported_at) VALUES (?, ?, ?)", first, source, now);
    }

    /** {@code value}, when it fits a column of {@code max} characters; refuses it otherwise. */
    static String fits(String value, int max, String what) {
        if (value != null && value.length() > max) {
            throw new StoreException("could not write to the database: " + what + " of " + value.length()
                    + " characters does not fit (the column holds " + max + "); nothing was written");
        }
        return value;
    }

    @Override
    public void ledgerRow(String accountId, YearMonth month, long cents) {
        fits(accountId, ColumnSizes.ID, "an account id");
        if (cents > 0) {
            add(INSERT_LEDGER, month.atDay(1), accountId, cents);
        }
    }

    @Override
    public void ensureAccounts(java.util.Collection<String> accountIds) {
        image("account");
        for (String id : accountIds) {
            add(MERGE_ACCOUNT_IF_MISSING, fits(id, ColumnSizes.ID, "an account id"), now);
        }
    }

    @Override
    public void upsertAccount(String accountId, Map<String, Object> fields) {
        image("account");
        List<String> cols = new ArrayList<>(List.of("name", "csm_email", "renewal_date"));
        cols.retainAll(fields.keySet());
        StringBuilder sql = new StringBuilder("MERGE INTO account t USING (VALUES (CAST(? AS VARCHAR(200))");
        for (String col : cols) {
            sql.append(", CAST(? AS ").append(col.equals("renewal_date") ? "DATE" : "VARCHAR(500)").append(')');
        }
        sql.append(", CAST(? AS TIMESTAMP WITH TIME ZONE))) s(account_id");
        cols.forEach(col -> sql.append(", ").append(col));
        sql.append(", updated_at) ON (t.account_id = s.account_id) WHEN MATCHED THEN UPDATE SET updated_at = s.updated_at");
        for (String col : cols) {
            sql.append(", ").append(col).append(" = ")
                    .append(col.equals("name") ? "COALESCE(s.name, s.account_id)" : "s." + col);
        }
        sql.append(" WHEN NOT MATCHED THEN INSERT (account_id, name, updated_at");
        cols.stream().filter(col -> !col.equals("name")).forEach(col -> sql.append(", ").append(col));
        sql.append(") VALUES (s.account_id, ").append(cols.contains("name") ? "COALESCE(s.name, s.account_id)" : "s.account_id")
                .append(", s.updated_at");
        cols.stream().filter(col -> !col.equals("name")).forEach(col -> sql.append(", s.").append(col));
        sql.append(')');
        List<Object> values = new ArrayList<>();
        values.add(fits(accountId, ColumnSizes.ID, "an account id"));
        fits((String) fields.get("name"), ColumnSizes.NAME, "a name");
        fits((String) fields.get("csm_email"), ColumnSizes.EMAIL, "an e-mail address");
        cols.forEach(col -> values.add(fields.get(col)));
        values.add(now);
        add(sql.toString(), values.toArray());
    }

    @Override
    public void attribute(String accountId, String name, String value) {
        fits(accountId, ColumnSizes.ID, "an account id");
        fits(name, ColumnSizes.ATTRIBUTE_NAME, "an attribute name");
        fits(value, ColumnSizes.ATTRIBUTE_VALUE, "an attribute value");
        image("account_attribute");
        if (value == null) {
            add("DELETE FROM account_attribute WHERE account_id = ? AND attr_name = ?", accountId, name);
        } else {
            add("MERGE INTO account_attribute t USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(100)),"
                    + " CAST(? AS VARCHAR(500)))) s(account_id, attr_name, attr_value)"
                    + " ON (t.account_id = s.account_id AND t.attr_name = s.attr_name)"
                    + " WHEN MATCHED THEN UPDATE SET attr_value = s.attr_value"
                    + " WHEN NOT MATCHED THEN INSERT (account_id, attr_name, attr_value)"
                    + " VALUES (s.account_id, s.attr_name, s.attr_value)", accountId, name, value);
        }
    }

    @Override
    public void upsertSubscription(String subscriptionId, String accountId, LocalDate start, LocalDate end, long mrrCents) {
        fits(subscriptionId, ColumnSizes.ID, "a subscription id");
        fits(accountId, ColumnSizes.ID, "an account id");
        image("subscription");
        add("MERGE INTO subscription t USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)), CAST(? AS DATE),"
                + " CAST(? AS DATE), CAST(? AS BIGINT))) s(subscription_id, account_id, start_date, end_date, mrr_cents)"
                + " ON (t.subscription_id = s.subscription_id)"
                + " WHEN MATCHED THEN UPDATE SET account_id = s.account_id, start_date = s.start_date,"
                + " end_date = s.end_date, mrr_cents = s.mrr_cents"
                + " WHEN NOT MATCHED THEN INSERT (subscription_id, account_id, start_date, end_date, mrr_cents)"
                + " VALUES (s.subscription_id, s.account_id, s.start_date, s.end_date, s.mrr_cents)",
                subscriptionId, accountId, start, end, mrrCents);
    }

    @Override
    public void addReasonCode(ReasonCode code) {
        fits(code.code(), ColumnSizes.REASON_CODE, "a reason code");
        fits(code.label(), ColumnSizes.REASON_LABEL, "a reason label");
        flush();
        if (journal >= 0) {
            handle.execute("INSERT INTO undo_reason_code (import_id, code) VALUES (?, ?)", journal, code.code());
        }
        handle.execute("INSERT INTO reason_code (code, function_code, polarity, label) VALUES (?, ?, ?, ?)",
                code.code(), code.function() == null ? null : code.function().code(), code.polarity().name(), code.label());
        for (String alias : code.aliases()) {
            handle.execute("INSERT INTO reason_alias (alias, code) VALUES (?, ?)", ReasonTaxonomy.normalize(alias), code.code());
        }
    }

    @Override
    public ReasonTaxonomy taxonomy() {
        flush();
        try {
            return JdbiRevenueStore.readTaxonomy(c);
        } catch (SQLException e) {
            throw new StoreException("could not read the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void addReasonAlias(String alias, String code) {
        String a = fits(ReasonTaxonomy.normalize(alias), ColumnSizes.REASON_CODE, "an alias");
        flush();
        handle.execute("INSERT INTO reason_alias (alias, code) VALUES (?, ?)", a, code);
    }

    @Override
    public void moveReasonCode(String code, BusinessFunction function) {
        flush();
        handle.execute("UPDATE reason_code SET function_code = ? WHERE code = ?",
                function == null ? null : function.code(), code);
    }

    @Override
    public void logTaxonomyChange(dev.nrrbot.revenue.TaxonomyChange.Kind kind, String code, String detail, String changedBy) {
        fits(detail, TAXONOMY_DETAIL, "a change's detail");
        fits(changedBy, TAXONOMY_CHANGED_BY, "who changed it");
        handle.execute("INSERT INTO taxonomy_change (change_kind, code, detail, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)",
                kind.name(), code, detail, changedBy, now);
    }

    @Override
    public void putReason(String key, String eventId, String accountId, LocalDate date, String code, String note) {
        fits(accountId, ColumnSizes.ID, "an account id");
        fits(eventId, ColumnSizes.ID, "a reason record id");
        fits(key, RECORD_KEY, "a reason record key");
        fits(note, ColumnSizes.NOTE, "a note");
        image("reason_record");
        if (nextSeq < 0) {
            nextSeq = handle.createQuery("SELECT COALESCE(MAX(seq), 0) FROM reason_record").mapTo(Long.class).one() + 1;
        }
        // a record found again unchanged keeps its row and its place in the order (seq): re-importing changes nothing
        add("MERGE INTO reason_record t USING (VALUES (CAST(? AS VARCHAR(420)), CAST(? AS VARCHAR(200)),"
                + " CAST(? AS VARCHAR(200)), CAST(? AS DATE), CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(4000)),"
                + " CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE)))"
                + " s(record_key, event_id, account_id, event_date, reason_code, note, seq, imported_at)"
                + " ON (t.record_key = s.record_key)"
                + " WHEN MATCHED AND (t.account_id <> s.account_id OR t.event_date <> s.event_date"
                + " OR t.reason_code <> s.reason_code OR t.note IS DISTINCT FROM s.note"
                + " OR t.event_id IS DISTINCT FROM s.event_id)"
                + " THEN UPDATE SET event_id = s.event_id, account_id = s.account_id, event_date = s.event_date,"
                + " reason_code = s.reason_code, note = s.note, seq = s.seq, imported_at = s.imported_at"
                + " WHEN NOT MATCHED THEN INSERT (record_key, event_id, account_id, event_date, reason_code, note, seq,"
                + " imported_at) VALUES (s.record_key, s.event_id, s.account_id, s.event_date, s.reason_code, s.note,"
                + " s.seq, s.imported_at)",
                key, eventId, accountId, date, code, note, nextSeq++, now);
    }

    @Override
    public long beginImport(String kind, String fileName, String by) {
        flush();
        journal = handle.createUpdate("INSERT INTO import_log (kind, file_name, row_count, imported_at, imported_by, undoable)"
                        + " VALUES (:kind, :file, 0, :at, :by, TRUE)")
                .bind("kind", kind).bind("file", fileName).bind("at", now).bind("by", by)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return journal;
    }

    @Override
    public void finishImport(long importId, int rows, YearMonth firstMonth, YearMonth lastMonth) {
        flush();
        handle.execute("UPDATE import_log SET row_count = ?, first_month = ?, last_month = ? WHERE id = ?", rows,
                firstMonth == null ? null : firstMonth.atDay(1), lastMonth == null ? null : lastMonth.atDay(1), importId);
        Journal.keepLatest(handle);
    }

    /** See {@link dev.nrrbot.revenue.RevenueStore#undo}. */
    void undo(long importId, String by) {
        flush();
        // the row is locked: a second undo of the same import, from another instance, waits and then finds it taken back
        if (handle.createQuery("SELECT id FROM import_log WHERE id = ? AND undone_at IS NULL AND undoable = TRUE FOR UPDATE")
                .bind(0, importId).mapTo(Long.class).findOne().isEmpty()) {
            throw new dev.nrrbot.revenue.UndoRefused("Import #" + importId + " was taken back a moment ago, by another"
                    + " command; status shows what is loaded now.");
        }
        Journal.undo(handle, importId, by, now);
    }

    /** See {@link dev.nrrbot.revenue.RevenueStore#reset}. */
    void reset(String by) {
        flush();
        Journal.reset(handle, by, now);
    }

    /** Before this transaction first writes {@code table}: keeps the table as it was, for an undo. */
    void image(String table) {
        if (journal >= 0 && imaged.add(table)) {
            flush();
            Journal.keepTable(handle, journal, table);
        }
    }

    long journal() {
        return journal;
    }

    Handle handle() {
        return handle;
    }

    @Override
    public dev.nrrbot.signals.SignalWriter signals() {
        if (signals == null) {
            signals = new SignalBatchWriter(this);
        }
        return signals;
    }

    @Override
    public void setMovementReason(String accountId, YearMonth month, String code, String note, String setBy) {
        fits(note, ColumnSizes.NOTE, "a note");
        handle.execute("DELETE FROM movement_reason WHERE account_id = ? AND movement_month = ?", accountId, month.atDay(1));
        handle.execute("INSERT INTO movement_reason (account_id, movement_month, reason_code, note, set_by, set_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", accountId, month.atDay(1), code, note, setBy, now);
        handle.execute("UPDATE reason_request SET answered_at = ? WHERE account_id = ? AND movement_month = ?",
                now, accountId, month.atDay(1));
    }

    @Override
    public void close() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing after commit or rollback; nothing left to lose
            }
        }
    }
}
