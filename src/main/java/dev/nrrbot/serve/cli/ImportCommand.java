package dev.nrrbot.serve.cli;

import dev.nrrbot.ingest.CsvSource;
import dev.nrrbot.ingest.DateReader;
import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.ImportRejected;
import dev.nrrbot.ingest.ImportSummary;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.signals.Survey;
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
        description = {"Imports a CSV export of one KIND: accounts, mrr, subscriptions, reasons or a signal.",
                "The signals (tickets, usage, surveys, invoices, events) feed the health score.",
                "The columns of each KIND:",
                "  accounts       account_id[, name, csm_email, renewal_date, attributes...]",
                "  mrr            account_id, month, mrr (a monthly ledger)",
                "  subscriptions  subscription_id, account_id, start_date, end_date, mrr",
                "                 (or amount + interval)",
                "  reasons        account_id, date, reason[, note]: churn and contraction",
                "                 reasons, expansion and reactivation drivers",
                "  tickets        ticket_id, account_id, opened_at[, closed_at, priority,",
                "                 first_response_minutes, satisfaction, escalated]",
                "  usage          account_id or subscription_id, date, feature[, count,",
                "                 duration_seconds, errors]: a file's days replace those days",
                "  surveys        account_id, date, score[, comment, response_id] (--scale)",
                "  invoices       account_id, invoice_id, due_date, amount[, paid_at, status]",
                "  events         account_id, date, type[, note]: champion or executive changes,",
                "                 other milestones",
                "A file with any problem is rejected whole; importing the same file twice changes nothing."})
final class ImportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption db;

    @Parameters(index = "0", paramLabel = "KIND", description = "accounts, mrr, subscriptions, reasons, tickets, usage,"
            + " surveys, invoices or events.")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "The CSV file (UTF-8, first line a header).")
    Path file;

    @Option(names = "--add-unknown-reasons",
            description = "Add reason codes the taxonomy does not know, as unattributed, instead of refusing the file.")
    boolean addUnknownReasons;

    @Option(names = "--through", paramLabel = "YYYY-MM",
            description = "Subscriptions: the last month to build the ledger for (default: the month of the latest date in the file).")
    String through;

    @Option(names = "--date-format", paramLabel = "FORMAT",
            description = "How the file writes its dates: YYYY-MM-DD, M/D/YYYY or D/M/YYYY (also MM/DD/YYYY, DD/MM/YYYY,"
                    + " US, EU). Default: ISO dates, and for the signal kinds slashed dates that read only one way.")
    String dateFormat;

    @Option(names = "--scale", paramLabel = "SCALE",
            description = "Surveys: nps (scores 0-10, the default) or csat (scores 1-5).")
    String scale;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        ImportKind k = ImportKind.parse(kind).orElse(null);
        if (k == null) {
            err.println("nrr-bot: unknown KIND '" + kind + "': use " + ImportKind.NAMES + ".");
            return CommandLine.ExitCode.USAGE;
        }
        DateReader.Format format = null;
        if (dateFormat != null) {
            format = DateReader.Format.parse(dateFormat).orElse(null);
            if (format == null) {
                err.println("nrr-bot: --date-format '" + dateFormat + "' is not a format I read: use "
                        + DateReader.Format.NAMES + ".");
                return CommandLine.ExitCode.USAGE;
            }
        }
        Survey.Scale surveyScale = null;
        if (scale != null) {
            surveyScale = switch (scale.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "nps" -> Survey.Scale.NPS;
                case "csat" -> Survey.Scale.CSAT;
                default -> null;
            };
            if (surveyScale == null) {
                err.println("nrr-bot: --scale '" + scale + "' should be nps (scores 0-10) or csat (scores 1-5).");
                return CommandLine.ExitCode.USAGE;
            }
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
            ImportSummary summary = new Importer(store).run(k, file, new ImportOptions(addUnknownReasons, until, format, surveyScale),
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
