package dev.nrrbot.signals;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One account's product usage, kept per day and feature (as imported: millions of events fold into a
 * row per account, day and feature), sorted by day. Arrays, not objects: 5 million rows stay small.
 */
public final class UsageSeries {

    public static final UsageSeries EMPTY = new UsageSeries(new int[0], new int[0], new long[0], new long[0]);

    private final int[] days; // epoch days, ascending
    private final int[] features; // ids in the book's feature list
    private final long[] counts;
    private final long[] errors;

    UsageSeries(int[] days, int[] features, long[] counts, long[] errors) {
        this.days = days;
        this.features = features;
        this.counts = counts;
        this.errors = errors;
    }

    public boolean isEmpty() {
        return days.length == 0;
    }

    public int rows() {
        return days.length;
    }

    /** The first day with any usage, or null. */
    public LocalDate firstDay() {
        return days.length == 0 ? null : LocalDate.ofEpochDay(days[0]);
    }

    /** Uses, errors and distinct features over the days after {@code from} up to and including {@code to}. */
    public Totals between(LocalDate from, LocalDate to) {
        return sum(firstAfter(from.toEpochDay()), firstAfter(to.toEpochDay()));
    }

    /** The first index whose day is after {@code epochDay}. */
    private int firstAfter(long epochDay) {
        int i = Arrays.binarySearch(days, (int) Math.min(Integer.MAX_VALUE, epochDay + 1));
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && days[i - 1] == days[i]) {
            i--;
        }
        return i;
    }

    /** Usage over a span of days. */
    public record Totals(long uses, long errors, int features) {
    }

    /** The last {@code days} days to {@code end} and the {@code days} before them, in one pass: what the score reads. */
    public record Halves(Totals recent, Totals prior) {
    }

    public Halves halves(LocalDate end, int days) {
        long e = end.toEpochDay();
        int lo = firstAfter(e - 2L * days);
        int mid = firstAfter(e - days);
        int hi = firstAfter(e);
        return new Halves(sum(mid, hi), sum(lo, mid));
    }

    private Totals sum(int lo, int hi) {
        long uses = 0;
        long errs = 0;
        long small = 0; // features 0-63 as bits: no allocation in the common case
        java.util.BitSet more = null;
        for (int i = lo; i < hi; i++) {
            uses += counts[i];
            errs += errors[i];
            int f = features[i];
            if (f < 64) {
                small |= 1L << f;
            } else {
                if (more == null) {
                    more = new java.util.BitSet();
                }
                more.set(f);
            }
        }
        return new Totals(uses, errs, Long.bitCount(small) + (more == null ? 0 : more.cardinality()));
    }

    /** Collects one account's rows in any order. */
    static final class Builder {
        private int n;
        private int[] days = new int[8];
        private int[] features = new int[8];
        private long[] counts = new long[8];
        private long[] errors = new long[8];

        void add(int epochDay, int feature, long count, long errorCount) {
            if (n == days.length) {
                int size = n * 2;
                days = Arrays.copyOf(days, size);
                features = Arrays.copyOf(features, size);
                counts = Arrays.copyOf(counts, size);
                errors = Arrays.copyOf(errors, size);
            }
            days[n] = epochDay;
            features[n] = feature;
            counts[n] = count;
            errors[n] = errorCount;
            n++;
        }

        UsageSeries build() {
            Integer[] order = new Integer[n];
            boolean sorted = true;
            for (int i = 0; i < n; i++) {
                order[i] = i;
                sorted &= i == 0 || days[i - 1] <= days[i];
            }
            if (!sorted) {
                Arrays.sort(order, (a, b) -> Integer.compare(days[a], days[b]));
            }
            int[] d = new int[n];
            int[] f = new int[n];
            long[] c = new long[n];
            long[] e = new long[n];
            for (int i = 0; i < n; i++) {
                d[i] = days[order[i]];
                f[i] = features[order[i]];
                c[i] = counts[order[i]];
                e[i] = errors[order[i]];
            }
            return new UsageSeries(d, f, c, e);
        }
    }
}
