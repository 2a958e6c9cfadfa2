package dev.nrrbot.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Copies everything from one nrr-bot database into another, empty one (an embedded H2 file into
 * PostgreSQL, say): every table in dependency order, in one transaction on the target.
 */
public final class DatabaseCopy {

    /** Every table, parents before children. */
    static final List<String> TABLES = List.of("reason_code", "reason_alias", "account", "account_attribute", "covered_month",
            "mrr_ledger", "subscription", "reason_record", "movement_reason", "import_log", "data_version", "slack_role",
            "function_owner", "risk_flag", "flag_event", "outbox", "app_setting", "reason_request",
            "slack_user_email", "readout_schedule", "readout_run", "comp_setting", "comp_setting_history", "slack_request", "function_member",
            "undo_table", "undo_account", "undo_attribute", "undo_subscription", "undo_reason_record", "undo_month",
            "undo_ledger", "undo_reason_code", "taxonomy_change", "signal_ticket", "signal_usage", "signal_survey",
            "signal_invoice", "signal_event", "undo_signal_ticket", "undo_signal_survey", "undo_signal_invoice",
            "undo_signal_event", "undo_usage_day", "undo_signal_usage", "setting_change", "auto_flag");
    /** Tables whose id the database generates: after the copy, new ids must start above the copied ones. */
    static final List<String> IDENTITIES = List.of("import_log", "risk_flag", "flag_event", "outbox", "readout_schedule",
            "comp_setting_history", "taxonomy_change", "setting_change", "auto_flag");

    private DatabaseCopy() {
    }

    /** Rows copied, by table. */
    public static Map<String, Integer> copy(Database from, Database to) {
        Map<String, Integer> copied = new LinkedHashMap<>();
        try (Handle source = from.jdbi().open(); Handle target = to.jdbi().open()) {
            Connection src = source.getConnection();
            Connection dst = target.getConnection();
            requireEmpty(dst);
            dst.setAutoCommit(false);
            try {
                try (Statement s = dst.createStatement()) {
                    s.execute("DELETE FROM data_version"); // the migration's initial row; the source's replaces it
                }
                for (String table : TABLES) {
                    copied.put(table, copyTable(src, dst, table));
                }
                for (String table : IDENTITIES) {
                    restartIdentity(dst, table, to.isPostgres());
                }
                dst.commit();
            } catch (SQLException | RuntimeException e) {
                dst.rollback();
                throw e;
            } finally {
                dst.setAutoCommit(true); // the connection goes back to the pool
            }
        } catch (SQLException e) {
            throw new StoreException("the copy failed and nothing was written to the target: " + e.getMessage(), e);
        }
        return copied;
    }

    private static void requireEmpty(Connection dst) throws SQLException {
        for (String table : List.of("account", "mrr_ledger", "reason_code", "risk_flag", "outbox", "import_log")) {
            try (Statement s = dst.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new StoreException("the target database is not empty (" + table + " has rows): copy into a new, empty"
                            + " database so nothing is mixed or overwritten");
                }
            }
        }
    }

    private static int copyTable(Connection src, Connection dst, String table) throws SQLException {
        int rows = 0;
        try (Statement s = src.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement insert = dst.prepareStatement(sql)) {
                long chars = 0;
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        Object v = value(rs, md, i);
                        if (v instanceof String text) {
                            chars += text.length();
                        }
                        insert.setObject(i, v);
                    }
                    insert.addBatch();
                    // by rows, or by size: a usage record holds a whole day (up to 250,000 characters)
                    if (++rows % 5_000 == 0 || chars > 4_000_000) {
                        insert.executeBatch();
                        chars = 0;
                    }
                }
                insert.executeBatch();
            }
        }
        return rows;
    }

    /** Dates and timestamps travel as java.time values, which both drivers map exactly. */
    private static Object value(ResultSet rs, ResultSetMetaData md, int i) throws SQLException {
        return switch (md.getColumnType(i)) {
            case java.sql.Types.DATE -> rs.getObject(i, java.time.LocalDate.class);
            case java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.TIMESTAMP -> rs.getObject(i, java.time.OffsetDateTime.class);
            default -> rs.getObject(i);
        };
    }

    private static void restartIdentity(Connection dst, String table, boolean postgres) throws SQLException {
        long next;
        try (Statement s = dst.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            next = rs.getLong(1);
        }
        // the one statement the two databases spell differently
        String sql = postgres ? "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)"
                : "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next;
        try (Statement s = dst.createStatement()) {
            s.execute(sql);
        }
    }
}
