package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.platform.db.Database;
import dev.nrrbot.platform.db.TestDatabase;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import dev.nrrbot.serve.BlockText;
import dev.nrrbot.serve.RunningBot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A churn-events export through the real app: each movement in /nrr account shows its winning record's reason and note. */
class ReasonNotesInSlackTest {

    @TempDir
    Path dir;

    @AutoClose
    TestDatabase database = TestDatabase.memory();

    @Test
    void accountMovementsShowTheReasonAndTheNoteOfTheRecordThatWins() throws Exception {
        try (Database db = database.open()) {
            Importer importer = new Importer(new JdbiRevenueStore(db, Clock.systemUTC()));
            importer.run(ImportKind.MRR, file("ledger.csv", """
                    account_id,month,mrr
                    tern-co,2026-07,500
                    tern-co,2026-08,500
                    tern-co,2026-09,300
                    tern-co,2026-10,0
                    """), ImportOptions.DEFAULTS, null);
            importer.run(ImportKind.REASONS, file("churn_events.csv", """
                    churn_event_id,account_id,churn_date,reason_code,refund_amount_usd,feedback_text
                    C-1,tern-co,2026-09-03,pricing,0.0,too expensive
                    C-2,tern-co,2026-09-03,pricing,61.1,"switched to competitor <!channel>"
                    C-3,tern-co,2026-10-01,budget,0.0,
                    """), ImportOptions.DEFAULTS, null);
        }

        try (RunningBot bot = RunningBot.start(dir, database)) {
            String answer = BlockText.of(bot.ask(RunningBot.ADMIN, "account tern-co"));

            // of the two records of 2026-09-03 the one imported last wins; the note is escaped like any text from data
            assertThat(answer).contains("`2026-09`  contraction -200 · pricing (finance) — switched to competitor &lt;!channel&gt;")
                    .contains("`2026-10`  churn -300 · budget_cut (external)")
                    .doesNotContain("too expensive");
        }
    }

    private Path file(String name, String content) throws java.io.IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
