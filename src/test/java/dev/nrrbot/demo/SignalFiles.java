package dev.nrrbot.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The demo's signal files read back the way a backtest would see them, with the few measures the
 * tests judge the signal by. Days are epoch days; windows are {@code [from, to)}.
 */
final class SignalFiles {

    private static final Set<String> PEOPLE = Set.of("champion_left", "executive_change", "reorg");

    final Map<String, List<long[]>> usage = new HashMap<>(); // {day, count, errors, feature's hash}
    final Map<String, List<int[]>> tickets = new HashMap<>(); // {opened}
    final Map<String, List<int[]>> badInvoices = new HashMap<>(); // {due} of failed or overdue ones
    final Map<String, List<int[]>> people = new HashMap<>(); // {day}
    final Map<String, List<int[]>> surveys = new HashMap<>(); // {day, score}
    final Map<String, AccountLife> lives = new HashMap<>();

    SignalFiles(Path dir, DemoSignals.Files files) throws IOException {
        for (AccountLife life : CompanyHistory.read(dir.resolve("demo-mrr.csv"), dir.resolve("demo-reasons.csv"))) {
            lives.put(life.id(), life);
        }
        for (CSVRecord r : records(files.usage())) {
            usage.computeIfAbsent(r.get(0), k -> new ArrayList<>())
                    .add(new long[] {day(r.get(1)), Long.parseLong(r.get(3)), Long.parseLong(r.get(5)), r.get(2).hashCode()});
        }
        for (CSVRecord r : records(files.tickets())) {
            tickets.computeIfAbsent(r.get(1), k -> new ArrayList<>()).add(new int[] {day(r.get(2))});
        }
        for (CSVRecord r : records(files.invoices())) {
            if (r.get(5).equals("failed") || r.get(5).equals("overdue")) {
                badInvoices.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(new int[] {day(r.get(2))});
            }
        }
        for (CSVRecord r : records(files.events())) {
            if (PEOPLE.contains(r.get(2))) {
                people.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(new int[] {day(r.get(1))});
            }
        }
        for (CSVRecord r : records(files.surveys())) {
            surveys.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(new int[] {day(r.get(1)), Integer.parseInt(r.get(2))});
        }
    }

    /** Uses in the window. */
    long uses(String account, int from, int to) {
        long n = 0;
        for (long[] u : usage.getOrDefault(account, List.of())) {
            n += u[0] >= from && u[0] < to ? u[1] : 0;
        }
        return n;
    }

    /** Distinct features used in the window. */
    long breadth(String account, int from, int to) {
        return usage.getOrDefault(account, List.of()).stream().filter(u -> u[0] >= from && u[0] < to).mapToLong(u -> u[3]).distinct()
                .count();
    }

    long errors(String account, int from, int to) {
        long n = 0;
        for (long[] u : usage.getOrDefault(account, List.of())) {
            n += u[0] >= from && u[0] < to ? u[2] : 0;
        }
        return n;
    }

    /** The share of usage lost in the 90 days before {@code day} against the 90 before those; 0 without history. */
    double decline(String account, int day) {
        long prior = uses(account, day - 180, day - 90);
        long recent = uses(account, day - 90, day);
        return prior == 0 ? 0 : Math.max(0, 1 - recent / (double) prior);
    }

    /** At least three tickets, and at least 2.5 times what the account opens in a window that long elsewhere in its life. */
    boolean ticketSpike(String account, int from, int to) {
        int inside = 0;
        int outside = 0;
        for (int[] t : tickets.getOrDefault(account, List.of())) {
            if (t[0] >= from && t[0] < to) {
                inside++;
            } else {
                outside++;
            }
        }
        int paidOutside = paidDays(lives.get(account)) - (to - from);
        double expected = (outside + 1.0) / (Math.max(0, paidOutside) + (to - from)) * (to - from);
        return inside >= 3 && inside >= 2.5 * expected;
    }

    boolean badInvoice(String account, int from, int to) {
        return any(badInvoices, account, from, to);
    }

    boolean peopleChange(String account, int from, int to) {
        return any(people, account, from, to);
    }

    boolean lowNps(String account, int from, int to) {
        return surveys.getOrDefault(account, List.of()).stream().anyMatch(s -> s[0] >= from && s[0] < to && s[1] <= 6);
    }

    /** Errors per use in the 90 days before {@code day} at least twice those of the 90 before. */
    boolean errorsRising(String account, int day) {
        long prior = uses(account, day - 180, day - 90);
        long recent = uses(account, day - 90, day);
        if (prior == 0 || recent == 0) {
            return false;
        }
        double before = (errors(account, day - 180, day - 90) + 1.0) / prior;
        return errors(account, day - 90, day) / (double) recent >= 2 * before;
    }

    /** A young account's usage falling from its first four weeks to its last four. */
    boolean poorStart(String account, int start, int day) {
        long first = uses(account, start, start + 28);
        long last = uses(account, day - 28, day);
        return day - start >= 42 && last < 0.8 * first;
    }

    /** Any warning in the 120 days before a churn on {@code day}. */
    boolean anyWarning(String account, int start, int day) {
        int from = day - 120;
        boolean usage = start <= day - 180 ? decline(account, day) >= 0.25 || errorsRising(account, day) : poorStart(account, start, day);
        return usage || ticketSpike(account, from, day) || badInvoice(account, from, day) || peopleChange(account, from, day)
                || lowNps(account, from, day);
    }

    static int paidDays(AccountLife life) {
        return life.runs().stream().mapToInt(r -> r.to() - r.from()).sum();
    }

    private static boolean any(Map<String, List<int[]>> rows, String account, int from, int to) {
        return rows.getOrDefault(account, List.of()).stream().anyMatch(x -> x[0] >= from && x[0] < to);
    }

    static int day(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    static List<CSVRecord> records(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
