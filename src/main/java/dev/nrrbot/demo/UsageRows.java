package dev.nrrbot.demo;

import dev.nrrbot.demo.Episode.Kind;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Weekly product usage: one row per account, week (its Monday) and feature used. Bigger accounts use
 * more features and more of each; usage ramps up after a go-live, follows the MRR, and falls (losing
 * its least used features first) in a decline.
 */
final class UsageRows {

    static final String[] FEATURES = {"dashboards", "reports", "alerts", "exports", "api", "integrations", "automations", "sso"};
    /** Uses a week per unit of account size. */
    private static final double[] WEEKLY = {14, 5, 7, 2, 120, 9, 11, 4};
    /** Seconds a use takes. */
    private static final double[] SECONDS = {75, 210, 20, 45, 0.4, 30, 5, 8};

    static final String HEADER = "account_id,date,feature,count,duration_seconds,errors";

    private final PlainCsv out;
    /** Mondays' dates as text, by epoch day: every account shares the same few hundred weeks. */
    private final java.util.Map<Integer, String> mondays = new java.util.HashMap<>();

    UsageRows(PlainCsv out) {
        this.out = out;
    }

    void write(AccountLife life, Story story, SplittableRandom r) throws IOException {
        int firstPaid = life.firstPaidMonth();
        if (firstPaid < 0) {
            return;
        }
        int[] features = featuresOf(life.mrrCents()[firstPaid], r);
        double errorRate = Story.between(r, 0.002, 0.008);
        boolean isNew = firstPaid > 0;
        List<Episode> episodes = story.episodes();
        for (AccountLife.Run run : life.runs()) {
            int monday = firstMondayFrom(run.from());
            for (int week = monday; week < run.to(); week += 7) {
                double level = level(episodes, week, isNew && run.firstMonth() == firstPaid ? (week - run.from()) / 7.0 : 99);
                double errors = errorRate * errorFactor(episodes, week);
                double size = Math.sqrt(life.mrrOn(week) / 5_000.0);
                String date = mondays.computeIfAbsent(week, w -> LocalDate.ofEpochDay(w).toString());
                for (int p = 0; p < features.length; p++) {
                    // the least used features go first as usage falls: breadth narrows before a churn
                    boolean dropped = p > 0 && level < 0.5 + 0.08 * p;
                    if (dropped || (p > 0 && r.nextInt(20) == 0)) {
                        continue;
                    }
                    int f = features[p];
                    double noise = Math.exp(0.12 * r.nextGaussian());
                    long count = Math.round(WEEKLY[f] * size * level * noise / (1 + 0.35 * p));
                    if (count <= 0) {
                        continue;
                    }
                    long seconds = Math.round(count * SECONDS[f] * Story.between(r, 0.8, 1.2));
                    long errs = (long) Math.floor(count * errors + r.nextDouble());
                    out.add(life.id()).add(date).add(FEATURES[f]).add(count).add(seconds).add(errs).end();
                }
            }
        }
    }

    /** The features an account uses, most used first; always dashboards, then more the bigger it is. */
    private static int[] featuresOf(long mrrCents, SplittableRandom r) {
        int k = mrrCents < 50_000 ? 1 + (r.nextInt(100) < 35 ? 1 : 0)
                : mrrCents < 400_000 ? 2 + r.nextInt(2) : 3 + r.nextInt(3);
        int[] pool = {1, 2, 3, 4, 5, 6, 7};
        for (int i = pool.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] out = new int[k];
        System.arraycopy(pool, 0, out, 1, k - 1);
        return out;
    }

    /** How much of its normal usage the account shows that week. */
    static double level(List<Episode> episodes, int day, double weeksIn) {
        double level = weeksIn < 8 ? 0.5 + 0.5 * weeksIn / 8 : 1;
        for (Episode e : episodes) {
            double x = e.progress(day);
            if (x < 0) {
                continue;
            }
            switch (e.kind()) {
                case POOR_START -> level = 0.4 - 0.25 * x;
                case DECLINE -> level *= 1 - e.strength() * x;
                case DIP -> level *= 1 - e.strength() * (1 - Math.abs(2 * x - 1));
                default -> {
                }
            }
        }
        return level;
    }

    private static double errorFactor(List<Episode> episodes, int day) {
        double factor = 1;
        for (Episode e : episodes) {
            double x = e.progress(day);
            if (x >= 0 && e.kind() == Kind.ERRORS) {
                factor *= 1 + 9 * e.strength() * x;
            }
        }
        return factor;
    }

    private static int firstMondayFrom(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        int shift = (DayOfWeek.MONDAY.getValue() - d.getDayOfWeek().getValue() + 7) % 7;
        return epochDay + shift;
    }
}
