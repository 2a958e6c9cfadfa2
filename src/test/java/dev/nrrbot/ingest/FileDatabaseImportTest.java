package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 file database the bot uses by default: what an import commits is there after reopening.
 * Stays on H2 in every run of the suite (not {@link dev.nrrbot.platform.db.TestDatabase}): it is about H2's file
 * format and reopening it from disk; the PostgreSQL run covers the same imports elsewhere.
 */
class FileDatabaseImportTest {

    @TempDir
    Path dir;

    private Database open() {
        return Database.open("jdbc:h2:file:" + dir.resolve("db").resolve("nrr"));
    }

    @Test
    void committedImportsSurviveReopeningAndRejectedOnesLeaveNoTrace() throws IOException {
        Path good = Files.writeString(dir.resolve("ledger.csv"), """
                account_id,month,mrr
                hazel-co,2025-01,300
                hazel-co,2025-02,330
                """);
        Path bad = Files.writeString(dir.resolve("ledger-bad.csv"), """
                account_id,month,mrr
                hazel-co,2025-02,0
                hazel-co,2025-03,three hundred
                """);

        long version;
        try (Database db = open()) { // closing the last connection closes the embedded database
            JdbiRevenueStore first = new JdbiRevenueStore(db, java.time.Clock.systemUTC());
            new Importer(first).run(ImportKind.MRR, good, ImportOptions.DEFAULTS, null);
            version = first.dataVersion();
            assertThatThrownBy(() -> new Importer(first).run(ImportKind.MRR, bad, ImportOptions.DEFAULTS, null))
                    .isInstanceOf(ImportRejected.class);
        }

        try (Database db = open()) {
            JdbiRevenueStore reopened = new JdbiRevenueStore(db, java.time.Clock.systemUTC());
            assertThat(reopened.dataVersion()).isEqualTo(version);
            assertThat(reopened.loadPortfolio().ledger().coveredMonths())
                    .containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2));
            assertThat(reopened.loadPortfolio().ledger().mrr("hazel-co", YearMonth.of(2025, 2))).isEqualTo(33_000);
            assertThat(reopened.taxonomy().codes()).hasSize(21); // seeded once, not again on reopening
        }
    }
}
