package dev.nrrbot.serve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.platform.db.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first-day path on the command line: the demo, then your own data, seeing and taking back what is loaded. */
class FirstDayTest {

    @TempDir
    Path dir;

    @Test
    void afterTheDemoYourOwnDataStartsFreshAndCanBeTakenBack() throws IOException {
        try (TestDatabase database = TestDatabase.file(dir.resolve("nrr"))) {
            String db = database.url();
            assertThat(CliRun.of("demo", "--db", db, "--dir", dir.resolve("demo").toString()).exit()).isZero();
            Path mine = Files.writeString(dir.resolve("ledger.csv"),
                    "account_id,month,mrr\nA,2026-09,100\nB,2026-09,50\nA,2026-10,120\nB,2026-10,50\n");

            CliRun mixed = CliRun.of("import", "--db", db, "mrr", mine.toString());
            assertThat(mixed.exit()).isEqualTo(1);
            assertThat(mixed.err()).contains("holds the demo company", "would mix with it", "reset --yes", "--db");

            CliRun status = CliRun.of("status", "--db", db);
            assertThat(status.exit()).isZero();
            assertThat(status.out()).contains("accounts       1,200", "2023-11 to 2026-10 (36 months)", "demo-mrr.csv",
                    "currency       USD", "tickets        15,169", "usage          219,401 rows", "Take back the latest: bin/nrr-bot undo (import #8)");

            CliRun dry = CliRun.of("reset", "--db", db);
            assertThat(dry.out()).contains("would remove the data of 8 imports", "Nothing was changed", "reset --yes");
            assertThat(CliRun.of("status", "--db", db).out()).contains("accounts       1,200");

            CliRun reset = CliRun.of("reset", "--db", db, "--yes");
            assertThat(reset.exit()).isZero();
            assertThat(reset.out()).contains("Removed the data of 8 imports");

            CliRun imported = CliRun.of("import", "--db", db, "mrr", mine.toString());
            assertThat(imported.exit()).as(imported.err()).isZero();
            assertThat(CliRun.of("status", "--db", db).out()).contains("accounts       2 ", "2026-09 to 2026-10 (2 months)",
                    "mrr           ledger.csv, 4 rows", "(taken back: reset by cli:");

            CliRun undo = CliRun.of("undo", "--db", db);
            assertThat(undo.exit()).isZero();
            assertThat(undo.out()).contains("Took back import #9 mrr ledger.csv (4 rows)", "Nothing is loaded now.");
            assertThat(CliRun.of("status", "--db", db).out()).startsWith("Nothing is loaded yet.");

            CliRun again = CliRun.of("undo", "--db", db, "#2");
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.err()).contains("Import #2 was already taken back");
            CliRun banana = CliRun.of("undo", "--db", db, "banana");
            assertThat(banana.exit()).isEqualTo(2);
            assertThat(banana.err()).contains("'banana' is not an import number");
        }
    }
}
