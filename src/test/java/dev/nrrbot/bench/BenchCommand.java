package dev.nrrbot.bench;

import dev.nrrbot.demo.SyntheticCompany;
import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import dev.nrrbot.revenue.RevenueStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generates a large company, imports it and times the T12M report with contributions and the"
                + " reason Pareto. Uses its own database under --dir (deleted first).",
                "Run it as: scripts/bench bench (it is not part of the production jar)"})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--accounts", description = "Accounts (default: ${DEFAULT-VALUE}).")
    int accounts = 50_000;

    @Option(names = "--months", description = "Months (default: ${DEFAULT-VALUE}).")
    int months = 36;

    @Option(names = "--runs", description = "Timed report runs (default: ${DEFAULT-VALUE}).")
    int runs = 100;

    @Option(names = "--dir", paramLabel = "DIR", description = "Working folder (default: ./data/bench).")
    Path dir = Path.of("data", "bench");

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Database (default: an H2 file in --dir).")
    String url;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        clean(dir);
        String jdbc = url != null ? url : "jdbc:h2:file:" + dir.toAbsolutePath().resolve("bench");
        out.printf("nrr-bot bench: %,d accounts x %d months, %d runs, max heap %d MB, %d cores%n", accounts, months, runs,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

        long t = System.nanoTime();
        SyntheticCompany.Files3 files = new SyntheticCompany(accounts, YearMonth.of(2026, 10), months, 50_000L).writeTo(dir);
        out.printf("generate CSV          %8.2f s  (%,d ledger rows, %,d MB)%n", secs(t), (long) accounts * months,
                Files.size(files.mrr()) >> 20);

        t = System.nanoTime();
        RevenueStore store = new JdbiRevenueStore(Database.open(jdbc), java.time.Clock.systemUTC());
        out.printf("open + migrate        %8.2f s%n", secs(t));
        Importer importer = new Importer(store);
        long importStart = System.nanoTime();
        for (ImportKind k : new ImportKind[] {ImportKind.ACCOUNTS, ImportKind.MRR, ImportKind.REASONS}) {
            t = System.nanoTime();
            Path f = k == ImportKind.ACCOUNTS ? files.accounts() : k == ImportKind.MRR ? files.mrr() : files.reasons();
            var summary = importer.run(k, f, ImportOptions.DEFAULTS, null);
            out.printf("import %-14s %8.2f s  (%,d rows)%n", k.code(), secs(t), summary.rows());
        }
        out.printf("import total          %8.2f s  (target <= 20 s)%n", secs(importStart));

        t = System.nanoTime();
        Portfolio portfolio = store.loadPortfolio();
        out.printf("load snapshot         %8.2f s  (once per data change)%n", secs(t));
        NrrEngine engine = new NrrEngine(portfolio);
        Window w = engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT);
        long[] nanos = new long[runs];
        RetentionReport report = null;
        ReasonPareto pareto = null;
        for (int i = 0; i < runs + 10; i++) { // 10 warm-up runs are not counted
            long s = System.nanoTime();
            report = engine.report(w, Segment.ALL);
            pareto = engine.pareto(w, Segment.ALL);
            if (i >= 10) {
                nanos[i - 10] = System.nanoTime() - s;
            }
        }
        Arrays.sort(nanos);
        out.printf("T12M report + Pareto  p50 %.1f ms  p99 %.1f ms  max %.1f ms  (target p99 <= 100 ms)%n",
                ms(nanos[runs / 2]), ms(nanos[Math.max(0, (int) Math.ceil(runs * 0.99) - 1)]), ms(nanos[runs - 1]));
        System.gc();
        Runtime rt = Runtime.getRuntime();
        out.printf("heap used after GC    %8d MB  (max %d MB)%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        out.printf("result: %s NRR %s, GRR %s, cohort %,d, %d reasons in the Pareto%n", w.label(),
                dev.nrrbot.platform.format.Money.percent(report.nrr()), dev.nrrbot.platform.format.Money.percent(report.grr()),
                report.cohortAccounts(), pareto.rows().size());
        out.flush();
        return 0;
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
