package dev.nrrbot.health;

import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.signals.SignalBook;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The health of every account that pays on one day, with what the company view shows: accounts and
 * ARR per band, the at-risk ARR each function holds (through the component that cost each at-risk
 * account the most points), and the biggest falls since 30 days before.
 */
public final class Checkup {

    /** Accounts and ARR (cents) in one band, or held by one function. */
    public record Tally(int accounts, long arrCents) {
        Tally plus(long arr) {
            return new Tally(accounts + 1, arrCents + arr);
        }
    }

    /** An account whose health fell. */
    public record Mover(HealthScore now, int before, long arrCents) {
        public int change() {
            return now.health() - before;
        }
    }

    private final LocalDate asOf;
    private final List<HealthScore> scores;
    private final Map<String, HealthScore> byAccount;
    private final Map<String, Long> arr;
    private final Map<String, HealthScore> before;

    private Checkup(LocalDate asOf, List<HealthScore> scores, Map<String, Long> arr, Map<String, HealthScore> before) {
        this.asOf = asOf;
        this.scores = scores;
        this.arr = arr;
        this.before = before;
        this.byAccount = new HashMap<>();
        scores.forEach(s -> byAccount.put(s.accountId(), s));
    }

    /**
     * The day the company view is for: the last day of the latest month loaded (signals after it wait
     * for its revenue), or {@code today} when that month is still running.
     */
    public static Optional<LocalDate> latestDay(Portfolio p, LocalDate today) {
        return p.latestMonth().map(m -> m.atEndOfMonth().isAfter(today) && !today.isBefore(m.atDay(1)) ? today : m.atEndOfMonth());
    }

    /** Scores every account paying on {@code asOf}, and again 30 days before for the movers. */
    public static Checkup of(Portfolio p, SignalBook book, HealthModel model, LocalDate asOf) {
        List<HealthScore> scores = scoreAll(p, book, model, asOf, true);
        Map<String, Long> arr = new HashMap<>();
        Ledger l = p.ledger();
        int m = l.monthIndex(YearMonth.from(asOf));
        for (HealthScore s : scores) {
            arr.put(s.accountId(), l.mrr(l.indexOf(s.accountId()).orElseThrow(), m) * 12);
        }
        Map<String, HealthScore> before = new HashMap<>();
        LocalDate earlier = asOf.minusDays(30);
        if (l.monthIndex(YearMonth.from(earlier)) >= 0) {
            for (HealthScore s : scoreAll(p, book, model, earlier, true)) {
                before.put(s.accountId(), s);
            }
        }
        return new Checkup(asOf, scores, arr, before);
    }

    /**
     * Every account paying on {@code day}, scored with what was known then.
     *
     * @param live whether {@code day} is today's view: renewal dates are known for it alone (the
     *             accounts file holds the next renewal, not the past ones)
     */
    public static List<HealthScore> scoreAll(Portfolio p, SignalBook book, HealthModel model, LocalDate day, boolean live) {
        Ledger l = p.ledger();
        int m = l.monthIndex(YearMonth.from(day));
        if (m < 0 || m >= l.monthCount() || !l.isCovered(m)) {
            return List.of();
        }
        List<HealthScore> out = new ArrayList<>();
        for (int a = 0; a < l.accountCount(); a++) {
            long now = l.mrr(a, m);
            if (now <= 0) {
                continue;
            }
            out.add(score(p, book, model, day, live, a, m));
        }
        return out;
    }

    /** One account (ledger index {@code a}) on {@code day} (in ledger month {@code m}). */
    static HealthScore score(Portfolio p, SignalBook book, HealthModel model, LocalDate day, boolean live, int a, int m) {
        Ledger l = p.ledger();
        String id = l.accountId(a);
        long mrrBefore = m >= 3 && l.isCovered(m - 3) ? l.mrr(a, m - 3) : -1;
        LocalDate renewal = null;
        if (live) {
            renewal = p.account(id).map(Account::renewalDate).orElse(null);
        }
        Signals in = new Signals(book, book.of(id), day, l.mrr(a, m), mrrBefore == 0 ? -1 : mrrBefore, renewal);
        return HealthScorer.score(id, in, model);
    }

    /** One account on {@code day}, if it pays then. */
    public static Optional<HealthScore> account(Portfolio p, SignalBook book, HealthModel model, LocalDate day, String accountId) {
        Ledger l = p.ledger();
        int m = l.monthIndex(YearMonth.from(day));
        Optional<Integer> a = l.indexOf(accountId);
        if (a.isEmpty() || m < 0 || m >= l.monthCount() || !l.isCovered(m) || l.mrr(a.get(), m) <= 0) {
            return Optional.empty();
        }
        LocalDate latest = p.latestMonth().map(YearMonth::atEndOfMonth).orElse(day);
        return Optional.of(score(p, book, model, day, !day.isBefore(latest.withDayOfMonth(1)), a.get(), m));
    }

    public LocalDate asOf() {
        return asOf;
    }

    public List<HealthScore> scores() {
        return scores;
    }

    public Optional<HealthScore> of(String accountId) {
        return Optional.ofNullable(byAccount.get(accountId));
    }

    public long arrCents(String accountId) {
        return arr.getOrDefault(accountId, 0L);
    }

    public Optional<Integer> before(String accountId) {
        return scoreBefore(accountId).map(HealthScore::health);
    }

    /** The account's score 30 days before, as the movers read it (what the automatic flags compare with). */
    public Optional<HealthScore> scoreBefore(String accountId) {
        return Optional.ofNullable(before.get(accountId));
    }

    public Map<HealthBand, Tally> bands() {
        Map<HealthBand, Tally> out = new EnumMap<>(HealthBand.class);
        for (HealthBand b : HealthBand.values()) {
            out.put(b, new Tally(0, 0));
        }
        for (HealthScore s : scores) {
            out.merge(s.band(), new Tally(1, arrCents(s.accountId())), (x, y) -> x.plus(y.arrCents()));
        }
        return out;
    }

    /** At-risk ARR per function: each at-risk account counts once, for the owner of its weakest component. */
    public Map<BusinessFunction, Tally> atRiskByFunction() {
        Map<BusinessFunction, Tally> out = new EnumMap<>(BusinessFunction.class);
        for (HealthScore s : scores) {
            if (s.band() == HealthBand.AT_RISK) {
                s.weakest().ifPresent(w -> out.merge(w.owner(), new Tally(1, arrCents(s.accountId())), (x, y) -> x.plus(y.arrCents())));
            }
        }
        return out;
    }

    /** The accounts whose weakest component {@code f} owns, lowest health first, then by ARR. */
    public List<HealthScore> weakestHeldBy(BusinessFunction f) {
        return scores.stream().filter(s -> s.weakest().map(w -> w.owner() == f).orElse(false))
                .sorted(Comparator.comparingInt(HealthScore::health).thenComparing(s -> -arrCents(s.accountId())))
                .toList();
    }

    /** Health that fell most since 30 days before, largest fall first; only falls. */
    public List<Mover> moversDown(int limit) {
        List<Mover> out = new ArrayList<>();
        for (HealthScore s : scores) {
            HealthScore b = before.get(s.accountId());
            if (b != null && s.health() < b.health()) {
                out.add(new Mover(s, b.health(), arrCents(s.accountId())));
            }
        }
        out.sort(Comparator.comparingInt(Mover::change).thenComparing(x -> -x.arrCents()));
        return out.subList(0, Math.min(limit, out.size()));
    }
}
