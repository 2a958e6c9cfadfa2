package dev.nrrbot.serve.cli;

import dev.nrrbot.ingest.CsvSource;
import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.ImportRejected;
import dev.nrrbot.ingest.ImportSummary;
import dev.nrrbot.ingest.Importer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a CSV export of one KIND: accounts, mrr, subscriptions or reasons.",
                "The columns of each KIND:",
                "  accounts       account_id[, name, csm_email, renewal_date, attributes...]",
                "  mrr            account_id, month, mrr (a monthly ledger)",
                "  subscriptions  subscription_id, account_id, start_date, end_date, mrr",
                "                 (or amount + interval)",
                "  reasons        account_id, date, reason[, note]: churn and contraction",
                "                 reasons, expansion and reactivation drivers",
                "A file with any problem is rejected whole; importing the same file twice changes nothing."})
final class ImportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption db;

    @Parameters(index = "0", paramLabel = "KIND", description = "accounts, mrr, subscriptions or reasons.")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "The CSV file (UTF-8, first line a header).")
    Path file;

    @Option(names = "--add-unknown-reasons",
            description = "Add reason codes the taxonomy does not know, as unattributed, instead of refusing the file.")
    boolean addUnknownReasons;

    @Option(names = "--through", paramLabel = "YYYY-MM",
            description = "Subscriptions: the last month to build the ledger for (default: the month of the latest date in the file).")
    String through;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        ImportKind k = ImportKind.parse(kind).orElse(null);
        if (k == null) {
            err.println("nrr-bot: unknown KIND '" + kind + "': use accounts, mrr, subscriptions or reasons.");
            return CommandLine.ExitCode.USAGE;
        }
        YearMonth until = null;
        if (through != null) {
            try {
                until = YearMonth.parse(through.trim());
            } catch (DateTimeParseException e) {
                err.println("nrr-bot: --through '" + through + "' should be a month as YYYY-MM, e.g. 2026-09.");
                return CommandLine.ExitCode.USAGE;
            }
        }
        dev.nrrbot.revenue.RevenueStore store = db.open();
        java.util.List<String> demo = store.importedFiles().stream().filter(f -> f.startsWith("demo-")).toList();
        if (!demo.isEmpty() && !file.getFileName().toString().startsWith("demo-")) {
            err.println("nrr-bot: this database holds the demo company (" + String.join(", ", demo) + "), and your data"
                    + " would mix with it. Start fresh with reset --yes (it removes the demo's data), or import into"
                    + " a database of its own with --db jdbc:h2:file:./data/mine.");
            return Main.DATA_PROBLEM;
        }
        try {
            ImportSummary summary = new Importer(store).run(k, file, new ImportOptions(addUnknownReasons, until),
                    System.console() == null ? null : new TerminalProgress(err, file.getFileName().toString()));
            summary.lines().forEach(out::println);
            out.flush();
            return 0;
        } catch (ImportRejected e) {
            e.problems().forEach(p -> err.println("  " + p));
            err.println("nrr-bot: " + e.getMessage());
            err.flush();
            return Main.DATA_PROBLEM;
        }
    }

    /** Rewrites one line on the terminal while a large file is read. */
    private record TerminalProgress(PrintWriter err, String name) implements CsvSource.Progress {
        @Override
        public void update(long rows, double fraction) {
            err.printf("\rReading %s: %,d rows (%d%%)", name, rows, Math.round(fraction * 100));
            err.flush();
        }

        @Override
        public void done(long rows) {
            if (rows > 0xFFFF) {
                err.printf("\rReading %s: %,d rows (100%%)%n", name, rows);
                err.flush();
            }
        }
    }
}
