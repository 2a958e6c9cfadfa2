package dev.nrrbot.signals.db;

import dev.nrrbot.platform.db.Database;
import dev.nrrbot.platform.db.StoreException;
import dev.nrrbot.signals.AccountEvent;
import dev.nrrbot.signals.Invoice;
import dev.nrrbot.signals.SignalBook;
import dev.nrrbot.signals.SignalStore;
import dev.nrrbot.signals.Survey;
import dev.nrrbot.signals.Ticket;
import dev.nrrbot.signals.UsageEntries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the signal tables (migrations/V14__signals.sql) into a {@link SignalBook}, row by row from a
 * streaming cursor: usage, a record per day, is decoded straight into the book's arrays, never into a
 * list first.
 * The writes are the import's (revenue/db/SignalBatchWriter, in the revenue transaction).
 */
public final class JdbiSignalStore implements SignalStore {

    /** Rows per round trip; on PostgreSQL a fetch size inside a transaction makes the cursor stream. */
    private static final int FETCH = 10_000;

    private final Jdbi jdbi;

    public JdbiSignalStore(Database db) {
        this(db.jdbi());
    }

    public JdbiSignalStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void stream(Connection c, String sql, RowReader each) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.read(rs);
                }
            }
        }
    }

    @Override
    public SignalBook load() {
        SignalBook.Builder b = SignalBook.builder();
        inTransaction(c -> {
            stream(c, "SELECT ticket_id, account_id, opened_on, closed_on, priority, first_response_minutes, satisfaction,"
                    + " escalated FROM signal_ticket", rs -> b.ticket(new Ticket(rs.getString(1), rs.getString(2),
                    rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), Ticket.Priority.valueOf(rs.getString(5)),
                    (Integer) rs.getObject(6, Integer.class), (Double) rs.getObject(7, Double.class), rs.getBoolean(8))));
            // a record per day (or per bucket of a day), in day order: each account's series is then built
            // without sorting
            stream(c, "SELECT usage_day, entries FROM signal_usage ORDER BY usage_day, bucket", rs -> {
                LocalDate day = rs.getObject(1, LocalDate.class);
                UsageEntries.decode(rs.getString(2), (account, feature, count, seconds, errors) ->
                        b.usage(account, day, feature, count, errors));
            });
            stream(c, "SELECT account_id, survey_day, score, scale, comment_text FROM signal_survey", rs -> b.survey(
                    new Survey(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3),
                            Survey.Scale.valueOf(rs.getString(4)), rs.getString(5))));
            stream(c, "SELECT invoice_id, account_id, due_on, paid_on, amount_cents, invoice_status FROM signal_invoice",
                    rs -> b.invoice(new Invoice(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class), rs.getLong(5), Invoice.Status.valueOf(rs.getString(6)))));
            stream(c, "SELECT account_id, event_day, event_type, note FROM signal_event", rs -> b.event(
                    new AccountEvent(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4))));
            return null;
        });
        return b.build();
    }

    @Override
    public List<Loaded> loaded() {
        return inTransaction(c -> {
            List<Loaded> out = new ArrayList<>();
            count(c, out, SignalBook.Kind.TICKETS, "SELECT COUNT(*), COUNT(DISTINCT account_id), MIN(opened_on), MAX(opened_on),"
                    + " SUM(CASE WHEN closed_on IS NULL THEN 1 ELSE 0 END), 0 FROM signal_ticket");
            usage(c, out);
            count(c, out, SignalBook.Kind.SURVEYS, "SELECT COUNT(*), COUNT(DISTINCT account_id), MIN(survey_day),"
                    + " MAX(survey_day), 0, 0 FROM signal_survey");
            count(c, out, SignalBook.Kind.INVOICES, "SELECT COUNT(*), COUNT(DISTINCT account_id), MIN(due_on), MAX(due_on),"
                    + " SUM(CASE WHEN invoice_status IN ('FAILED', 'OVERDUE') THEN 1 ELSE 0 END), 0 FROM signal_invoice");
            count(c, out, SignalBook.Kind.EVENTS, "SELECT COUNT(*), COUNT(DISTINCT account_id), MIN(event_day), MAX(event_day),"
                    + " 0, 0 FROM signal_event");
            return out;
        });
    }

    /** Entries and account-days from each record's counts; accounts and features from the text. */
    private static void usage(Connection c, List<Loaded> out) throws SQLException {
        long rows;
        long accountDays;
        LocalDate first;
        LocalDate last;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(entry_count), 0),"
                + " COALESCE(SUM(account_day_count), 0), MIN(usage_day), MAX(usage_day) FROM signal_usage");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            rows = rs.getLong(1);
            accountDays = rs.getLong(2);
            first = rs.getObject(3, LocalDate.class);
            last = rs.getObject(4, LocalDate.class);
        }
        if (rows == 0) {
            return;
        }
        Set<String> accounts = new HashSet<>();
        Set<String> features = new HashSet<>();
        stream(c, "SELECT entries FROM signal_usage", rs -> UsageEntries.decode(rs.getString(1),
                (account, feature, count, seconds, errors) -> {
                    accounts.add(account);
                    features.add(feature);
                }));
        out.add(new Loaded(SignalBook.Kind.USAGE, rows, accounts.size(), first, last, accountDays, features.size()));
    }

    private static void count(Connection c, List<Loaded> out, SignalBook.Kind kind, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
                out.add(new Loaded(kind, rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getLong(6)));
            }
        }
    }

    private interface JdbcWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** One transaction: a book never mixes two imports, and PostgreSQL streams only inside one. */
    private <T> T inTransaction(JdbcWork<T> work) {
        try {
            return jdbi.inTransaction(h -> work.run(h.getConnection()));
        } catch (SQLException e) {
            throw new StoreException("could not read the database: " + e.getMessage(), e);
        }
    }
}
