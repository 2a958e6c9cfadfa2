package dev.nrrbot.revenue.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.platform.db.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V8 keeps the reason records written before it: each gets the identity the same file imported again
 * gives it, so re-importing that file after the upgrade changes nothing. On H2, and on PostgreSQL when
 * {@value TestDatabase#URL_VARIABLE} is set.
 */
class ReasonEventsMigrationTest {

    @AutoClose
    TestDatabase database = TestDatabase.memory();

    @TempDir
    Path dir;

    @Test
    void recordsKeptBeforeV8SurviveAndAreFoundAgainByTheirOldFile() throws Exception {
        Flyway.configure().dataSource(database.url(), null, null).locations("classpath:db/migration").target("7")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(database.url()); Statement st = c.createStatement()) {
            st.execute("INSERT INTO reason_code (code, function_code, polarity, label) VALUES ('pricing', 'finance',"
                    + " 'REASON', 'Pricing')");
            st.execute("INSERT INTO reason_record (account_id, event_date, reason_code, note, seq, imported_at) VALUES"
                    + " ('tern-co', DATE '2025-04-02', 'pricing', 'too expensive', 1, TIMESTAMP WITH TIME ZONE"
                    + " '2025-06-01 10:00:00+00'), ('ward-group', DATE '2025-05-10', 'pricing', NULL, 2,"
                    + " TIMESTAMP WITH TIME ZONE '2025-06-01 10:00:00+00')");
        }

        try (Database db = database.open()) {
            List<String> migrated = records(db);
            assertThat(migrated).containsExactly(
                    "row:tern-co|20250402|pricing|null|tern-co|2025-04-02|pricing|too expensive|1",
                    "row:ward-group|20250510|pricing|null|ward-group|2025-05-10|pricing|null|2");

            Path file = Files.writeString(dir.resolve("reasons.csv"), """
                    account_id,date,reason,note
                    tern-co,2025-04-02,pricing,too expensive
                    ward-group,2025-05-10,pricing,
                    """, StandardCharsets.UTF_8);
            new Importer(new JdbiRevenueStore(db, Clock.systemUTC())).run(ImportKind.REASONS, file, ImportOptions.DEFAULTS, null);

            assertThat(records(db)).isEqualTo(migrated);
        }
    }

    private static List<String> records(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT record_key, event_id, account_id, event_date, reason_code,"
                + " note, seq FROM reason_record ORDER BY record_key").map((rs, ctx) -> {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= 7; i++) {
                        row.append(i == 1 ? "" : "|").append(rs.getObject(i));
                    }
                    return row.toString();
                }).list());
    }
}
