package dev.nrrbot.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calculations of the published definitions over a {@link Portfolio}. Read top to bottom against
 * NRR-DEFINITIONS: cohort, Start and End, NRR and GRR, movements, contributions, the reason Pareto,
 * tenure of churn and the T12M trend.
 *
 * <p>Over 300 lines: it is the definitions document in code, one section per definition, and reads best in one place.
 */
public final class NrrEngine {

    /** Answers a memoizing engine keeps; an entry is a few hundred bytes, so a full memo stays well under 1 MB. */
    static final int MEMO_ENTRIES = 512;

    private final Portfolio portfolio;
    private final Ledger ledger;
    private final Map<Object, Object> memo;

    /** An engine that computes every answer afresh (the CLI, the engine benchmark, tests). */
    public NrrEngine(Portfolio portfolio) {
        this(portfolio, false);
    }

    private NrrEngine(Portfolio portfolio, boolean memoize) {
        this.portfolio = portfolio;
        this.ledger = portfolio.ledger();
        this.memo = memoize ? java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > MEMO_ENTRIES;
            }
        }) : null;
    }

    /**
     * An engine that remembers its answers (the most recently used {@value #MEMO_ENTRIES}). Every answer is a
     * function of the window, the segment and this snapshot alone, and the snapshot never changes (new data
     * means a new engine), so a remembered answer is exactly what computing it again would give. For the
     * server, where many people ask the same few questions between imports.
     */
    public static NrrEngine memoizing(Portfolio portfolio) {
        return new NrrEngine(portfolio, true);
    }

    private record Key(String what, Object a, Object b, Object c, Object d) {
    }

    /** The remembered answer for {@code key}, or computes it; failures (ReportUnavailable) are not remembered. */
    @SuppressWarnings("unchecked")
    private <T> T remembered(Key key, java.util.function.Supplier<T> compute) {
        if (memo == null) {
            return compute.get();
        }
        Object known = memo.get(key);
        if (known != null) {
            return (T) known;
        }
        T value = compute.get(); // outside the lock: two threads may both compute it once, with the same result
        memo.put(key, value);
        return value;
    }

    public Portfolio portfolio() {
        return portfolio;
    }

    /** The latest month that has data; reports without a window are "as of" it. */
    public YearMonth currentMonth() {
        return ledger.latestMonth().orElseThrow(() -> new ReportUnavailable(
                "There is no revenue data yet. Import a monthly ledger or subscriptions first "
                        + "(" + dev.nrrbot.platform.Launcher.COMMAND + " import mrr FILE), or run the demo."));
    }

    /** The latest month with data, or null when there is none yet. */
    public YearMonth currentMonthOrNull() {
        return ledger.latestMonth().orElse(null);
    }

    public Window window(String text) {
        return Window.parse(text, currentMonth());
    }

    /** The window a person asked for, relative ones read against the latest month with data. */
    public Window window(WindowSpec spec) {
        return spec.resolve(currentMonth());
    }

    /** Refuses a window that needs a month no import covers: zeros there would look like mass churn. */
    public void requireCovered(Window w) {
        currentMonth();
        List<YearMonth> missing = ledger.missingMonths(w.start(), w.end());
        if (!missing.isEmpty()) {
            String have = ledger.earliestMonth().orElseThrow() + " to " + ledger.latestMonth().orElseThrow();
            throw new ReportUnavailable("No NRR for " + w.label() + ": it needs data for " + w.start() + " to "
                    + w.end() + ", and " + (missing.size() == 1 ? "this month has" : "these months have")
                    + " none: " + ReportUnavailable.describe(missing) + ". Data covers " + have
                    + (ledger.coveredMonths().size() == ledger.monthCount() ? "" : " with gaps")
                    + ". Import those months or pick another window.", missing);
        }
    }

    public RetentionReport report(Window w, Segment segment) {
        return remembered(new Key("report", w, segment, null, null), () -> compute(w, segment, List.of()));
    }

    /**
     * A change to the losses for a what-if: the churn and contraction with this reason code (or owned by
     * this function) scaled by {@code percent} (-50 halves them, -100 removes them, 0 changes nothing).
     */
    public record LossChange(String reasonCode, BusinessFunction function, BigDecimal percent) {
        boolean applies(Movement m) {
            if (reasonCode != null) {
                return m.reason() != null && m.reason().code().equals(reasonCode);
            }
            return m.function() == function && m.reason() != null;
        }
    }

    /**
     * The report as if the cohort's losses matching {@code changes} had been different. Several changes
     * combine (a loss matching two is scaled by both). With 0% it equals {@link #report}; with -100% it
     * removes exactly those losses from End and from their functions' contributions.
     */
    public RetentionReport whatIf(Window w, Segment segment, List<LossChange> changes) {
        return compute(w, segment, changes);
    }

    private RetentionReport compute(Window w, Segment segment, List<LossChange> changes) {
        requireCovered(w);
        boolean[] keep = portfolio.mask(segment);
        int s = ledger.monthIndex(w.start());
        int e = ledger.monthIndex(w.end());
        int cohort = 0;
        long start = 0;
        long end = 0;
        long retained = 0;
        long[] byKind = new long[MovementKind.values().length];
        Map<BusinessFunction, long[]> byFunction = new HashMap<>();
        for (int a = 0; a < keep.length; a++) {
            long first = ledger.mrr(a, s);
            if (!keep[a] || first <= 0) {
                continue; // the cohort: accounts paying at the window's start
            }
            long last = ledger.mrr(a, e);
            cohort++;
            for (Movement m : portfolio.movements(a)) {
                int i = ledger.monthIndex(m.month());
                if (i > s && i <= e) {
                    long cents = m.cents();
                    if (m.kind().isLoss() && !changes.isEmpty()) {
                        long changed = scaled(m, changes);
                        last += cents - changed; // a smaller loss leaves more at the end
                        cents = changed;
                    }
                    byKind[m.kind().ordinal()] += cents;
                    long[] f = byFunction.computeIfAbsent(m.function(), k -> new long[2]);
                    f[0] += m.kind().sign() * cents;
                    f[1]++;
                }
            }
            last = Math.max(0, last);
            start += first;
            end += last;
            retained += Math.min(first, last);
        }
        if (cohort == 0) {
            throw new ReportUnavailable("No NRR for " + w.label() + (segment.isAll() ? "" : " (" + segment + ")")
                    + ": no account was paying at the end of " + w.start()
                    + ", so there is no cohort to retain. Pick a later window"
                    + (segment.isAll() ? "." : " or another segment."));
        }
        return new RetentionReport(w, segment, cohort, start, end, retained,
                byKind[MovementKind.EXPANSION.ordinal()], byKind[MovementKind.REACTIVATION.ordinal()],
                byKind[MovementKind.CONTRACTION.ordinal()], byKind[MovementKind.CHURN.ordinal()],
                contributions(byFunction, start));
    }

    /** A loss after the what-if changes that match it, rounded half-even to the cent. */
    private static long scaled(Movement m, List<LossChange> changes) {
        BigDecimal factor = BigDecimal.ONE;
        for (LossChange c : changes) {
            if (c.applies(m)) {
                factor = factor.multiply(BigDecimal.ONE.add(c.percent().movePointLeft(2)));
            }
        }
        return BigDecimal.valueOf(m.cents()).multiply(factor).setScale(0, RoundingMode.HALF_EVEN).max(BigDecimal.ZERO).longValueExact();
    }

    /** Every function with a movement plus unattributed, ranked by points, rounded to add up. */
    private static List<Contribution> contributions(Map<BusinessFunction, long[]> byFunction, long start) {
        byFunction.computeIfAbsent(null, k -> new long[2]);
        List<BusinessFunction> functions = new ArrayList<>(byFunction.keySet());
        functions.sort(Comparator.comparing(f -> f == null ? Integer.MAX_VALUE : f.ordinal()));
        List<Long> amounts = functions.stream().map(f -> byFunction.get(f)[0]).toList();
        List<BigDecimal> points = LargestRemainder.points(amounts, start, RetentionReport.POINT_DECIMALS);
        List<Contribution> out = new ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            BusinessFunction f = functions.get(i);
            out.add(new Contribution(f, amounts.get(i), (int) byFunction.get(f)[1], points.get(i)));
        }
        out.sort(Comparator.comparingLong(Contribution::signedCents).reversed()
                .thenComparing(c -> c.function() == null ? Integer.MAX_VALUE : c.function().ordinal()));
        return out;
    }

    /** A function's contribution in a window, with the codes behind it, largest effect first. */
    public FunctionDetail functionDetail(Window w, Segment segment, BusinessFunction function) {
        return remembered(new Key("function", w, segment, function, null), () -> computeFunctionDetail(w, segment, function));
    }

    private FunctionDetail computeFunctionDetail(Window w, Segment segment, BusinessFunction function) {
        RetentionReport report = report(w, segment);
        boolean[] keep = portfolio.mask(segment);
        int s = ledger.monthIndex(w.start());
        int e = ledger.monthIndex(w.end());
        Map<ReasonCode, long[]> byCode = new HashMap<>();
        long[] all = new long[4]; // accounts with any of the function's movements, counted as codes are
        for (int a = 0; a < keep.length; a++) {
            if (!keep[a] || ledger.mrr(a, s) <= 0) {
                continue;
            }
            for (Movement m : portfolio.movements(a)) {
                int i = ledger.monthIndex(m.month());
                if (i > s && i <= e && m.reason() != null && m.function() == function) {
                    long[] x = byCode.computeIfAbsent(m.reason(), k -> new long[4]);
                    x[0] += m.signedCents();
                    x[1]++;
                    countAccount(x, a);
                    countAccount(all, a);
                }
            }
        }
        List<FunctionDetail.CodeAmount> codes = new ArrayList<>();
        byCode.forEach((code, x) -> codes.add(new FunctionDetail.CodeAmount(code, x[0], (int) x[1], (int) x[2])));
        codes.sort(Comparator.comparingLong((FunctionDetail.CodeAmount c) -> Math.abs(c.signedCents())).reversed()
                .thenComparing(c -> c.code().code()));
        Contribution contribution = report.contributions().stream().filter(c -> c.function() == function).findFirst()
                .orElse(new Contribution(function, 0, 0, BigDecimal.ZERO.setScale(RetentionReport.POINT_DECIMALS)));
        return new FunctionDetail(report, function, contribution, codes, (int) all[2]);
    }

    /**
     * Counts account {@code a} once in {@code x[2]}, with {@code x[3]} holding the last account counted
     * plus one: the loops visit each account's movements together, so a repeat is always the last one.
     */
    private static void countAccount(long[] x, int a) {
        if (x[3] != a + 1L) {
            x[2]++;
            x[3] = a + 1L;
        }
    }

    /** A function's T12M contribution in points as of each month that has one, oldest first. */
    public List<Map.Entry<YearMonth, BigDecimal>> contributionTrend(BusinessFunction function, Segment segment, int months) {
        List<Map.Entry<YearMonth, BigDecimal>> out = new ArrayList<>();
        YearMonth to = currentMonth();
        for (YearMonth m = to.minusMonths(months - 1L); !m.isAfter(to); m = m.plusMonths(1)) {
            Window w = Window.trailing12(m);
            if (!ledger.missingMonths(w.start(), w.end()).isEmpty()) {
                continue;
            }
            try {
                RetentionReport r = report(w, segment);
                BigDecimal points = r.contributions().stream().filter(c -> c.function() == function)
                        .map(Contribution::points).findFirst().orElse(BigDecimal.ZERO.setScale(RetentionReport.POINT_DECIMALS));
                out.add(Map.entry(m, points));
            } catch (ReportUnavailable e) {
                // no cohort that month: no point
            }
        }
        return out;
    }

    public ReasonPareto pareto(Window w, Segment segment) {
        return remembered(new Key("pareto", w, segment, null, null), () -> computePareto(w, segment));
    }

    private ReasonPareto computePareto(Window w, Segment segment) {
        requireCovered(w);
        boolean[] keep = portfolio.mask(segment);
        int s = ledger.monthIndex(w.start());
        int e = ledger.monthIndex(w.end());
        Map<String, long[]> byReason = new LinkedHashMap<>();
        Map<Tenure, long[]> byTenure = new EnumMap<>(Tenure.class);
        long total = 0;
        for (int a = 0; a < keep.length; a++) {
            if (!keep[a]) {
                continue;
            }
            for (Movement m : portfolio.movements(a)) {
                int i = ledger.monthIndex(m.month());
                if (i <= s || i > e || !m.kind().isLoss()) {
                    continue;
                }
                String key = m.reason() == null ? ReasonTaxonomy.UNEXPLAINED : m.reason().code();
                long[] r = byReason.computeIfAbsent(key, k -> new long[4]);
                r[0] += m.cents();
                r[1]++;
                countAccount(r, a);
                total += m.cents();
                if (m.kind() == MovementKind.CHURN) {
                    long[] t = byTenure.computeIfAbsent(Tenure.ofMonths(i - portfolio.firstPaidMonth(a)), k -> new long[2]);
                    t[0]++;
                    t[1] += m.cents();
                }
            }
        }
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(byReason.entrySet());
        sorted.sort(Comparator.comparingLong((Map.Entry<String, long[]> x) -> x.getValue()[0]).reversed()
                .thenComparing(Comparator.comparingLong((Map.Entry<String, long[]> x) -> x.getValue()[1]).reversed())
                .thenComparing(Map.Entry::getKey));
        List<ReasonPareto.Row> rows = new ArrayList<>();
        List<String> vitalFew = new ArrayList<>();
        long cumulative = 0;
        boolean reached = false;
        for (Map.Entry<String, long[]> x : sorted) {
            long lost = x.getValue()[0];
            cumulative += lost;
            ReasonCode code = portfolio.taxonomy().byCode(x.getKey()).orElse(null);
            String label = code == null ? "No reason recorded" : code.label();
            rows.add(new ReasonPareto.Row(x.getKey(), label, code == null ? null : code.function(), lost,
                    (int) x.getValue()[1], fraction(lost, total), fraction(cumulative, total), (int) x.getValue()[2]));
            if (!reached) {
                vitalFew.add(x.getKey());
                reached = cumulative * 100 >= total * 80; // the shortest prefix reaching 80%
            }
        }
        long unexplained = byReason.getOrDefault(ReasonTaxonomy.UNEXPLAINED, new long[4])[0];
        List<ReasonPareto.TenureBucket> tenure = new ArrayList<>();
        for (Tenure t : Tenure.values()) {
            long[] v = byTenure.getOrDefault(t, new long[2]);
            tenure.add(new ReasonPareto.TenureBucket(t, (int) v[0], v[1]));
        }
        return new ReasonPareto(w, segment, rows, total, unexplained, unmatchedIn(w, segment), vitalFew, tenure);
    }

    private int unmatchedIn(Window w, Segment segment) {
        int n = 0;
        for (ReasonRecord r : portfolio.unmatchedRecords()) {
            YearMonth m = YearMonth.from(r.date());
            boolean inSlice = segment.isAll() || portfolio.account(r.accountId()).map(segment::matches).orElse(false);
            if (m.isAfter(w.start()) && !m.isAfter(w.end()) && inSlice) {
                n++;
            }
        }
        return n;
    }

    private static BigDecimal fraction(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }

    /**
     * T12M NRR as of each month from {@code from} to {@code to}. With {@code strict}, a month whose
     * window lacks data is an error; otherwise such months are left out.
     */
    public List<TrendPoint> trend(YearMonth from, YearMonth to, Segment segment, boolean strict) {
        if (memo == null) {
            return computeTrend(from, to, segment, strict);
        }
        return remembered(new Key("trend", from, to, segment, strict), () -> List.copyOf(computeTrend(from, to, segment, strict)));
    }

    private List<TrendPoint> computeTrend(YearMonth from, YearMonth to, Segment segment, boolean strict) {
        boolean[] keep = portfolio.mask(segment);
        List<TrendPoint> points = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Window w = Window.trailing12(m);
            if (!ledger.missingMonths(w.start(), w.end()).isEmpty()) {
                if (strict) {
                    requireCovered(w);
                }
                continue;
            }
            int s = ledger.monthIndex(w.start());
            int e = ledger.monthIndex(w.end());
            long start = 0;
            long end = 0;
            long retained = 0;
            for (int a = 0; a < keep.length; a++) {
                long first = ledger.mrr(a, s);
                if (keep[a] && first > 0) {
                    long last = ledger.mrr(a, e);
                    start += first;
                    end += last;
                    retained += Math.min(first, last);
                }
            }
            if (start > 0) {
                points.add(new TrendPoint(m, ratio(end, start), ratio(retained, start), start, end));
            }
        }
        if (points.isEmpty()) {
            throw new ReportUnavailable("No T12M trend" + (segment.isAll() ? "" : " for " + segment)
                    + " between " + from + " and " + to + ": a point needs 13 months of data in a row"
                    + " (the month and the 12 before it) and a paying cohort. Data covers "
                    + ledger.earliestMonth().map(YearMonth::toString).orElse("nothing") + " to "
                    + ledger.latestMonth().map(YearMonth::toString).orElse("nothing") + ".");
        }
        return points;
    }

    /** The default trend: the last 24 months (or fewer) that have a T12M NRR. */
    public List<TrendPoint> trend(Segment segment) {
        YearMonth to = currentMonth();
        YearMonth from = ledger.earliestMonth().orElseThrow().plusMonths(12);
        if (from.isBefore(to.minusMonths(23))) {
            from = to.minusMonths(23);
        }
        if (from.isAfter(to)) {
            from = to;
        }
        return trend(from, to, segment, false);
    }

    private static BigDecimal ratio(long num, long den) {
        return BigDecimal.valueOf(num).divide(BigDecimal.valueOf(den), 6, RoundingMode.HALF_EVEN);
    }
}
