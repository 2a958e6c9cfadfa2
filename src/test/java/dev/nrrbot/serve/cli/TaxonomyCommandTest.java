package dev.nrrbot.serve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.platform.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nrr-bot taxonomy add|alias|move|history}: from an import's advice to a moved number, as a person types it. */
class TaxonomyCommandTest {

    @TempDir
    Path dir;
    @AutoClose
    TestDatabase database = TestDatabase.memory();

    @Test
    void anImportsAdviceMapsTheUnknownCodeAndTheChangeIsLogged() throws Exception {
        String db = database.url();
        StringBuilder ledger = new StringBuilder("account_id,month,mrr\n");
        for (int m = 1; m <= 6; m++) {
            ledger.append("tern-co,2025-0").append(m).append(',').append(m < 4 ? "500" : "0").append('\n');
            ledger.append("zephyr-ab,2025-0").append(m).append(",900\n");
        }
        assertThat(CliRun.of("import", "mrr", Files.writeString(dir.resolve("ledger.csv"), ledger).toString(), "--db", db).exit())
                .isZero();
        Path reasons = Files.writeString(dir.resolve("reasons.csv"), "account_id,date,reason\ntern-co,2025-04-02,Pricing Complaint\n");

        CliRun refused = CliRun.of("import", "reasons", reasons.toString(), "--db", db);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("'pricing_complaint' is not a known code; closest: pricing. Map it: bin/nrr-bot taxonomy"
                + " alias pricing_complaint pricing   or add it: bin/nrr-bot taxonomy add pricing_complaint finance");

        CliRun added = CliRun.of("taxonomy", "add", "pricing_complaint", "unattributed", "Pricing complaint", "--db", db);
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("pricing_complaint is now a reason code of Unattributed");
        assertThat(CliRun.of("import", "reasons", reasons.toString(), "--db", db).exit()).isZero();

        CliRun moved = CliRun.of("taxonomy", "move", "pricing_complaint", "finance", "--db", db);
        assertThat(moved.exit()).as(moved.err()).isZero();
        assertThat(moved.out()).isEqualToIgnoringNewLines("pricing_complaint now counts for Finance: 1 churn, 500 MRR of the"
                + " last 12 months move from Unattributed to Finance.");
        CliRun report = CliRun.of("report", "--window", "2025-01..2025-06", "--format", "json", "--db", db);
        com.google.gson.JsonArray contributions = com.google.gson.JsonParser.parseString(report.out()).getAsJsonObject()
                .getAsJsonArray("contributions");
        assertThat(contributions.asList()).as(report.out()).anySatisfy(c -> {
            assertThat(c.getAsJsonObject().get("function").getAsString()).isEqualTo("finance");
            assertThat(c.getAsJsonObject().get("amount").getAsBigDecimal()).isEqualByComparingTo("-500");
        });

        CliRun aliased = CliRun.of("taxonomy", "alias", "price_complaint", "pricing_complaint", "--db", db);
        assertThat(aliased.out()).startsWith("Imports now read price_complaint as pricing_complaint (Finance).");
        assertThat(CliRun.of("taxonomy", "--db", db).out())
                .containsPattern("pricing_complaint\\s+reason\\s+finance\\s+price_complaint");

        CliRun history = CliRun.of("taxonomy", "history", "--db", db);
        String who = "cli:" + System.getProperty("user.name");
        assertThat(history.out().lines().toList()).hasSize(3).allMatch(l -> l.contains(who));
        assertThat(history.out()).containsPattern("move\\s+pricing_complaint\\s+from unattributed to finance");
    }

    @Test
    void aRefusedChangeExitsOneWithASentenceSayingWhatToDo() {
        String db = database.url();
        CliRun unknownFunction = CliRun.of("taxonomy", "move", "pricing", "treasury", "--db", db);
        assertThat(unknownFunction.exit()).isEqualTo(1);
        assertThat(unknownFunction.err()).startsWith("nrr-bot: 'treasury' is not a function. Use one of: product, engineering");
        CliRun existing = CliRun.of("taxonomy", "add", "Pricing", "finance", "--db", db);
        assertThat(existing.exit()).isEqualTo(1);
        assertThat(existing.err()).contains("use taxonomy move pricing FUNCTION.");
        assertThat(CliRun.of("taxonomy", "history", "--db", db).out()).contains("No change has been made");
        assertThat(CliRun.of("taxonomy", "add", "--help").out()).contains("--driver").contains("Makes it a driver");
    }
}
