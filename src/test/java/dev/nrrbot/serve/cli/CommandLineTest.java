package dev.nrrbot.serve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nrrbot.platform.db.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a person uses it, on the demo company in a real database (H2 file or PostgreSQL schema). */
class CommandLineTest {

    @TempDir
    static Path dir;

    @AutoClose
    static TestDatabase database;
    static String db;
    static CliRun demo;

    @BeforeAll
    static void loadDemo() {
        database = TestDatabase.file(dir.resolve("nrr"));
        db = database.url();
        demo = CliRun.of("demo", "--db", db, "--dir", dir.resolve("demo").toString());
    }

    @Test
    void demoImportsTheCompanyAndPrintsTheReportAndThePareto() {
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains("Imported demo-accounts.csv (accounts): 1200 rows, 1200 accounts.")
                .contains("Months covered: 2023-11 to 2026-10 (36 months).")
                .containsPattern("NRR \\d+\\.\\d%  \\(\\w[\\w ,]*\\)   T12M to 2026-10")
                .contains("Contribution by function")
                .contains("Why revenue left")
                .contains("onboarding_adoption")
                .contains("Vital few");
    }

    @Test
    void demoIsTheSameEveryTimeAndReimportingChangesNothing() {
        CliRun again = CliRun.of("demo", "--db", db, "--dir", dir.resolve("demo").toString());
        assertThat(again.exit()).isZero();
        assertThat(reportPart(again.out())).isEqualTo(reportPart(demo.out()));
    }

    private static String reportPart(String out) {
        return out.substring(out.indexOf("NRR "));
    }

    @Test
    void jsonReportHasThePublishedNamesAndContributionsAddUp() {
        CliRun run = CliRun.of("report", "--db", db, "--window", "2026-Q3", "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(o.keySet()).contains("window", "cohort_accounts", "start_mrr", "end_mrr", "nrr", "grr", "expansion",
                "contraction", "churn", "reactivation", "band", "contributions");
        assertThat(o.getAsJsonObject("window").get("start").getAsString()).isEqualTo("2026-06");
        assertThat(o.getAsJsonObject("window").get("end").getAsString()).isEqualTo("2026-09");
        BigDecimal start = o.get("start_mrr").getAsBigDecimal();
        BigDecimal end = o.get("end_mrr").getAsBigDecimal();
        assertThat(start.add(o.get("expansion").getAsBigDecimal()).add(o.get("reactivation").getAsBigDecimal())
                .subtract(o.get("contraction").getAsBigDecimal()).subtract(o.get("churn").getAsBigDecimal()))
                .isEqualByComparingTo(end);
        BigDecimal points = BigDecimal.ZERO;
        BigDecimal amounts = BigDecimal.ZERO;
        boolean unattributed = false;
        for (JsonElement e : o.getAsJsonArray("contributions")) {
            points = points.add(e.getAsJsonObject().get("points").getAsBigDecimal());
            amounts = amounts.add(e.getAsJsonObject().get("amount").getAsBigDecimal());
            unattributed |= e.getAsJsonObject().get("function").getAsString().equals("unattributed");
        }
        assertThat(unattributed).isTrue();
        assertThat(amounts).isEqualByComparingTo(end.subtract(start));
        BigDecimal nrrPercent = end.multiply(BigDecimal.valueOf(100)).divide(start, 1, java.math.RoundingMode.HALF_EVEN);
        assertThat(points).isEqualByComparingTo(nrrPercent.subtract(BigDecimal.valueOf(100)));
    }

    @Test
    void jsonReasonsHaveTheParetoFields() {
        CliRun run = CliRun.of("reasons", "--db", db, "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(o.keySet()).contains("window", "reasons", "unexplained_lost", "unmatched_reason_records", "vital_few", "tenure");
        JsonArray rows = o.getAsJsonArray("reasons");
        assertThat(rows.get(0).getAsJsonObject().keySet()).contains("reason", "function", "lost", "movements", "share", "cumulative");
        assertThat(rows.get(rows.size() - 1).getAsJsonObject().get("cumulative").getAsBigDecimal()).isEqualByComparingTo("1");
        assertThat(o.getAsJsonObject("tenure").keySet()).containsExactly("early", "mid", "mature");
        boolean hasUnexplained = false;
        for (JsonElement e : rows) {
            hasUnexplained |= e.getAsJsonObject().get("reason").getAsString().equals("unexplained");
        }
        assertThat(hasUnexplained).isTrue();
    }

    @Test
    void trendGivesOnePointPerMonth() {
        CliRun run = CliRun.of("trend", "--db", db, "--window", "2026-01..2026-10", "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonArray points = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("points");
        assertThat(points).hasSize(9);
        assertThat(points.get(0).getAsJsonObject().get("month").getAsString()).isEqualTo("2026-02");
        assertThat(CliRun.of("trend", "--db", db).out()).contains("2026-10").contains("T12M NRR by month");
    }

    @Test
    void aWindowWithoutDataExitsOneAndNamesTheMissingMonths() {
        CliRun run = CliRun.of("report", "--db", db, "--window", "2026");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("No NRR for 2026").contains("2026-11, 2026-12").contains("Data covers 2023-11 to 2026-10");
        CliRun json = CliRun.of("report", "--db", db, "--window", "2026", "--format", "json");
        assertThat(JsonParser.parseString(json.out()).getAsJsonObject().get("error").getAsString()).contains("2026-11");
    }

    @Test
    void badInputGetsWordsNotStackTraces() {
        CliRun window = CliRun.of("report", "--db", db, "--window", "next tuesday");
        assertThat(window.exit()).isEqualTo(1);
        assertThat(window.err()).contains("not understood").contains("2026-Q3").doesNotContain("Exception");
        CliRun segment = CliRun.of("report", "--db", db, "--segment", "tier=gold");
        assertThat(segment.exit()).isEqualTo(1);
        assertThat(segment.err()).contains("No account has the attribute 'tier'").contains("plan");
        CliRun value = CliRun.of("report", "--db", db, "--segment", "plan=Platinum");
        assertThat(value.err()).contains("Values of plan: Enterprise, Growth, Starter");
        CliRun kind = CliRun.of("import", "--db", db, "receipts", "x.csv");
        assertThat(kind.exit()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown KIND 'receipts': use accounts, mrr, subscriptions, reasons, tickets,"
                + " usage, surveys, invoices or events.");
        CliRun format = CliRun.of("import", "--db", db, "usage", "x.csv", "--date-format", "7/27/2023");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("--date-format '7/27/2023' is not a format I read: use YYYY-MM-DD, M/D/YYYY or D/M/YYYY");
        CliRun scale = CliRun.of("import", "--db", db, "surveys", "x.csv", "--scale", "stars");
        assertThat(scale.err()).contains("--scale 'stars' should be nps (scores 0-10) or csat (scores 1-5).");
    }

    @Test
    void segmentsSliceByAnyAttribute() {
        CliRun run = CliRun.of("report", "--db", db, "--segment", "PLAN=enterprise");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("plan=enterprise");
    }

    @Test
    void aRejectedImportListsEveryProblemAndWritesNothing() throws IOException {
        // the demo's database refuses other files before reading them (they would mix): a database of its own
        try (TestDatabase own = TestDatabase.file(dir.resolve("own"))) {
            Path good = dir.resolve("good.csv");
            Files.writeString(good, "account_id,month,mrr\nACME-00001,2026-09,100\nACME-00001,2026-10,100\n");
            assertThat(CliRun.of("import", "--db", own.url(), "mrr", good.toString()).exit()).isZero();
            Path file = dir.resolve("broken.csv");
            Files.writeString(file, "account_id,month,mrr\nACME-00001,2026-10,100\nACME-00002,2026-13,50\n,2026-10,-4\n");
            String before = CliRun.of("report", "--db", own.url(), "--window", "2026-10", "--format", "json").out();
            CliRun run = CliRun.of("import", "--db", own.url(), "mrr", file.toString());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err())
                    .contains("broken.csv:3 column 'month' value '2026-13'")
                    .contains("broken.csv:4 column 'account_id' is empty")
                    .contains("broken.csv:4 column 'mrr' value '-4'")
                    .contains("nothing was written");
            assertThat(CliRun.of("report", "--db", own.url(), "--window", "2026-10", "--format", "json").out()).isEqualTo(before);
        }
    }

    @Test
    void theDemoRefusesToMixWithSomeoneElsesImports() throws IOException {
        try (TestDatabase otherDatabase = TestDatabase.file(dir.resolve("other"))) {
            demoRefusesToMix(otherDatabase.url());
        }
    }

    private static void demoRefusesToMix(String other) throws IOException {
        Path file = dir.resolve("ledger.csv");
        Files.writeString(file, "account_id,month,mrr\nA,2026-09,100\nA,2026-10,120\n");
        assertThat(CliRun.of("import", "--db", other, "mrr", file.toString()).exit()).isZero();
        CliRun run = CliRun.of("demo", "--db", other, "--dir", dir.resolve("demo2").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("already holds your imports (ledger.csv)").contains("--db");
    }

    @Test
    void renewalsListsTheBookByDateThenTheQuarterEndForecastAndRefusesAPeriodItCannotRead() {
        CliRun run = CliRun.of("renewals", "--db", db);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Renewals due in the next 90 days (after 2026-10-31, through 2027-01-29)", "Totals:",
                "By renewal date (ARR, health, open flags, owner):", "CSM ", "Forecast for 2026-Q4:",
                "T12M to 2026-12 (2025-12 → 2026-12)").containsPattern("\\.\\.\\. and \\d+ more")
                .containsPattern("If nothing changes: NRR \\d+\\.\\d%, GRR \\d+\\.\\d%")
                .containsPattern("Expected: NRR \\d+\\.\\d%-\\d+\\.\\d%");

        CliRun quarter = CliRun.of("renewals", "quarter", "--db", db);
        assertThat(quarter.exit()).as(quarter.err()).isZero();
        assertThat(quarter.out()).contains("Renewals due in the rest of 2026-Q4 (after 2026-10-31, through 2026-12-31)");

        CliRun bad = CliRun.of("renewals", "soon", "--db", db);
        assertThat(bad.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(bad.err()).contains("\"soon\" is not a period for renewals: give 90d (the default) or quarter");
    }

    @Test
    void postDryRunPrintsTheBlocksAndWritesTheChartsAsPng() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("post", "weekly", "--db", db, "--dry-run", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(o.get("text").getAsString()).startsWith("Weekly NRR readout: ");
        assertThat(o.getAsJsonArray("blocks").size()).isBetween(4, 50);
        byte[] png = Files.readAllBytes(out.resolve("nrr-trend.png"));
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(run.err()).contains("wrote ").contains("nrr-trend.png");

        CliRun quarterly = CliRun.of("post", "quarterly", "--db", db, "--window", "2026-Q3", "--dry-run", "--out", out.toString());
        assertThat(quarterly.exit()).as(quarterly.err()).isZero();
        assertThat(quarterly.out()).contains("2026-Q3 NRR readout");
        assertThat(out.resolve("contributions.png")).exists();
        assertThat(CliRun.of("post", "reasons", "--db", db, "--dry-run", "--out", out.toString()).exit()).isZero();
        assertThat(out.resolve("churn-pareto.png")).exists();

        CliRun noChannel = CliRun.of("post", "weekly", "--db", db);
        assertThat(noChannel.exit()).isEqualTo(2);
        assertThat(noChannel.err()).contains("give --channel ID");
        CliRun unknown = CliRun.of("post", "monthly", "--db", db, "--dry-run");
        assertThat(unknown.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(unknown.err()).contains("unknown readout 'monthly': use weekly, reasons or quarterly.");
    }

    @Test
    void postNeverSwapsAWindowForAnotherPeriod() {
        String out = dir.resolve("out-windows").toString();
        // a real window: the churn-reason readout of exactly that window, the same loss as `reasons --window 2026-Q3`
        CliRun quarter = CliRun.of("post", "reasons", "--db", db, "--window", "2026-Q3", "--dry-run", "--out", out);
        assertThat(quarter.exit()).as(quarter.err()).isZero();
        JsonObject posted = JsonParser.parseString(quarter.out()).getAsJsonObject();
        assertThat(posted.get("text").getAsString()).isEqualTo("Churn-reason summary, 2026-Q3");
        CliRun reasons = CliRun.of("reasons", "--db", db, "--window", "2026-Q3", "--format", "json");
        assertThat(reasons.exit()).as(reasons.err()).isZero();
        long lostCents = JsonParser.parseString(reasons.out()).getAsJsonObject().get("total_lost").getAsBigDecimal()
                .movePointRight(2).longValueExact();
        assertThat(lostCents).isPositive();
        assertThat(quarter.out()).contains("*2026-Q3* (2026-06 → 2026-09) · " + dev.nrrbot.platform.format.Money.whole(lostCents)
                + " MRR lost");
        CliRun lastThree = CliRun.of("post", "reasons", "--db", db, "--window", "weekly", "--dry-run", "--out", out);
        assertThat(lastThree.out()).doesNotContain("2026-Q3");
        CliRun noData = CliRun.of("post", "reasons", "--db", db, "--window", "2027-Q1", "--dry-run", "--out", out);
        assertThat(noData.exit()).isEqualTo(Main.DATA_PROBLEM);
        assertThat(noData.out()).isEmpty();
        assertThat(noData.err()).contains("2027-Q1").doesNotContain("Exception");

        CliRun banana = CliRun.of("post", "reasons", "--db", db, "--window", "banana", "--channel", "C0123456789");
        assertThat(banana.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(banana.out()).isEmpty();
        assertThat(banana.err()).isEqualTo("nrr-bot: post reasons --window takes weekly (the latest three months, the default),"
                + " monthly (the latest month with data) or a window such as 2026-Q3, 2026-09, 2026 or 'last quarter', not 'banana'."
                + System.lineSeparator());

        CliRun monthly = CliRun.of("post", "reasons", "--db", db, "--window", "Monthly", "--dry-run", "--out", out);
        assertThat(monthly.exit()).as(monthly.err()).isZero();
        assertThat(monthly.out()).contains("Churn-reason summary, 2026-10");
        CliRun weeklyCadence = CliRun.of("post", "reasons", "--db", db, "--window", "weekly", "--dry-run", "--out", out);
        assertThat(weeklyCadence.out()).contains("Churn-reason summary, 3 months to 2026-10");

        CliRun weekly = CliRun.of("post", "weekly", "--db", db, "--window", "2026-Q3", "--dry-run", "--out", out);
        assertThat(weekly.exit()).isEqualTo(2);
        assertThat(weekly.out()).isEmpty();
        assertThat(weekly.err()).contains("the weekly readout is always the latest week's and takes no --window")
                .contains("bin/nrr-bot report --window 2026-Q3");

        for (String w : new String[] {"banana", "2026-09", "2027-Q1", "T12M"}) {
            CliRun q = CliRun.of("post", "quarterly", "--db", db, "--window", w, "--dry-run", "--out", out);
            assertThat(q.exit()).as(w).isEqualTo(w.equals("banana") ? CommandLine.ExitCode.USAGE : Main.DATA_PROBLEM);
            assertThat(q.out()).as(w).isEmpty();
            assertThat(q.err()).as(w).startsWith("nrr-bot: ").doesNotContain("\tat ").doesNotContain("Exception");
        }
        assertThat(CliRun.of("post", "quarterly", "--db", db, "--window", "banana", "--dry-run").err())
                .contains("post quarterly --window takes a calendar quarter such as 2026-Q3");
        assertThat(CliRun.of("post", "quarterly", "--db", db, "--window", "2026-09", "--dry-run").err())
                .contains("needs a quarter such as 2026-Q3, not 2026-09");
        assertThat(CliRun.of("post", "quarterly", "--db", db, "--window", "2027-Q1", "--dry-run").err())
                .contains("No NRR for 2027-Q1").contains("Data covers 2023-11 to 2026-10");
    }

    @Test
    void backupMakesAZipThatRestoresToTheSameNumbers() throws Exception {
        // backup is for the embedded database: make one (this run may be on PostgreSQL)
        String embedded = "jdbc:h2:file:" + dir.resolve("embedded");
        assertThat(CliRun.of("copy", "--from", db, "--to", embedded).exit()).isZero();
        Path zip = dir.resolve("backups").resolve("nrr.zip");
        CliRun run = CliRun.of("backup", "--db", embedded, zip.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Backed up").contains("nrr.zip");
        Path restored = dir.resolve("restored");
        Files.createDirectories(restored);
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Files.copy(in, restored.resolve(Path.of(e.getName()).getFileName()));
            }
        }
        String restoredUrl = "jdbc:h2:file:" + restored.resolve("embedded");
        assertThat(CliRun.of("report", "--db", restoredUrl, "--format", "json").out())
                .isEqualTo(CliRun.of("report", "--db", db, "--format", "json").out());
        assertThat(CliRun.of("backup", "--db", embedded, zip.toString()).err()).contains("exists already");
    }

    @Test
    void copyMovesEverythingIntoAnEmptyDatabaseAndRefusesAFullOne() {
        String target = "jdbc:h2:file:" + dir.resolve("copy-target");
        CliRun run = CliRun.of("copy", "--from", db, "--to", target);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Copied ").containsPattern("mrr_ledger\\s+[1-9][0-9,]+").containsPattern("reason_record\\s+[1-9]");
        assertThat(CliRun.of("report", "--db", target, "--format", "json").out())
                .isEqualTo(CliRun.of("report", "--db", db, "--format", "json").out());
        assertThat(CliRun.of("reasons", "--db", target, "--format", "json").out())
                .isEqualTo(CliRun.of("reasons", "--db", db, "--format", "json").out());
        CliRun again = CliRun.of("copy", "--from", db, "--to", target);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("the target database is not empty");
    }

    @Test
    void nudgeCadencesAreSettingsWithDefaults() {
        try (TestDatabase settings = TestDatabase.file(dir.resolve("settings"))) {
            settingsHaveDefaults(settings.url());
        }
    }

    private static void settingsHaveDefaults(String db2) {
        assertThat(CliRun.of("setting", "--db", db2).out()).containsPattern("followup_business_days\\s+2 ")
                .containsPattern("snooze_days\\s+7 ").containsPattern("digest_day\\s+MONDAY ");
        assertThat(CliRun.of("setting", "--db", db2, "snooze_days", "14").out()).containsPattern("snooze_days\\s+14 ");
        CliRun bad = CliRun.of("setting", "--db", db2, "snooze_days", "forever");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'forever' is not valid for snooze_days: days a snooze lasts, 1-90");
        assertThat(CliRun.of("setting", "--db", db2, "colour", "red").err()).contains("unknown setting 'colour'");
    }

    @Test
    void taxonomyListsCodesWithTheirFunctions() {
        CliRun run = CliRun.of("taxonomy", "--db", db);
        assertThat(run.out()).containsPattern("product_gap\\s+reason\\s+product\\s+features, missing_feature")
                .containsPattern("unknown\\s+reason\\s+unattributed");
    }
}
