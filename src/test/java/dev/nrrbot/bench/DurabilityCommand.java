package dev.nrrbot.bench;

import dev.nrrbot.demo.SyntheticCompany;
import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.platform.Settings;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import dev.nrrbot.serve.Bot;
import dev.nrrbot.serve.FakeSlack;
import dev.nrrbot.serve.SignedClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What durable commits on H2 cost: the same import and the same {@code /nrr flag} requests on an H2
 * file opened as the bot opens it ({@code WRITE_DELAY=0;REUSE_SPACE=FALSE}) and with H2's own
 * defaults ({@code WRITE_DELAY=500;REUSE_SPACE=TRUE}, given explicitly so the bot keeps them), and
 * the size of the file after each step, after closing, and after {@code SHUTDOWN COMPACT}.
 */
@Command(name = "durability", mixinStandardHelpOptions = true,
        description = {"Times an import and /nrr flag on H2 with and without durable commits, and the file sizes.",
                "Run it as: scripts/bench durability (it is not part of the production jar)"})
final class DurabilityCommand implements Callable<Integer> {

    @Option(names = "--accounts", description = "Accounts of the company (default: ${DEFAULT-VALUE}, the demo's size).")
    int accounts = 1_200;

    @Option(names = "--months", description = "Months (default: ${DEFAULT-VALUE}).")
    int months = 36;

    @Option(names = "--flags", description = "Signed /nrr flag requests, one after another (default: ${DEFAULT-VALUE}).")
    int flags = 300;

    @Option(names = "--rounds", description = "Each mode this many times, alternating (default: ${DEFAULT-VALUE}).")
    int rounds = 2;

    @Option(names = "--dir", paramLabel = "DIR", description = "Working folder (default: ./data/durability, deleted first).")
    Path dir = Path.of("data", "durability");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    record Mode(String name, String settings) {
    }

    static final Mode[] MODES = {
        new Mode("durable (the bot's default)", ""),
        new Mode("H2 defaults (WRITE_DELAY=500;REUSE_SPACE=TRUE)", ";WRITE_DELAY=500;REUSE_SPACE=TRUE"),
        new Mode("WRITE_DELAY=0 only", ";WRITE_DELAY=0;REUSE_SPACE=TRUE"),
    };

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        clean(dir);
        SyntheticCompany company = accounts == 1_200 && months == 36 ? SyntheticCompany.demo()
                : new SyntheticCompany(accounts, YearMonth.of(2026, 10), months, 50_000L);
        SyntheticCompany.Files3 files = company.writeTo(dir.resolve("csv"));
        out.printf("nrr-bot durability: %,d accounts x %d months, %d flags, %d rounds, %d cores%n", accounts, months, flags, rounds,
                Runtime.getRuntime().availableProcessors());
        out.println("mode | import s | file after import MB | flag p50 / p90 / max ms | file after flags MB | after close MB"
                + " | after SHUTDOWN COMPACT MB (its time)");
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < MODES.length; k++) {
                Mode m = MODES[(k + r) % MODES.length]; // each round starts with another mode: no mode always runs first
                out.println(run(m, files, dir.resolve("r" + r + "-" + k)));
                out.flush();
            }
        }
        return 0;
    }

    private String run(Mode mode, SyntheticCompany.Files3 files, Path where) throws Exception {
        Files.createDirectories(where);
        String url = "jdbc:h2:file:" + where.toAbsolutePath().resolve("nrr") + mode.settings();
        Path file = where.resolve("nrr.mv.db");
        double importSeconds;
        long afterImport;
        long afterFlags;
        double[] ms = new double[flags];
        try (Database db = Database.open(url)) {
            JdbiRevenueStore store = new JdbiRevenueStore(db, Clock.systemUTC());
            Importer importer = new Importer(store);
            long t = System.nanoTime();
            importer.run(ImportKind.ACCOUNTS, files.accounts(), ImportOptions.DEFAULTS, null);
            importer.run(ImportKind.MRR, files.mrr(), ImportOptions.DEFAULTS, null);
            importer.run(ImportKind.REASONS, files.reasons(), ImportOptions.DEFAULTS, null);
            importSeconds = (System.nanoTime() - t) / 1e9;
            afterImport = Files.size(file);
            db.jdbi().useHandle(h -> h.execute("INSERT INTO function_owner (function_code, user_id, set_by, set_at)"
                    + " VALUES ('product', 'U0PAT', 'U0ADMIN', ?)", OffsetDateTime.now(ZoneOffset.UTC)));
            try (FakeSlack slack = new FakeSlack()) {
                int port;
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                Settings settings = Settings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET", "bench-secret",
                        "SLACK_API_URL", slack.apiUrl(), "PORT", Integer.toString(port), "NRR_ADMINS", "U0ADMIN"), false);
                Bot bot = Bot.start(settings, db, store, new Bot.Timing(Clock.systemUTC(), ZoneOffset.UTC, Duration.ofSeconds(2), null));
                try {
                    SignedClient client = new SignedClient(port, "bench-secret");
                    for (int i = 0; i < flags; i++) {
                        long s = System.nanoTime();
                        HttpResponse<String> r = client.command("U0ADMIN", String.format("flag ACME-%05d product bench %d",
                                i % accounts + 1, i), slack.responseUrl("bench"));
                        ms[i] = (System.nanoTime() - s) / 1e6;
                        if (r.statusCode() != 200 || !r.body().contains("flag #")) {
                            throw new IllegalStateException("flag " + i + " answered " + r.statusCode() + ": " + r.body());
                        }
                    }
                    bot.awaitIdle(Duration.ofSeconds(60)); // every DM sent and recorded
                } finally {
                    bot.close();
                }
            }
            afterFlags = Files.size(file);
        }
        long afterClose = Files.size(file);
        long c0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("SHUTDOWN COMPACT");
        }
        double compactSeconds = (System.nanoTime() - c0) / 1e9;
        long afterCompact = Files.size(file);
        Arrays.sort(ms);
        return String.format("%s | %.2f | %.1f | %.1f / %.1f / %.1f | %.1f | %.1f | %.1f (%.2f s)", mode.name(), importSeconds,
                mb(afterImport), ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[ms.length - 1], mb(afterFlags), mb(afterClose),
                mb(afterCompact), compactSeconds);
    }

    private static double mb(long bytes) {
        return bytes / 1_048_576.0;
    }

    private static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
