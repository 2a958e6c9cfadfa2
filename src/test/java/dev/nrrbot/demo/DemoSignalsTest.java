package dev.nrrbot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's signals: the files as specified, the same bytes every run, nothing outside an account's
 * paid life, and a warning that is real but imperfect, measured from the files as a backtest would.
 * Over 300 lines: each measure of the signal is its own test, so a failing one names what broke.
 */
class DemoSignalsTest {

    private static final Set<String> PRODUCT = Set.of("product_gap", "competitor", "value_awareness");
    private static final LocalDate END = LocalDate.of(2026, 10, 31);

    @TempDir
    static Path dir;
    static DemoSignals.Files files;
    static SignalFiles read;

    @BeforeAll
    static void writeTheDemo() throws IOException {
        SyntheticCompany company = SyntheticCompany.demo();
        company.writeTo(dir);
        long started = System.nanoTime();
        files = DemoSignals.writeTo(dir, company);
        System.err.printf("DemoSignals: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        read = new SignalFiles(dir, files);
    }

    @Test
    void theFilesHaveTheirHeaders() throws IOException {
        assertThat(firstLine(files.tickets()))
                .isEqualTo("ticket_id,account_id,opened_at,closed_at,priority,first_response_minutes,satisfaction,escalated");
        assertThat(firstLine(files.usage())).isEqualTo("account_id,date,feature,count,duration_seconds,errors");
        assertThat(firstLine(files.surveys())).isEqualTo("account_id,date,score,comment");
        assertThat(firstLine(files.invoices())).isEqualTo("account_id,invoice_id,due_date,paid_at,amount,status");
        assertThat(firstLine(files.events())).isEqualTo("account_id,date,type,note");
        assertThat(Files.readAllLines(files.usage())).hasSizeBetween(100_000, 250_001);
    }

    @Test
    void twoRunsWriteTheSameBytes(@TempDir Path other) throws IOException {
        SyntheticCompany company = SyntheticCompany.demo();
        company.writeTo(other);
        DemoSignals.Files again = DemoSignals.writeTo(other, company);
        for (Path[] pair : new Path[][] {{files.tickets(), again.tickets()}, {files.usage(), again.usage()},
                {files.surveys(), again.surveys()}, {files.invoices(), again.invoices()}, {files.events(), again.events()}}) {
            assertThat(Files.mismatch(pair[0], pair[1])).as(pair[0].getFileName().toString()).isEqualTo(-1L);
        }
    }

    @Test
    void noRowAfterTheLastMonthNorBeforeTheFirstPaidOne() throws IOException {
        check(files.tickets(), 1, 2, 3);
        check(files.usage(), 0, 1);
        check(files.surveys(), 0, 1);
        check(files.invoices(), 0, 2, 3);
        check(files.events(), 0, 1);
        for (CSVRecord r : SignalFiles.records(files.tickets())) {
            assertThat(r.get(4)).isIn("low", "normal", "high", "urgent");
            assertThat(r.get(6)).isIn("", "1", "2", "3", "4", "5");
            assertThat(r.get(7)).isIn("true", "false");
        }
        for (CSVRecord r : SignalFiles.records(files.invoices())) {
            assertThat(r.get(5)).isIn("paid", "failed", "overdue", "open");
            assertThat(r.get(3).isEmpty()).isEqualTo(!r.get(5).equals("paid"));
        }
        for (CSVRecord r : SignalFiles.records(files.surveys())) {
            assertThat(Integer.parseInt(r.get(2))).isBetween(0, 10);
        }
    }

    @Test
    void ticketsSpikeBeforeSupportChurnsFarMoreThanAtRetainedAccounts() {
        int spikes = 0;
        int churns = 0;
        for (Churn c : churns()) {
            if (c.reason().equals("support_experience")) {
                churns++;
                spikes += read.ticketSpike(c.account(), c.day() - 90, c.day()) ? 1 : 0;
            }
        }
        SplittableRandom r = new SplittableRandom(7);
        int retained = 0;
        int retainedSpikes = 0;
        for (AccountLife life : read.lives.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
            List<AccountLife.Run> runs = life.runs();
            if (life.everChurned() || runs.isEmpty() || runs.get(0).to() - runs.get(0).from() < 200) {
                continue;
            }
            AccountLife.Run run = runs.get(0);
            int from = run.from() + r.nextInt(run.to() - run.from() - 90);
            retained++;
            retainedSpikes += read.ticketSpike(life.id(), from, from + 90) ? 1 : 0;
        }
        double share = spikes / (double) churns;
        double base = retainedSpikes / (double) retained;
        System.err.printf("ticket spike before support churn: %d/%d = %.2f; retained random 90 days: %d/%d = %.2f%n",
                spikes, churns, share, retainedSpikes, retained, base);
        assertThat(churns).isGreaterThanOrEqualTo(15);
        assertThat(share).isGreaterThan(0.45).isLessThan(0.95).isGreaterThan(3 * base);
    }

    @Test
    void usageFallsBeforeMostButNotAllProductChurns() {
        int falls = 0;
        int churns = 0;
        for (Churn c : churns()) {
            if (PRODUCT.contains(c.reason()) && c.start() <= c.day() - 180) {
                churns++;
                falls += read.uses(c.account(), c.day() - 90, c.day()) < read.uses(c.account(), c.day() - 180, c.day() - 90) ? 1 : 0;
            }
        }
        double share = falls / (double) churns;
        System.err.printf("usage falls before product churn: %d/%d = %.2f%n", falls, churns, share);
        assertThat(churns).isGreaterThanOrEqualTo(40);
        assertThat(share).isBetween(0.55, 0.90);
    }

    @Test
    void fewerFeaturesAreUsedBeforeProductChurnsThanAtRetainedAccounts() {
        // among accounts that used more than one feature: the smallest use dashboards alone
        int narrower = 0;
        int churns = 0;
        for (Churn c : churns()) {
            if (PRODUCT.contains(c.reason()) && c.start() <= c.day() - 180 && read.breadth(c.account(), c.day() - 150, c.day() - 122) > 1) {
                churns++;
                narrower += narrower(c.account(), c.day()) ? 1 : 0;
            }
        }
        int retained = 0;
        int retainedNarrower = 0;
        for (AccountLife life : read.lives.values()) {
            List<AccountLife.Run> runs = life.runs();
            if (!life.everChurned() && runs.size() == 1 && runs.get(0).to() - runs.get(0).from() > 400
                    && read.breadth(life.id(), runs.get(0).to() - 210, runs.get(0).to() - 182) > 1) {
                retained++;
                retainedNarrower += narrower(life.id(), runs.get(0).to() - 60) ? 1 : 0;
            }
        }
        double share = narrower / (double) churns;
        double base = retainedNarrower / (double) retained;
        System.err.printf("fewer features before product churn: %d/%d = %.2f; retained: %d/%d = %.2f%n", narrower, churns, share,
                retainedNarrower, retained, base);
        assertThat(churns).isGreaterThanOrEqualTo(15);
        assertThat(share).isGreaterThan(0.4).isGreaterThan(3 * base);
    }

    /** Fewer distinct features in the last 28 days than in the 28 days, four months earlier. */
    private static boolean narrower(String account, int day) {
        return read.breadth(account, day - 28, day) < read.breadth(account, day - 150, day - 122);
    }

    @Test
    void errorsPerUseRiseBeforeBugChurnsMoreThanBeforeOthers() {
        int rising = 0;
        int bugs = 0;
        int othersRising = 0;
        int others = 0;
        for (Churn c : churns()) {
            if (c.start() <= c.day() - 180) {
                boolean up = read.errorsRising(c.account(), c.day());
                if (c.reason().equals("bugs_reliability")) {
                    bugs++;
                    rising += up ? 1 : 0;
                } else {
                    others++;
                    othersRising += up ? 1 : 0;
                }
            }
        }
        double share = rising / (double) bugs;
        double base = othersRising / (double) others;
        System.err.printf("errors per use rising before bug churn: %d/%d = %.2f; other churns: %d/%d = %.2f%n", rising, bugs, share,
                othersRising, others, base);
        assertThat(share).isGreaterThan(0.4).isGreaterThan(3 * base);
    }

    @Test
    void aFifthOfChurnsOrMoreComeWithoutWarning() {
        List<Churn> all = churns();
        long silent = all.stream().filter(c -> !read.anyWarning(c.account(), c.start(), c.day())).count();
        double share = silent / (double) all.size();
        System.err.printf("churns without warning: %d/%d = %.2f%n", silent, all.size(), share);
        assertThat(share).isBetween(0.20, 0.45);
    }

    /**
     * A simple score (usage decline + ticket spike + failed or overdue invoice) at the start of each
     * month ranks who churns in the next three months, among accounts that paid the six months before
     * (a decline needs a baseline): the usage decline is the last six weeks' weekly uses against the
     * twenty weeks before.
     */
    @Test
    void aSimpleScorePredictsChurnWithAnAucBetweenSixtyFiveAndNinety() {
        List<Double> positives = new ArrayList<>();
        List<Double> negatives = new ArrayList<>();
        for (AccountLife life : read.lives.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
            for (int k = 6; k + 3 < life.months(); k++) {
                boolean established = true;
                for (int j = k - 6; j <= k; j++) {
                    established &= life.mrrCents()[j] > 0;
                }
                if (!established) {
                    continue;
                }
                int t = life.monthStart(k);
                int month = k;
                boolean churns = life.losses().stream().anyMatch(l -> l.churn() && l.month() > month && l.month() <= month + 3);
                double score = recentDecline(life.id(), t) + (read.ticketSpike(life.id(), t - 90, t) ? 0.5 : 0)
                        + (read.badInvoice(life.id(), t - 90, t) ? 0.5 : 0);
                (churns ? positives : negatives).add(score);
            }
        }
        double auc = auc(positives, negatives);
        System.err.printf("AUC of the simple score: %.3f (%d churning, %d not)%n", auc, positives.size(), negatives.size());
        assertThat(positives).hasSizeGreaterThan(300);
        assertThat(auc).isBetween(0.65, 0.90);
    }

    /** The share of weekly usage lost in the six weeks before {@code t} against the twenty before those. */
    static double recentDecline(String account, int t) {
        long prior = read.uses(account, t - 182, t - 42);
        long recent = read.uses(account, t - 42, t);
        return prior == 0 ? 0 : Math.max(0, 1 - recent / 42.0 / (prior / 140.0));
    }

    /** Mann-Whitney: the chance a churning account outscores a staying one, ties counting half, from average ranks. */
    static double auc(List<Double> positives, List<Double> negatives) {
        int n = positives.size() + negatives.size();
        double[][] all = new double[n][];
        for (int i = 0; i < n; i++) {
            all[i] = new double[] {i < positives.size() ? positives.get(i) : negatives.get(i - positives.size()),
                    i < positives.size() ? 1 : 0};
        }
        Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
        double rankSum = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && all[j][0] == all[i][0]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                rankSum += all[k][1] == 1 ? rank : 0;
            }
            i = j;
        }
        double p = positives.size();
        return (rankSum - p * (p + 1) / 2) / (p * negatives.size());
    }

    record Churn(String account, int day, int start, String reason) {
    }

    /** Every churn with the start of the paid run it ends. */
    static List<Churn> churns() {
        List<Churn> out = new ArrayList<>();
        for (AccountLife life : read.lives.values()) {
            for (AccountLife.Loss loss : life.losses()) {
                int day = life.monthStart(loss.month());
                if (loss.churn()) {
                    int start = life.runs().stream().filter(r -> r.to() == day).findFirst().orElseThrow().from();
                    out.add(new Churn(life.id(), day, start, loss.reason() == null ? "" : loss.reason()));
                }
            }
        }
        out.sort((a, b) -> a.account().compareTo(b.account()) != 0 ? a.account().compareTo(b.account()) : Integer.compare(a.day(), b.day()));
        return out;
    }

    /** Every date column is empty or inside the account's paid months and not after the last day. */
    private static void check(Path file, int accountColumn, int... dateColumns) throws IOException {
        for (CSVRecord r : SignalFiles.records(file)) {
            AccountLife life = read.lives.get(r.get(accountColumn));
            assertThat(life).as(r.toString()).isNotNull();
            int firstPaid = life.monthStart(life.firstPaidMonth());
            for (int i = 0; i < dateColumns.length; i++) {
                String d = r.get(dateColumns[i]);
                if (d.isEmpty()) {
                    assertThat(i).as(r.toString()).isPositive(); // only a second date (closed, paid) may be empty
                    continue;
                }
                LocalDate date = LocalDate.parse(d);
                assertThat(date).as(r.toString()).isBeforeOrEqualTo(END);
                assertThat(SignalFiles.day(d)).as(r.toString()).isGreaterThanOrEqualTo(firstPaid);
                if (i == 0) {
                    assertThat(life.mrrOn(SignalFiles.day(d))).as("paying on " + r).isPositive();
                }
            }
        }
    }

    private static String firstLine(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().orElse("");
        }
    }
}
