package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.nrrbot.metrics.Movement;
import dev.nrrbot.metrics.MovementKind;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import dev.nrrbot.platform.db.TestDatabase;
import dev.nrrbot.signals.UsageEntries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh database (in-memory H2, or a schema of its own on PostgreSQL: see {@link TestDatabase}),
 * migrated by Flyway and seeded with the default taxonomy, for every test, CSV fixtures written to a temporary folder, and ways to look at what the database holds.
 */
abstract class ImportTestSupport {

    /** Every table an import may touch, read without timestamps and sequence numbers. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("account", "SELECT account_id, name, csm_email, renewal_date FROM account ORDER BY account_id");
        TABLES.put("account_attribute",
                "SELECT account_id, attr_name, attr_value FROM account_attribute ORDER BY account_id, attr_name");
        TABLES.put("covered_month", "SELECT ledger_month, source FROM covered_month ORDER BY ledger_month");
        TABLES.put("mrr_ledger",
                "SELECT ledger_month, account_id, mrr_cents FROM mrr_ledger ORDER BY ledger_month, account_id");
        TABLES.put("subscription", "SELECT subscription_id, account_id, start_date, end_date, mrr_cents"
                + " FROM subscription ORDER BY subscription_id");
        TABLES.put("reason_code", "SELECT code, function_code, polarity, label FROM reason_code ORDER BY code");
        TABLES.put("reason_alias", "SELECT alias, code FROM reason_alias ORDER BY alias");
        TABLES.put("reason_record", "SELECT account_id, event_date, reason_code, note FROM reason_record"
                + " ORDER BY account_id, event_date, reason_code, record_key");
        TABLES.put("movement_reason", "SELECT account_id, movement_month, reason_code FROM movement_reason"
                + " ORDER BY account_id, movement_month");
        TABLES.put("signal_ticket", "SELECT ticket_id, account_id, opened_on, closed_on, priority, first_response_minutes,"
                + " satisfaction, escalated FROM signal_ticket ORDER BY ticket_id");
        TABLES.put("signal_survey", "SELECT survey_key, response_id, account_id, survey_day, score, scale, comment_text"
                + " FROM signal_survey ORDER BY survey_key");
        TABLES.put("signal_invoice", "SELECT invoice_id, account_id, due_on, paid_on, amount_cents, invoice_status"
                + " FROM signal_invoice ORDER BY invoice_id");
        TABLES.put("signal_event", "SELECT event_key, account_id, event_day, event_type, note FROM signal_event"
                + " ORDER BY event_key");
    }

    @TempDir
    Path dir;

    Database db;
    JdbiRevenueStore store;
    Importer importer;

    /** Dropped after each test (the in-memory H2 database shut down, the PostgreSQL schema dropped). */
    @AutoClose
    TestDatabase database;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.memory();
        db = database.open();
        store = new JdbiRevenueStore(db, java.time.Clock.systemUTC());
        importer = new Importer(store);
    }

    Path csv(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImportSummary load(ImportKind kind, Path file) {
        return importer.run(kind, file, ImportOptions.DEFAULTS, null);
    }

    ImportSummary load(ImportKind kind, Path file, ImportOptions options) {
        return importer.run(kind, file, options, null);
    }

    ImportRejected rejected(ImportKind kind, Path file) {
        return rejected(kind, file, ImportOptions.DEFAULTS);
    }

    ImportRejected rejected(ImportKind kind, Path file, ImportOptions options) {
        try {
            ImportSummary s = importer.run(kind, file, options, null);
            return fail("expected " + file.getFileName() + " to be rejected, but it was imported: " + s.lines());
        } catch (ImportRejected e) {
            return e;
        }
    }

    /** Everything the database holds, with the data version and the import log size. */
    record Snapshot(long dataVersion, long imports, Map<String, List<String>> tables) {
    }

    Snapshot snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        db.jdbi().useHandle(h -> TABLES.forEach((table, sql) -> tables.put(table, h.createQuery(sql).map((rs, ctx) -> {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                cells.add(String.valueOf(rs.getObject(i)));
            }
            return String.join("|", cells);
        }).list())));
        tables.put("signal_usage", usageEntries());
        long imports = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM import_log").mapTo(Long.class).one());
        return new Snapshot(store.dataVersion(), imports, tables);
    }

    /**
     * signal_usage's entries (a record per day), one line each as account|day|feature|count|duration|errors,
     * in account, day and feature order.
     */
    List<String> usageEntries() {
        List<String> out = new ArrayList<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT usage_day, entries FROM signal_usage ORDER BY usage_day, bucket")
                .map((rs, ctx) -> {
                    String day = String.valueOf(rs.getObject(1));
                    UsageEntries.decode(rs.getString(2), (account, feature, count, seconds, errors) ->
                            out.add(String.join("|", account, day, feature, String.valueOf(count), String.valueOf(seconds),
                                    String.valueOf(errors))));
                    return day;
                }).list());
        out.sort(java.util.Comparator.comparing((String l) -> l.split("\\|")[0])
                .thenComparing(l -> l.split("\\|")[1]).thenComparing(l -> l.split("\\|")[2]));
        return out;
    }

    /** A rejected import leaves every table, the data version and the import log as they were. */
    void assertNothingWritten(Snapshot before) {
        Snapshot after = snapshot();
        assertThat(after.dataVersion()).as("data version").isEqualTo(before.dataVersion());
        assertThat(after.imports()).as("import log").isEqualTo(before.imports());
        assertThat(after.tables()).isEqualTo(before.tables());
    }

    long rowsIn(String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** MRR in cents of one account at the end of one month, as the engine reads it. */
    long mrr(String account, String month) {
        return store.loadPortfolio().ledger().mrr(account, YearMonth.parse(month));
    }

    /** Each account's MRR for each given month, in cents, as the engine reads it. */
    Map<String, List<Long>> ledger(List<String> accounts, String from, String to) {
        Portfolio p = store.loadPortfolio();
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (String a : accounts) {
            List<Long> values = new ArrayList<>();
            for (YearMonth m = YearMonth.parse(from); !m.isAfter(YearMonth.parse(to)); m = m.plusMonths(1)) {
                values.add(p.ledger().mrr(a, m));
            }
            out.put(a, values);
        }
        return out;
    }

    /** Every movement as "account month kind cents reason". */
    List<String> movements() {
        Portfolio p = store.loadPortfolio();
        List<String> out = new ArrayList<>();
        for (int a = 0; a < p.ledger().accountCount(); a++) {
            for (Movement m : p.movements(a)) {
                out.add(p.ledger().accountId(a) + " " + m.month() + " " + m.kind().code() + " " + m.cents()
                        + (m.reason() == null ? "" : " " + m.reason().code()));
            }
        }
        return out;
    }

    Movement movement(String account, String month) {
        Portfolio p = store.loadPortfolio();
        int a = p.ledger().indexOf(account).orElseThrow();
        return p.movements(a).stream().filter(m -> m.month().equals(YearMonth.parse(month))).findFirst()
                .orElseThrow(() -> new AssertionError("no movement of " + account + " in " + month));
    }

    static Map<MovementKind, Integer> kinds(Object... kindThenCount) {
        Map<MovementKind, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < kindThenCount.length; i += 2) {
            out.put((MovementKind) kindThenCount[i], (Integer) kindThenCount[i + 1]);
        }
        return out;
    }
}
