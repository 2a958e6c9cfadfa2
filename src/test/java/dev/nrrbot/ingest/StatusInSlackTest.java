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

/** /nrr status through the real app: admins see what is loaded and the warnings; anyone else one sentence. */
class StatusInSlackTest {

    @TempDir
    Path dir;

    @AutoClose
    TestDatabase database = TestDatabase.memory();

    @Test
    void anAdminSeesTheImportsAndTheWarningsAndAViewerIsRefused() throws Exception {
        try (Database db = database.open()) {
            Importer importer = new Importer(new JdbiRevenueStore(db, Clock.systemUTC()), "cli:dana");
            importer.run(ImportKind.SUBSCRIPTIONS, Files.writeString(dir.resolve("subscriptions.csv"), """
                    subscription_id,account_id,start_date,end_date,mrr
                    S1,tern-co,2026-01-01,2026-06-01,100
                    S2,gull-co,2026-01-01,2026-06-01,80
                    """, StandardCharsets.UTF_8), ImportOptions.DEFAULTS, null);
        }

        try (RunningBot bot = RunningBot.start(dir, database)) {
            String answer = BlockText.of(bot.ask(RunningBot.ADMIN, "status"));
            assertThat(answer).contains("What is loaded", "2026-01 to 2026-06 (6 months)", "subscriptions.csv", "by cli:dana",
                    "Every account has MRR 0 in 2026-06");

            String refused = BlockText.of(bot.ask("U0VIEWER", "status"));
            assertThat(refused).contains("is for admins").doesNotContain("subscriptions.csv");
        }
    }
}
