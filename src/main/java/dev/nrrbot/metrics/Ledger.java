package dev.nrrbot.metrics;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MRR(a, m) in cents for every account and every month from the first to the last covered month,
 * and which of those months some import covers. A month no import covers has no data: it is not
 * zero, and reports that need it name it instead of computing.
 */
public final class Ledger {

    private final YearMonth first;
    private final int monthCount;
    private final List<String> accountIds;
    private final Map<String, Integer> indexById;
    private final long[][] cents;
    private final BitSet covered;

    private Ledger(YearMonth first, int monthCount, List<String> accountIds, Map<String, Integer> indexById,
                   long[][] cents, BitSet covered) {
        this.first = first;
        this.monthCount = monthCount;
        this.accountIds = accountIds;
        this.indexById = indexById;
        this.cents = cents;
        this.covered = covered;
    }

    /** A ledger for the months {@code first} to {@code last}, both included. */
    public static Builder builder(YearMonth first, YearMonth last) {
        return new Builder(first, last);
    }

    public static Ledger empty() {
        return new Ledger(null, 0, List.of(), Map.of(), new long[0][], new BitSet());
    }

    public boolean isEmpty() {
        return covered.isEmpty();
    }

    public int accountCount() {
        return accountIds.size();
    }

    public String accountId(int index) {
        return accountIds.get(index);
    }

    public Optional<Integer> indexOf(String accountId) {
        return Optional.ofNullable(indexById.get(accountId));
    }

    public YearMonth firstMonth() {
        return first;
    }

    public int monthCount() {
        return monthCount;
    }

    /** Position of a month in the ledger, possibly outside [0, monthCount). */
    public int monthIndex(YearMonth m) {
        // the same as ChronoUnit.MONTHS.between(first, m), without its per-call checks: reports call this
        // for every movement they scan
        return first == null ? -1 : (m.getYear() - first.getYear()) * 12 + (m.getMonthValue() - first.getMonthValue());
    }

    public YearMonth month(int index) {
        return first.plusMonths(index);
    }

    public boolean isCovered(YearMonth m) {
        int i = monthIndex(m);
        return i >= 0 && i < monthCount && covered.get(i);
    }

    public boolean isCovered(int monthIndex) {
        return monthIndex >= 0 && monthIndex < monthCount && covered.get(monthIndex);
    }

    /** The latest month that has data: what "current" means. */
    public Optional<YearMonth> latestMonth() {
        return covered.isEmpty() ? Optional.empty() : Optional.of(month(covered.length() - 1));
    }

    public Optional<YearMonth> earliestMonth() {
        return covered.isEmpty() ? Optional.empty() : Optional.of(month(covered.nextSetBit(0)));
    }

    public List<YearMonth> coveredMonths() {
        List<YearMonth> out = new ArrayList<>();
        for (int i = covered.nextSetBit(0); i >= 0; i = covered.nextSetBit(i + 1)) {
            out.add(month(i));
        }
        return out;
    }

    /** The months from {@code from} to {@code to}, both included, that no import covers. */
    public List<YearMonth> missingMonths(YearMonth from, YearMonth to) {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            if (!isCovered(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /** MRR at the end of month index {@code m}; 0 outside the ledger or where nothing was paid. */
    public long mrr(int account, int monthIndex) {
        if (monthIndex < 0 || monthIndex >= monthCount) {
            return 0;
        }
        return cents[account][monthIndex];
    }

    public long mrr(String accountId, YearMonth m) {
        Integer a = indexById.get(accountId);
        return a == null ? 0 : mrr(a, monthIndex(m));
    }

    /** Collects rows in any order; a later row for the same account and month replaces an earlier one. */
    public static final class Builder {
        private final YearMonth first;
        private final int months;
        private final List<String> ids = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final List<long[]> rows = new ArrayList<>();
        private final BitSet covered = new BitSet();

        private Builder(YearMonth first, YearMonth last) {
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("ledger range " + first + ".." + last + " is reversed");
            }
            this.first = first;
            this.months = (int) ChronoUnit.MONTHS.between(first, last) + 1;
        }

        public int account(String id) {
            Integer i = index.get(id);
            if (i == null) {
                i = ids.size();
                ids.add(id);
                index.put(id, i);
                rows.add(new long[months]);
            }
            return i;
        }

        public Builder covered(YearMonth m) {
            covered.set(position(m));
            return this;
        }

        public Builder coverAll() {
            covered.set(0, months);
            return this;
        }

        public Builder mrr(String accountId, YearMonth m, long cents) {
            if (cents < 0) {
                throw new IllegalArgumentException("negative MRR for " + accountId + " in " + m);
            }
            rows.get(account(accountId))[position(m)] = cents;
            return this;
        }

        private int position(YearMonth m) {
            int i = (int) ChronoUnit.MONTHS.between(first, m);
            if (i < 0 || i >= months) {
                throw new IllegalArgumentException(m + " is outside the ledger's months");
            }
            return i;
        }

        public Ledger build() {
            return new Ledger(first, months, List.copyOf(ids), Map.copyOf(index),
                    rows.toArray(new long[0][]), (BitSet) covered.clone());
        }
    }
}
