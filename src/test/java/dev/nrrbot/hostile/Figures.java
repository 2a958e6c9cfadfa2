package dev.nrrbot.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * What each hostile case measured, appended to {@code target/hostile-figures.txt} (docs/benchmarks.md
 * quotes it). Recorded before the assertions, so a failing run still says how it failed.
 */
final class Figures {

    static final Path FILE = Path.of("target", "hostile-figures.txt");
    /** The first figure of a run starts the file afresh. */
    private static boolean started;

    private Figures() {
    }

    static synchronized void record(String testCase, String figures) {
        String line = testCase + ": " + figures + System.lineSeparator();
        System.out.print(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    started ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            started = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "p50 12 ms, max 40 ms" of the given latencies, in milliseconds. */
    static String latency(List<Long> millis) {
        if (millis.isEmpty()) {
            return "none answered";
        }
        List<Long> sorted = millis.stream().sorted().toList();
        return "p50 " + sorted.get(sorted.size() / 2) + " ms, max " + sorted.get(sorted.size() - 1) + " ms";
    }

    /** "{401=2, 413=20}": how many of each. */
    static String counts(List<Integer> statuses) {
        java.util.Map<Integer, Long> counts = new java.util.TreeMap<>();
        statuses.forEach(s -> counts.merge(s, 1L, Long::sum));
        return counts.toString();
    }
}
