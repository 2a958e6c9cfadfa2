package dev.nrrbot.bench;

import dev.nrrbot.serve.cli.Main;

import dev.nrrbot.bench.LoadBench;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = {"Sends signed /nrr slash commands to a running serve on loopback from this (separate) process,"
                + " at several concurrency levels, and prints throughput, p50/p90/p99/max latency and errors as a"
                + " markdown table. Only loopback addresses are accepted; every level ends after --seconds.",
                "Run it as: java -jar target/nrr-bot.jar loadtest --secret SECRET --server-pid PID"})
final class LoadTestCommand implements Callable<Integer> {

    @Option(names = "--url", description = "The server's events URL (default: ${DEFAULT-VALUE}).")
    URI url = URI.create("http://127.0.0.1:3457/slack/events");

    @Option(names = "--response-url", paramLabel = "URL",
            description = "The response_url sent with each command, for answers that come late; loopback only"
                    + " (default: ${DEFAULT-VALUE}, the fake Slack API).")
    URI responseUrl = URI.create("http://127.0.0.1:8765/respond");

    @Option(names = "--secret", required = true, description = "The server's SLACK_SIGNING_SECRET.")
    String secret;

    @Option(names = "--concurrency", split = ",", paramLabel = "N",
            description = "Client threads per level (default: ${DEFAULT-VALUE}).")
    List<Integer> concurrency = List.of(1, 8, 32, 64);

    @Option(names = "--seconds", description = "Seconds per level (default: ${DEFAULT-VALUE}).")
    int seconds = 30;

    @Option(names = "--warmup", description = "Warm-up seconds, not counted (default: ${DEFAULT-VALUE}).")
    int warmup = 15;

    @Option(names = "--texts", split = "\\|", splitSynopsisLabel = "|", paramLabel = "TEXT",
            description = "The mix of /nrr texts, separated by | (default: \"|2026-Q3|function product|"
                    + "segment plan=Enterprise|reasons|trend|help\", the first being a bare /nrr).")
    List<String> texts = List.of("", "2026-Q3", "function product", "segment plan=Enterprise", "reasons", "trend", "help");

    @Option(names = "--windows", paramLabel = "FROM..TO",
            description = "Months with data for texts with {window}, which is replaced by a random window A..B within"
                    + " them on each request: a mix of mostly new questions, e.g."
                    + " --texts \"{window}|function product {window}|reasons {window}\" --windows 2023-11..2026-10.")
    String windows;

    @Option(names = "--max-requests", description = "Upper bound of requests per level (default: ${DEFAULT-VALUE}).")
    long maxRequests = 10_000_000;

    @Option(names = "--timeout", description = "Seconds before one request counts as an error (default: ${DEFAULT-VALUE}).")
    int timeout = 10;

    @Option(names = "--server-pid", paramLabel = "PID",
            description = "The server's process id: its heap (live bytes after a full GC, jcmd GC.class_histogram)"
                    + " is read after each level.")
    Long serverPid;

    @Option(names = "--heap-every", paramLabel = "SECONDS",
            description = "With --server-pid, also sample the heap (after a full GC) every SECONDS during each level.")
    Integer heapEvery;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LoadBench bench;
        try {
            java.time.YearMonth from = null;
            java.time.YearMonth to = null;
            if (windows != null) {
                String[] parts = windows.split("\\.\\.");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--windows should be FROM..TO, as in 2023-11..2026-10");
                }
                try {
                    from = java.time.YearMonth.parse(parts[0].trim());
                    to = java.time.YearMonth.parse(parts[1].trim());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("--windows should be FROM..TO, as in 2023-11..2026-10");
                }
            }
            bench = new LoadBench(new LoadBench.Config(url, secret, concurrency, Duration.ofSeconds(seconds),
                    Duration.ofSeconds(Math.max(0, warmup)), texts, maxRequests, Duration.ofSeconds(timeout), serverPid,
                    heapEvery == null ? null : Duration.ofSeconds(Math.max(5, heapEvery)), responseUrl, from, to), out);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("nrr-bot: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        List<LoadBench.LevelResult> results = bench.run();
        out.println();
        out.print(LoadBench.markdown(results));
        out.flush();
        return results.stream().anyMatch(r -> r.errors() > 0) ? dev.nrrbot.serve.cli.Main.DATA_PROBLEM : 0;
    }
}
