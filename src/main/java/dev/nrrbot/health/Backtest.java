package dev.nrrbot.health;

import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Movement;
import dev.nrrbot.metrics.MovementKind;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.signals.SignalBook;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether the score predicts, on the company's own history: every account paying at the end of each
 * past month is scored with only what was known then, and compared with what happened in the next
 * 90 days (churn, or a fall of MRR by more than the loss share). The figures: the AUC (the chance a
 * lost account scored below a kept one), the lost ARR caught in the riskiest tenth, the lift there,
 * the same per component, the loss rate per band (what the forecast weighs at-risk ARR by), and, for
 * churns with a reason, which component was weakest before and how far ahead.
 */
public final class Backtest {

    /** Below this AUC the score is no better than a guess for this company: the bot says so. */
    public static final double PREDICTS_FROM = 0.6;
    /** Fewer months or losses than these are too little history to tell. */
    static final int MIN_MONTHS = 6;
    static final int MIN_LOSSES = 10;
    /** Months scored at most. */
    public static final int MONTHS = 24;

    public enum Verdict {
        PREDICTS, DOES_NOT_PREDICT, TOO_LITTLE_HISTORY
    }

    /** How one component alone ranks the accounts; {@code scored} observations had its input. */
    public record ComponentResult(HealthComponent component, int scored, double auc) {
    }

    /** What happened next to the accounts in a band: the share lost, by count and by ARR. */
    public record BandRate(HealthBand band, int observations, int losses, long arrCents, long lostCents) {
        public double lossRate() {
            return observations == 0 ? 0 : losses / (double) observations;
        }

        public double lostArrShare() {
            return arrCents == 0 ? 0 : lostCents / (double) arrCents;
        }
    }

    /** For churns with one reason: the component most often weakest just before, and how far ahead it showed. */
    public record ReasonLead(String reasonCode, int churns, HealthComponent component, int weakestIn, int sixtyDaysIn,
                             int noWarning) {
    }

    public record Result(YearMonth from, YearMonth to, int months, int observations, int losses, long lostCents,
                         double auc, double decileLostShare, double lift, List<ComponentResult> components,
                         Map<HealthBand, BandRate> bands, List<ReasonLead> reasons, Verdict verdict) {
    }

    private Backtest() {
    }

    public static Result run(Portfolio p, SignalBook book, HealthModel model) {
        Ledger l = p.ledger();
        int last = l.latestMonth().map(l::monthIndex).orElse(-1) - 3;
        List<Integer> months = new ArrayList<>();
        for (int m = last; m >= 0 && months.size() < MONTHS; m--) {
            if (l.isCovered(m) && l.isCovered(m + 1) && l.isCovered(m + 2) && l.isCovered(m + 3)) {
                months.add(0, m);
            }
        }
        HealthComponent[] comps = HealthComponent.values();
        // per month, per account: health, each component's score (0-100, -1 missing), the outcome
        List<long[][]> perMonth = months.parallelStream().map(m -> scoreMonth(p, book, model, m)).toList();
        long[] pos = new long[101];
        long[] neg = new long[101];
        long[] lostAt = new long[101];
        long[][] cPos = new long[comps.length][101];
        long[][] cNeg = new long[comps.length][101];
        Map<HealthBand, long[]> band = new EnumMap<>(HealthBand.class);
        for (HealthBand b : HealthBand.values()) {
            band.put(b, new long[4]);
        }
        int observations = 0;
        int losses = 0;
        long lost = 0;
        for (long[][] rows : perMonth) {
            for (long[] r : rows) {
                int h = (int) r[0];
                boolean bad = r[1] == 1;
                long arr = r[2] * 12;
                long lostArr = r[3] * 12;
                observations++;
                (bad ? pos : neg)[h]++;
                lostAt[h] += lostArr;
                if (bad) {
                    losses++;
                    lost += lostArr;
                }
                long[] bt = band.get(model.band(h));
                bt[0]++;
                bt[1] += bad ? 1 : 0;
                bt[2] += arr;
                bt[3] += lostArr;
                for (int c = 0; c < comps.length; c++) {
                    int s = (int) r[4 + c];
                    if (s >= 0) {
                        (bad ? cPos[c] : cNeg[c])[s]++;
                    }
                }
            }
        }
        List<ComponentResult> components = new ArrayList<>();
        for (int c = 0; c < comps.length; c++) {
            int scored = (int) (sum(cPos[c]) + sum(cNeg[c]));
            components.add(new ComponentResult(comps[c], scored, auc(cPos[c], cNeg[c])));
        }
        double auc = auc(pos, neg);
        // the riskiest tenth: the lowest scores first; the share of a tied score at the edge is taken pro rata
        double want = observations / 10.0;
        double taken = 0;
        double caughtLost = 0;
        double caughtBad = 0;
        for (int h = 0; h <= 100 && taken < want; h++) {
            long here = pos[h] + neg[h];
            if (here == 0) {
                continue;
            }
            double share = Math.min(1, (want - taken) / here);
            taken += here * share;
            caughtLost += lostAt[h] * share;
            caughtBad += pos[h] * share;
        }
        double decileShare = lost == 0 ? 0 : caughtLost / lost;
        double lift = losses == 0 || taken == 0 ? 0 : (caughtBad / taken) / (losses / (double) observations);
        Map<HealthBand, BandRate> bands = new LinkedHashMap<>();
        band.forEach((b, t) -> bands.put(b, new BandRate(b, (int) t[0], (int) t[1], t[2], t[3])));
        Verdict verdict = months.size() < MIN_MONTHS || losses < MIN_LOSSES ? Verdict.TOO_LITTLE_HISTORY
                : auc >= PREDICTS_FROM ? Verdict.PREDICTS : Verdict.DOES_NOT_PREDICT;
        YearMonth from = months.isEmpty() ? null : l.month(months.get(0));
        YearMonth to = months.isEmpty() ? null : l.month(months.get(months.size() - 1));
        return new Result(from, to, months.size(), observations, losses, lost, auc, decileShare, lift, List.copyOf(components),
                bands, reasons(p, book, model, months), verdict);
    }

    private static long sum(long[] xs) {
        long s = 0;
        for (long x : xs) {
            s += x;
        }
        return s;
    }

    /** Rows of [health, lost?, mrr, mrr lost, component scores...] for every account paying at the end of month {@code m}. */
    private static long[][] scoreMonth(Portfolio p, SignalBook book, HealthModel model, int m) {
        Ledger l = p.ledger();
        LocalDate day = l.month(m).atEndOfMonth();
        HealthComponent[] comps = HealthComponent.values();
        List<long[]> rows = new ArrayList<>();
        for (int a = 0; a < l.accountCount(); a++) {
            long now = l.mrr(a, m);
            if (now <= 0) {
                continue;
            }
            long low = Math.min(l.mrr(a, m + 1), Math.min(l.mrr(a, m + 2), l.mrr(a, m + 3)));
            boolean bad = low < now * (100 - model.lossShare()) / 100.0;
            HealthScore s = Checkup.score(p, book, model, day, false, a, m);
            long[] r = new long[4 + comps.length];
            r[0] = s.health();
            r[1] = bad ? 1 : 0;
            r[2] = now;
            r[3] = bad ? now - low : 0;
            java.util.Arrays.fill(r, 4, r.length, -1L);
            for (ComponentScore c : s.parts()) {
                r[4 + c.component().ordinal()] = c.score100();
            }
            rows.add(r);
        }
        return rows.toArray(new long[0][]);
    }

    /**
     * The AUC from score histograms (0-100), lower scores riskier: the chance that a lost account
     * scored below a kept one, ties counting half. 0.5 when either side is empty.
     */
    static double auc(long[] lostAt, long[] keptAt) {
        double pairs = 0;
        long keptAbove = 0;
        long lostTotal = 0;
        long keptTotal = 0;
        for (int h = 100; h >= 0; h--) {
            pairs += lostAt[h] * (keptAbove + keptAt[h] / 2.0);
            keptAbove += keptAt[h];
            lostTotal += lostAt[h];
            keptTotal += keptAt[h];
        }
        return lostTotal == 0 || keptTotal == 0 ? 0.5 : pairs / ((double) lostTotal * keptTotal);
    }

    /** For each reason with churns in the scored months: the weakest component at the end of the month before, and how long it had been below its threshold. */
    private static List<ReasonLead> reasons(Portfolio p, SignalBook book, HealthModel model, List<Integer> months) {
        if (months.isEmpty()) {
            return List.of();
        }
        Ledger l = p.ledger();
        int first = months.get(0) + 1;
        int last = months.get(months.size() - 1) + 3;
        Map<String, List<HealthComponent>> weakest = new TreeMap<>();
        Map<String, List<Integer>> leads = new TreeMap<>();
        for (int a = 0; a < l.accountCount(); a++) {
            for (Movement mv : p.movements(a)) {
                int c = l.monthIndex(mv.month());
                if (mv.kind() != MovementKind.CHURN || mv.reason() == null || c < first || c > last || c < 1) {
                    continue;
                }
                HealthScore before = Checkup.score(p, book, model, l.month(c - 1).atEndOfMonth(), false, a, c - 1);
                HealthComponent w = before.weakest().filter(x -> x.score100() < model.threshold(x.component()))
                        .map(ComponentScore::component).orElse(null);
                int lead = 0;
                if (w != null) {
                    lead = 1;
                    for (int k = 2; k <= 3 && c - k >= 0 && l.mrr(a, c - k) > 0; k++) {
                        HealthScore earlier = Checkup.score(p, book, model, l.month(c - k).atEndOfMonth(), false, a, c - k);
                        int s = earlier.part(w).map(ComponentScore::score100).orElse(-1);
                        if (s < 0 || s >= model.threshold(w)) {
                            break;
                        }
                        lead = k;
                    }
                }
                weakest.computeIfAbsent(mv.reason().code(), k -> new ArrayList<>()).add(w);
                leads.computeIfAbsent(mv.reason().code(), k -> new ArrayList<>()).add(lead);
            }
        }
        List<ReasonLead> out = new ArrayList<>();
        weakest.forEach((code, ws) -> {
            Map<HealthComponent, Integer> count = new EnumMap<>(HealthComponent.class);
            ws.stream().filter(java.util.Objects::nonNull).forEach(w -> count.merge(w, 1, Integer::sum));
            HealthComponent top = count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            List<Integer> ls = leads.get(code);
            int sixty = 0;
            int none = 0;
            for (int i = 0; i < ws.size(); i++) {
                if (ws.get(i) == null) {
                    none++;
                } else if (ws.get(i) == top && ls.get(i) >= 3) {
                    sixty++;
                }
            }
            out.add(new ReasonLead(code, ws.size(), top, top == null ? 0 : count.get(top), sixty, none));
        });
        out.sort((x, y) -> Integer.compare(y.churns(), x.churns()));
        return out;
    }
}
