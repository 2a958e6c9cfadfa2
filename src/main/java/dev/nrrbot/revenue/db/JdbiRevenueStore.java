package dev.nrrbot.revenue.db;

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

/** The one implementation of {@link RevenueStore}: Jdbi for transactions, plain JDBC batches for bulk rows. */
public final class JdbiRevenueStore implements RevenueStore {

    private final Jdbi jdbi;
    private final java.time.Clock clock;

    /** @param clock stamps every row it writes (import times, reason changes) */
    public JdbiRevenueStore(Database db, java.time.Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
        seedTaxonomy();
    }

    /** A new database gets the default taxonomy; a team's changes are never overwritten. */
    private void seedTaxonomy() {
        Integer codes = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reason_code").mapTo(Integer.class).one());
        if (codes == 0) {
            write(w -> {
                ReasonTaxonomy.defaults().codes().forEach(w::addReasonCode);
                return null;
            });
        }
    }

    @Override
    public ReasonTaxonomy taxonomy() {
        return inJdbc(c -> readTaxonomy(c));
    }

    static ReasonTaxonomy readTaxonomy(Connection c) throws SQLException {
        Map<String, List<String>> aliases = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT alias, code FROM reason_alias ORDER BY alias");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                aliases.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
            }
        }
        List<ReasonCode> codes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, function_code, polarity, label FROM reason_code ORDER BY code");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String code = rs.getString(1);
                BusinessFunction f = rs.getString(2) == null ? null : BusinessFunction.parse(rs.getString(2)).orElse(null);
                codes.add(new ReasonCode(code, f, ReasonCode.Polarity.valueOf(rs.getString(3)), rs.getString(4),
                        aliases.getOrDefault(code, List.of())));
            }
        }
        return new ReasonTaxonomy(codes);
    }

    @Override
    public Portfolio loadPortfolio() {
        return inJdbc(c -> {
            ReasonTaxonomy taxonomy = readTaxonomy(c);
            List<Account> accounts = readAccounts(c);
            Ledger ledger = readLedger(c);
            List<ReasonRecord> records = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT account_id, event_date, reason_code, note, seq, record_key FROM reason_record");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(new ReasonRecord(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getString(6)));
                }
            }
            List<ReasonOverride> overrides = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT account_id, movement_month, reason_code, note FROM movement_reason");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    overrides.add(new ReasonOverride(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class)),
                            rs.getString(3), rs.getString(4)));
                }
            }
            return Portfolio.of(ledger, accounts, taxonomy, records, overrides);
        });
    }

    private interface JdbcWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Reads in one transaction, so a snapshot never mixes two imports. */
    private <T> T inJdbc(JdbcWork<T> work) {
        try {
            return jdbi.inTransaction(h -> work.run(h.getConnection()));
        } catch (SQLException e) {
            throw new StoreException("could not read the database: " + e.getMessage(), e);
        }
    }

    private static List<Account> readAccounts(Connection c) throws SQLException {
        Map<String, Map<String, String>> attributes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT account_id, attr_name, attr_value FROM account_attribute");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                attributes.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        List<Account> accounts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT account_id, name, csm_email, renewal_date FROM account ORDER BY account_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                accounts.add(new Account(id, rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        attributes.getOrDefault(id, Map.of())));
            }
        }
        return accounts;
    }

    private static Ledger readLedger(Connection c) throws SQLException {
        List<YearMonth> covered = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ledger_month FROM covered_month ORDER BY ledger_month");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                covered.add(YearMonth.from(rs.getObject(1, LocalDate.class)));
            }
        }
        if (covered.isEmpty()) {
            return Ledger.empty();
        }
        Ledger.Builder b = Ledger.builder(covered.get(0), covered.get(covered.size() - 1));
        covered.forEach(b::covered);
        Map<LocalDate, YearMonth> months = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT account_id, ledger_month, mrr_cents FROM mrr_ledger ORDER BY account_id, ledger_month")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    YearMonth m = months.computeIfAbsent(rs.getObject(2, LocalDate.class), YearMonth::from);
                    b.mrr(rs.getString(1), m, rs.getLong(3));
                }
            }
        }
        return b.build();
    }

    @Override
    public long dataVersion() {
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM data_version WHERE id = 1").mapTo(Long.class).one());
    }

    @Override
    public List<String> importedFiles() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT file_name FROM import_log WHERE undone_at IS NULL ORDER BY file_name")
                .mapTo(String.class).list());
    }

    @Override
    public long importedRows() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(row_count), 0) FROM import_log").mapTo(Long.class).one());
    }

    @Override
    public List<dev.nrrbot.revenue.TaxonomyChange> taxonomyHistory() {
        return jdbi.withHandle(h -> h.createQuery("SELECT change_kind, code, detail, changed_by, changed_at FROM taxonomy_change"
                        + " ORDER BY id")
                .map((rs, ctx) -> new dev.nrrbot.revenue.TaxonomyChange(
                        dev.nrrbot.revenue.TaxonomyChange.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list());
    }

    @Override
    public Optional<Instant> lastImport() {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(imported_at) FROM import_log")
                .mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant));
    }

    @Override
    public List<dev.nrrbot.revenue.ImportRecord> imports() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, kind, file_name, row_count, imported_by, imported_at,"
                        + " first_month, last_month, undoable, undone_at, undone_by FROM import_log ORDER BY id DESC")
                .map((rs, ctx) -> new dev.nrrbot.revenue.ImportRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                        month(rs.getObject(7, LocalDate.class)), month(rs.getObject(8, LocalDate.class)), rs.getBoolean(9),
                        rs.getObject(10, OffsetDateTime.class) == null ? null : rs.getObject(10, OffsetDateTime.class).toInstant(),
                        rs.getString(11)))
                .list());
    }

    private static YearMonth month(LocalDate d) {
        return d == null ? null : YearMonth.from(d);
    }

    @Override
    public List<dev.nrrbot.revenue.SubscriptionSpan> subscriptions() {
        return jdbi.withHandle(h -> h.createQuery("SELECT subscription_id, account_id, start_date, end_date, mrr_cents"
                        + " FROM subscription ORDER BY account_id, start_date, subscription_id")
                .map((rs, ctx) -> new dev.nrrbot.revenue.SubscriptionSpan(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getLong(5)))
                .list());
    }

    @Override
    public dev.nrrbot.revenue.ImportRecord undo(Long importId, String by) {
        List<dev.nrrbot.revenue.ImportRecord> all = imports();
        dev.nrrbot.revenue.ImportRecord latest = all.stream().filter(dev.nrrbot.revenue.ImportRecord::applied)
                .findFirst().orElse(null);
        dev.nrrbot.revenue.ImportRecord target;
        if (importId == null) {
            if (latest == null) {
                throw new dev.nrrbot.revenue.UndoRefused("There is no import to take back: nothing is loaded.");
            }
            target = latest;
        } else {
            target = all.stream().filter(r -> r.id() == importId).findFirst().orElseThrow(() ->
                    new dev.nrrbot.revenue.UndoRefused("There is no import #" + importId + "; status lists the imports."));
            if (!target.applied()) {
                throw new dev.nrrbot.revenue.UndoRefused("Import #" + importId + " was already taken back ("
                        + target.undoneBy() + ").");
            }
            if (target.id() != latest.id()) {
                List<String> later = all.stream().filter(r -> r.applied() && r.id() > importId)
                        .map(dev.nrrbot.revenue.ImportRecord::label).toList();
                throw new dev.nrrbot.revenue.UndoRefused("Imports are taken back newest first: " + String.join(", ", later)
                        + (later.size() == 1 ? " came" : " came") + " after #" + importId + "; undo "
                        + (later.size() == 1 ? "it" : "them") + " first.");
            }
        }
        if (!target.undoable()) {
            throw new dev.nrrbot.revenue.UndoRefused("Import " + target.label() + " is too old to take back: only the latest "
                    + Journal.DEPTH + " imports keep what they replaced. Start over with reset and import your files again.");
        }
        long id = target.id();
        write(w -> {
            ((LedgerBatchWriter) w).undo(id, by);
            return null;
        });
        return target;
    }

    @Override
    public int reset(String by) {
        int applied = (int) imports().stream().filter(dev.nrrbot.revenue.ImportRecord::applied).count();
        write(w -> {
            ((LedgerBatchWriter) w).reset(by);
            return null;
        });
        return applied;
    }

    @Override
    public <T> T write(Function<RevenueWriter, T> work) {
        return jdbi.inTransaction(h -> {
            try (LedgerBatchWriter w = new LedgerBatchWriter(h, now())) {
                T result = work.apply(w);
                w.flush();
                h.execute("UPDATE data_version SET version = version + 1, changed_at = ? WHERE id = 1", now());
                return result;
            }
        });
    }

    @Override
    public dev.nrrbot.signals.SignalStore signals() {
        return new dev.nrrbot.signals.db.JdbiSignalStore(jdbi);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
