package dev.nrrbot.serve.cli;

import dev.nrrbot.platform.Launcher;
import dev.nrrbot.demo.SyntheticCompany;
import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.numbers.render.TextReport;
import dev.nrrbot.revenue.RevenueStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Creates a fictional SaaS company (1,200 accounts, 36 months, with tickets, usage, surveys, invoices"
                + " and account events), imports it and prints its NRR report and churn reasons. The same data every time.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption db;

    @CommandLine.Option(names = "--dir", paramLabel = "DIR", description = "Where to write the CSV files (default: ./data/demo).")
    Path dir = Path.of("data", "demo");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RevenueStore store = db.open();
        List<String> others = store.importedFiles().stream().filter(f -> !f.startsWith("demo-")).toList();
        if (!others.isEmpty()) {
            spec.commandLine().getErr().println("nrr-bot: this database already holds your imports (" + String.join(", ", others)
                    + "); the demo would mix with them. Run it on its own database (demo --db jdbc:h2:file:./data/demo-db),"
                    + " or start over with reset --yes, which removes your data.");
            return Main.DATA_PROBLEM;
        }
        SyntheticCompany company = SyntheticCompany.demo();
        SyntheticCompany.Files3 files = company.writeTo(dir);
        out.println("Demo company written to " + dir.toAbsolutePath().normalize() + ", importing...");
        Importer importer = new Importer(store);
        importer.run(ImportKind.ACCOUNTS, files.accounts(), ImportOptions.DEFAULTS, null).lines().forEach(out::println);
        importer.run(ImportKind.MRR, files.mrr(), ImportOptions.DEFAULTS, null).lines().forEach(out::println);
        importer.run(ImportKind.REASONS, files.reasons(), ImportOptions.DEFAULTS, null).lines().forEach(out::println);
        // the signals each function owns, which precede its churns (with noise): what the health score reads
        dev.nrrbot.demo.DemoSignals.Files signals = dev.nrrbot.demo.DemoSignals.writeTo(dir, company);
        for (var kind : List.of(java.util.Map.entry(ImportKind.TICKETS, signals.tickets()), java.util.Map.entry(ImportKind.USAGE,
                signals.usage()), java.util.Map.entry(ImportKind.SURVEYS, signals.surveys()), java.util.Map.entry(ImportKind.INVOICES,
                signals.invoices()), java.util.Map.entry(ImportKind.EVENTS, signals.events()))) {
            out.println(importer.run(kind.getKey(), kind.getValue(), ImportOptions.DEFAULTS, null).lines().get(0));
        }
        NrrEngine engine = new NrrEngine(store.loadPortfolio());
        out.println();
        out.print(TextReport.retention(engine.report(engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT), Segment.ALL)));
        out.println();
        out.print(TextReport.pareto(engine.pareto(engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT), Segment.ALL)));
        out.println();
        String c = Launcher.COMMAND;
        out.println("Try next: " + c + " report --window 2026-Q3 | " + c + " report --segment plan=Enterprise | " + c
                + " reasons --window 2026 | " + c + " trend | " + c + " health | " + c + " health backtest | " + c + " renewals");
        out.flush();
        return 0;
    }
}
