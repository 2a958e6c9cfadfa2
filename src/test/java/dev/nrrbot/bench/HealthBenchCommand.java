package dev.nrrbot.bench;

import dev.nrrbot.health.Backtest;
import dev.nrrbot.health.Checkup;
import dev.nrrbot.health.HealthModel;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.signals.SignalBook;
import dev.nrrbot.signals.Ticket;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The health score at scale, in memory: a ledger of ACCOUNTS x MONTHS, USAGE rows (per account, day
 * and feature, as an import keeps them) and TICKETS, then the checkup of every account and the
 * 24-month backtest, each timed over several runs, and the heap they hold.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Times the health score of every account and the 24-month backtest on generated signals.")
final class HealthBenchCommand implements Callable<Integer> {

    @Option(names = "--accounts", description = "Accounts (default: ${DEFAULT-VALUE}).")
    int accounts = 50_000;

    @Option(names = "--months", description = "Months (default: ${DEFAULT-VALUE}).")
    int months = 36;

    @Option(names = "--usage", description = "Usage rows (default: ${DEFAULT-VALUE}).")
    int usage = 5_000_000;

    @Option(names = "--tickets", description = "Tickets (default: ${DEFAULT-VALUE}).")
    int tickets = 500_000;

    @Option(names = "--runs", description = "Timed runs of each (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        YearMonth last = YearMonth.of(2026, 10);
        YearMonth first = last.minusMonths(months - 1L);
        SplittableRandom r = new SplittableRandom(42);
        long t0 = System.nanoTime();
        Ledger.Builder l = Ledger.builder(first, last).coverAll();
        int[] churnAt = new int[accounts];
        for (int a = 0; a < accounts; a++) {
            String id = "A" + a;
            churnAt[a] = r.nextInt(100) < 30 ? 6 + r.nextInt(months - 6) : Integer.MAX_VALUE;
            long mrr = (50 + r.nextInt(2_000)) * 100L;
            for (int m = 0; m < months; m++) {
                if (m >= churnAt[a]) {
                    break;
                }
                l.mrr(id, first.plusMonths(m), mrr);
            }
        }
        Portfolio p = Portfolio.of(l.build(), List.of(), ReasonTaxonomy.defaults(), List.of(), List.of());
        SignalBook.Builder b = SignalBook.builder();
        LocalDate start = first.atDay(1);
        int days = (int) (last.atEndOfMonth().toEpochDay() - start.toEpochDay());
        String[] features = {"dashboards", "reports", "api", "alerts", "exports", "integrations", "sso", "automations"};
        for (int i = 0; i < usage; i++) {
            int a = r.nextInt(accounts);
            b.usage("A" + a, start.plusDays(r.nextInt(days)), features[r.nextInt(features.length)], 1 + r.nextInt(50), r.nextInt(3));
        }
        Ticket.Priority[] priorities = Ticket.Priority.values();
        for (int i = 0; i < tickets; i++) {
            int a = r.nextInt(accounts);
            LocalDate opened = start.plusDays(r.nextInt(days));
            b.ticket(new Ticket("T" + i, "A" + a, opened, r.nextInt(10) == 0 ? null : opened.plusDays(r.nextInt(20)),
                    priorities[r.nextInt(priorities.length)], r.nextInt(600), r.nextBoolean() ? r.nextDouble() : null,
                    r.nextInt(30) == 0));
        }
        SignalBook book = b.build();
        out.printf("generated %,d accounts x %d months, %,d usage rows, %,d tickets in %.1f s%n", accounts, months, usage, tickets,
                (System.nanoTime() - t0) / 1e9);
        HealthModel model = HealthModel.DEFAULTS;
        LocalDate day = last.atEndOfMonth();
        long[] scoreAll = new long[runs];
        int scored = 0;
        for (int i = 0; i < runs + 1; i++) {
            long s = System.nanoTime();
            scored = Checkup.scoreAll(p, book, model, day, true).size();
            if (i > 0) {
                scoreAll[i - 1] = System.nanoTime() - s; // the first run warms the JIT
            }
        }
        long[] checkup = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            Checkup.of(p, book, model, day);
            checkup[i] = System.nanoTime() - s;
        }
        long[] backtest = new long[Math.max(1, runs / 2)];
        Backtest.Result result = null;
        for (int i = 0; i < backtest.length; i++) {
            long s = System.nanoTime();
            result = Backtest.run(p, book, model);
            backtest[i] = System.nanoTime() - s;
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory();
        out.printf("health of every paying account (%,d): median %d ms, best %d ms%n", scored, median(scoreAll) / 1_000_000,
                min(scoreAll) / 1_000_000);
        out.printf("checkup (every account now and 30 days before, bands, movers): median %d ms%n", median(checkup) / 1_000_000);
        out.printf("backtest over %d months (%,d account-months, AUC %.2f): median %.2f s%n", result.months(), result.observations(),
                result.auc(), median(backtest) / 1e9);
        out.printf("heap in use after GC, everything loaded: %d MB (max %d MB)%n", heap >> 20, rt.maxMemory() >> 20);
        out.flush();
        // keep the data reachable until the heap was read
        return book.rows(SignalBook.Kind.USAGE) > 0 && p.ledger().accountCount() > 0 ? 0 : 1;
    }

    private static long median(long[] xs) {
        long[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long min(long[] xs) {
        return java.util.Arrays.stream(xs).min().orElse(0);
    }
}
