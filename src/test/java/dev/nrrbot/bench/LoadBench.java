package dev.nrrbot.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A closed-loop load generator for {@code serve}: client threads send {@code /nrr} slash commands signed
 * the way Slack signs them (HMAC-SHA256 over {@code v0:timestamp:body}) to a server on loopback, and
 * every answer is checked (HTTP 200 and Block Kit {@code blocks} in the body). It runs in its own process,
 * never inside the server, and only ever talks to a loopback address. Each level is bounded in time and
 * in requests, so a run always ends by itself.
 */
public final class LoadBench {

    /** What to run. {@code serverPid} (optional) lets the bench read the server's heap with jcmd. */
    public record Config(URI url, String secret, List<Integer> levels, Duration perLevel, Duration warmup,
                         List<String> texts, long maxRequestsPerLevel, Duration requestTimeout, Long serverPid,
                         Duration heapEvery, URI responseUrl, java.time.YearMonth windowsFrom,
                         java.time.YearMonth windowsTo) {
        public Config {
            levels = List.copyOf(levels);
            texts = List.copyOf(texts);
        }
    }

    /** In a text, replaced by a window "A..B" chosen at random for each request (see --windows). */
    public static final String WINDOW = "{window}";

    /** One text's latencies at one level. */
    public record TextResult(String text, int requests, int errors, double p50Ms, double p99Ms) {
    }

    /** The figures of one concurrency level. */
    public record LevelResult(int concurrency, long requests, long errors, double seconds, double p50Ms, double p90Ms,
                              double p99Ms, double maxMs, Heap heapAfter, List<TextResult> byText,
                              List<HeapSample> samples, List<String> errorExamples) {
        public double throughput() {
            return requests / seconds;
        }
    }

    /** Heap of the server after a full GC (live bytes from jcmd GC.class_histogram) and committed (GC.heap_info), in MB. */
    public record Heap(long usedMb, long committedMb) {
        @Override
        public String toString() {
            return usedMb + " MB used / " + committedMb + " MB committed";
        }
    }

    /** A heap sample during a level, with the throughput and p99 since the previous sample. */
    public record HeapSample(double atSeconds, Heap heap, long requests, double throughput, double p99Ms, long errors) {
    }

    private static final Pattern HEAP_INFO = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
    static final long MAX_SECONDS_PER_LEVEL = 3_600;

    private final Config config;
    private final PrintWriter out;
    private final HttpClient http;

    public LoadBench(Config config, PrintWriter out) {
        requireLoopback(config.url());
        requireLoopback(config.responseUrl());
        if (config.perLevel().isNegative() || config.perLevel().isZero() || config.perLevel().toSeconds() > MAX_SECONDS_PER_LEVEL) {
            throw new IllegalArgumentException("--seconds must be between 1 and " + MAX_SECONDS_PER_LEVEL);
        }
        if (config.levels().isEmpty() || config.levels().stream().anyMatch(c -> c < 1 || c > 512)) {
            throw new IllegalArgumentException("--concurrency levels must be between 1 and 512");
        }
        if (config.texts().isEmpty()) {
            throw new IllegalArgumentException("--texts needs at least one /nrr text");
        }
        if (config.texts().stream().anyMatch(t -> t.contains(WINDOW))
                && (config.windowsFrom() == null || !config.windowsFrom().isBefore(config.windowsTo()))) {
            throw new IllegalArgumentException("a text with " + WINDOW + " needs --windows FROM..TO (months with data)");
        }
        this.config = config;
        this.out = out;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Refuses any URL whose host is not a loopback address: this tool generates hundreds of requests
     * a second and must never point them at another machine.
     */
    public static void requireLoopback(URI url) {
        if (url == null || url.getHost() == null || !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("--url must be http://127.0.0.1:PORT/... (got " + url + ")");
        }
        String host = url.getHost();
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean loopback;
        if (literal.equalsIgnoreCase("localhost")) {
            loopback = true;
        } else if (literal.matches("[0-9.]+") || literal.contains(":")) {
            try {
                loopback = InetAddress.getByName(literal).isLoopbackAddress(); // a literal: no name lookup
            } catch (UnknownHostException e) {
                loopback = false;
            }
        } else {
            loopback = false; // other names are not even looked up
        }
        if (!loopback) {
            throw new IllegalArgumentException("refusing " + host + ": the load test only sends to loopback"
                    + " (127.0.0.1, ::1 or localhost)");
        }
    }

    /** Checks every text once, warms up, then runs each level. */
    public List<LevelResult> run() throws InterruptedException {
        out.printf("nrr-bot loadtest: %s, levels %s, %d s each, %d texts, client %d cores%n", config.url(), config.levels(),
                config.perLevel().toSeconds(), config.texts().size(), Runtime.getRuntime().availableProcessors());
        out.flush();
        java.util.SplittableRandom checkRandom = new java.util.SplittableRandom(1);
        for (String text : config.texts()) {
            Outcome o = send(newMac(), 0, expand(text, checkRandom));
            if (o.error != null) {
                throw new IllegalStateException("/nrr " + text + " failed before the load started: " + o.error);
            }
        }
        if (!config.warmup().isZero()) {
            int warmLevel = config.levels().stream().max(Integer::compare).orElse(8);
            out.printf("warm-up: %d s at %d clients (not counted)%n", config.warmup().toSeconds(), warmLevel);
            out.flush();
            runLevel(warmLevel, config.warmup(), false);
        }
        List<LevelResult> results = new ArrayList<>();
        for (int level : config.levels()) {
            LevelResult r = runLevel(level, config.perLevel(), true);
            results.add(r);
            out.printf("%3d clients: %,d requests in %.1f s = %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%s%n",
                    r.concurrency(), r.requests(), r.seconds(), r.throughput(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.errors(),
                    r.heapAfter() == null ? "" : ", heap after GC " + r.heapAfter());
            r.errorExamples().forEach(e -> out.println("    error: " + e));
            out.flush();
        }
        return results;
    }

    private LevelResult runLevel(int clients, Duration duration, boolean measure) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        AtomicLong budget = new AtomicLong(config.maxRequestsPerLevel());
        List<Recorder> recorders = new ArrayList<>();
        ConcurrentLinkedQueue<String> errorExamples = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Recorder rec = new Recorder(config.texts().size());
            recorders.add(rec);
            final int client = c;
            Thread t = new Thread(() -> {
                try {
                    Mac mac = newMac();
                    java.util.SplittableRandom random = new java.util.SplittableRandom(client * 7919L + clients);
                    int i = client; // each client starts at a different text, then cycles through the mix
                    while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                        int k = i++ % config.texts().size();
                        String text = expand(config.texts().get(k), random);
                        long s = System.nanoTime();
                        Outcome o = send(mac, client, text);
                        long e = System.nanoTime();
                        rec.add(k, e - start, e - s, o.error != null);
                        if (o.error != null && errorExamples.size() < 5) {
                            errorExamples.add(text + ": " + o.error);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-client-" + c);
            t.setDaemon(true);
            t.start();
        }
        List<HeapSample> samples = new ArrayList<>();
        if (measure && config.serverPid() != null && config.heapEvery() != null) {
            long every = config.heapEvery().toNanos();
            long next = start + every;
            long lastAt = start;
            while (!done.await(Math.max(1, next - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                long now = System.nanoTime();
                if (now >= next) {
                    Heap h = heap();
                    Window win = window(recorders, lastAt - start, now - start);
                    HeapSample sample = new HeapSample((now - start) / 1e9, h, win.requests, win.requests / ((now - lastAt) / 1e9),
                            win.p99Ms, win.errors);
                    samples.add(sample);
                    out.printf("  t=%4.0f s  heap after GC %s  last %.0f s: %.0f req/s, p99 %.1f ms, %d errors%n",
                            sample.atSeconds(), h, (now - lastAt) / 1e9, sample.throughput(), sample.p99Ms(), sample.errors());
                    out.flush();
                    lastAt = now;
                    next += every;
                }
            }
        }
        // bounded: every client stops at the deadline; a request in flight ends within its timeout
        if (!done.await(duration.toMillis() + config.requestTimeout().toMillis() + 5_000, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("clients did not stop in time");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!measure) {
            return null;
        }
        long n = recorders.stream().mapToLong(r -> r.size).sum();
        long[] all = new long[(int) n];
        int p = 0;
        long errors = 0;
        for (Recorder r : recorders) {
            System.arraycopy(r.latency, 0, all, p, r.size);
            p += r.size;
            errors += r.errors;
        }
        Arrays.sort(all);
        List<TextResult> byText = new ArrayList<>();
        for (int k = 0; k < config.texts().size(); k++) {
            final int kk = k;
            long[] mine = recorders.stream().flatMapToLong(r -> r.latencies(kk)).sorted().toArray();
            int errs = recorders.stream().mapToInt(r -> r.errorsByText[kk]).sum();
            byText.add(new TextResult(config.texts().get(k), mine.length, errs, ms(pct(mine, 0.50)), ms(pct(mine, 0.99))));
        }
        Heap heap = config.serverPid() == null ? null : heap();
        return new LevelResult(clients, n, errors, seconds, ms(pct(all, 0.50)), ms(pct(all, 0.90)), ms(pct(all, 0.99)),
                ms(n == 0 ? 0 : all[all.length - 1]), heap, byText, samples, List.copyOf(errorExamples));
    }

    private record Window(long requests, long errors, double p99Ms) {
    }

    /** Requests that ended in [from, to) nanoseconds after the level began. */
    private static Window window(List<Recorder> recorders, long from, long to) {
        long[] lat = recorders.stream().flatMapToLong(r -> r.between(from, to)).sorted().toArray();
        long errors = recorders.stream().mapToLong(r -> r.errorsBetween(from, to)).sum();
        return new Window(lat.length, errors, ms(pct(lat, 0.99)));
    }

    private record Outcome(String error) {
    }

    /** The text with {@value #WINDOW} replaced by a random window A..B (A before B) within --windows. */
    String expand(String text, java.util.SplittableRandom random) {
        if (!text.contains(WINDOW)) {
            return text;
        }
        int months = (int) config.windowsFrom().until(config.windowsTo(), java.time.temporal.ChronoUnit.MONTHS);
        int a = random.nextInt(months);
        int b = a + 1 + random.nextInt(months - a);
        return text.replace(WINDOW, config.windowsFrom().plusMonths(a) + ".." + config.windowsFrom().plusMonths(b));
    }

    private Outcome send(Mac mac, int client, String text) {
        String body = body(client, text);
        long ts = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(config.url())
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", sign(mac, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return new Outcome("HTTP " + r.statusCode() + " " + abbreviate(r.body()));
            }
            if (!r.body().contains("\"blocks\"")) {
                return new Outcome("no blocks in " + abbreviate(r.body()));
            }
            return new Outcome(null);
        } catch (IOException e) {
            return new Outcome(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome("interrupted");
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    /** The form Slack posts for a slash command. */
    String body(int client, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-token-unused");
        form.put("team_id", "T0ACME");
        form.put("team_domain", "acme");
        form.put("channel_id", "C0GENERAL");
        form.put("channel_name", "general");
        form.put("user_id", String.format(Locale.ROOT, "U0LOAD%03d", client % 1000));
        form.put("user_name", "load" + client);
        form.put("command", "/nrr");
        form.put("text", text);
        form.put("api_app_id", "A0NRR");
        // late answers (only when the numbers take > 2 s) would go here: the loopback fake, never Slack
        form.put("response_url", config.responseUrl() + "/" + client);
        form.put("trigger_id", "1337.42.load" + client);
        StringJoiner j = new StringJoiner("&");
        form.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(Mac mac, long ts, String body) {
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The server's heap after a full GC, read with the JDK's jcmd; null when jcmd cannot reach it. The live
     * bytes come from {@code GC.class_histogram}, which collects and counts in one safepoint: reading
     * {@code GC.heap_info} after a separate {@code GC.run} would also count what the load allocated in the
     * second between the two commands (100 MB and more at thousands of requests a second).
     */
    Heap heap() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String pid = Long.toString(config.serverPid());
        try {
            String histogram = run(jcmd.toString(), pid, "GC.class_histogram");
            Matcher live = HISTOGRAM_TOTAL.matcher(histogram);
            String info = run(jcmd.toString(), pid, "GC.heap_info");
            Matcher m = HEAP_INFO.matcher(info);
            if (live.find() && m.find()) {
                return new Heap(Long.parseLong(live.group(1)) >> 20, Long.parseLong(m.group(1)) >> 10);
            }
            out.println("  (could not read the heap from jcmd: " + abbreviate(info) + ")");
        } catch (IOException e) {
            out.println("  (could not run jcmd: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Runs a JDK tool and returns its output; gives up (and kills it) after 30 seconds. */
    private static String run(String... command) throws IOException, InterruptedException {
        Path output = java.nio.file.Files.createTempFile("nrr-loadtest-jcmd", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not answer within 30 s");
            }
            return java.nio.file.Files.readString(output);
        } finally {
            java.nio.file.Files.deleteIfExists(output);
        }
    }

    static long pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length); // nearest rank
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Markdown: one row per level, then p50 / p99 per text at each level. */
    public static String markdown(List<LevelResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("| clients | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | server heap after GC |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (LevelResult r : results) {
            b.append(String.format(Locale.ROOT, "| %d | %,d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %s |%n", r.concurrency(),
                    r.requests(), r.throughput(), r.p50Ms(), r.p90Ms(), r.p99Ms(), r.maxMs(), r.errors(),
                    r.heapAfter() == null ? "n/a" : r.heapAfter().usedMb() + " MB (of " + r.heapAfter().committedMb() + " MB)"));
        }
        if (!results.isEmpty()) {
            b.append("\n| `/nrr ...` |");
            results.forEach(r -> b.append(" ").append(r.concurrency()).append(" clients p50 / p99 ms |"));
            b.append("\n|---|");
            results.forEach(r -> b.append("---:|"));
            b.append("\n");
            int texts = results.get(0).byText().size();
            for (int k = 0; k < texts; k++) {
                String text = results.get(0).byText().get(k).text();
                b.append("| ").append(text.isEmpty() ? "*(nothing)*" : "`" + text + "`").append(" |");
                for (LevelResult r : results) {
                    TextResult t = r.byText().get(k);
                    b.append(String.format(Locale.ROOT, " %.1f / %.1f%s |", t.p50Ms(), t.p99Ms(),
                            t.errors() == 0 ? "" : " (" + t.errors() + " errors)"));
                }
                b.append("\n");
            }
        }
        for (LevelResult r : results) {
            if (!r.samples().isEmpty()) {
                b.append(String.format(Locale.ROOT, "%n%d clients, heap sampled every interval (live after a full GC: jcmd GC.class_histogram):%n%n",
                        r.concurrency()));
                b.append("| at | server heap used after GC | committed | req/s in the interval | p99 ms in the interval | errors |\n");
                b.append("|---:|---:|---:|---:|---:|---:|\n");
                for (HeapSample s : r.samples()) {
                    b.append(String.format(Locale.ROOT, "| %.0f s | %s | %s | %.0f | %.1f | %d |%n", s.atSeconds(),
                            s.heap() == null ? "n/a" : s.heap().usedMb() + " MB", s.heap() == null ? "n/a" : s.heap().committedMb() + " MB",
                            s.throughput(), s.p99Ms(), s.errors()));
                }
            }
        }
        return b.toString();
    }

    /** One client's record: end offset and latency of each request, and the text it sent. */
    private static final class Recorder {
        long[] latency = new long[4096];
        long[] startedAt = new long[4096];
        int[] text = new int[4096];
        boolean[] failed = new boolean[4096];
        volatile int size;
        int errors;
        final int[] errorsByText;

        Recorder(int texts) {
            errorsByText = new int[texts];
        }

        synchronized void add(int k, long at, long nanos, boolean error) {
            if (size == latency.length) {
                latency = Arrays.copyOf(latency, size * 2);
                startedAt = Arrays.copyOf(startedAt, size * 2);
                text = Arrays.copyOf(text, size * 2);
                failed = Arrays.copyOf(failed, size * 2);
            }
            latency[size] = nanos;
            startedAt[size] = at;
            text[size] = k;
            failed[size] = error;
            if (error) {
                errors++;
                errorsByText[k]++;
            }
            size++;
        }

        synchronized java.util.stream.LongStream latencies(int k) {
            java.util.stream.LongStream.Builder b = java.util.stream.LongStream.builder();
            for (int i = 0; i < size; i++) {
                if (text[i] == k) {
                    b.add(latency[i]);
                }
            }
            return b.build();
        }

        synchronized java.util.stream.LongStream between(long from, long to) {
            java.util.stream.LongStream.Builder b = java.util.stream.LongStream.builder();
            for (int i = 0; i < size; i++) {
                if (startedAt[i] >= from && startedAt[i] < to) {
                    b.add(latency[i]);
                }
            }
            return b.build();
        }

        synchronized long errorsBetween(long from, long to) {
            long n = 0;
            for (int i = 0; i < size; i++) {
                if (failed[i] && startedAt[i] >= from && startedAt[i] < to) {
                    n++;
                }
            }
            return n;
        }
    }
}
