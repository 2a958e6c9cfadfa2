package dev.nrrbot.metrics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small hand-written set of books for tests: MRR per account as step functions in whole dollars
 * ("from this month on the account pays X"), reason records, overrides and account attributes.
 * Every month of the range is covered unless {@link #uncovered} says otherwise.
 */
final class Books {

    private final YearMonth first;
    private final YearMonth last;
    private final Map<String, TreeMap<YearMonth, Long>> steps = new LinkedHashMap<>();
    private final List<YearMonth> gaps = new ArrayList<>();
    private final List<ReasonRecord> records = new ArrayList<>();
    private final List<ReasonOverride> overrides = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private long seq;

    private Books(YearMonth first, YearMonth last) {
        this.first = first;
        this.last = last;
    }

    /** Books for the months {@code first} to {@code last}, both included, all covered. */
    static Books months(String first, String last) {
        return new Books(ym(first), ym(last));
    }

    static YearMonth ym(String text) {
        return YearMonth.parse(text);
    }

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    /** Whole dollars to cents. */
    static long usd(long dollars) {
        return dollars * 100;
    }

    /**
     * An account's MRR as alternating month and dollar amount: {@code "2025-01", 100, "2025-06", 0}
     * pays 100 from January and nothing from June on. Months before the first step pay nothing.
     */
    Books account(String id, Object... monthThenDollars) {
        if (monthThenDollars.length % 2 != 0) {
            throw new IllegalArgumentException("steps come in pairs of month and amount");
        }
        TreeMap<YearMonth, Long> s = steps.computeIfAbsent(id, k -> new TreeMap<>());
        for (int i = 0; i < monthThenDollars.length; i += 2) {
            s.put(ym((String) monthThenDollars[i]), usd(((Number) monthThenDollars[i + 1]).longValue()));
        }
        return this;
    }

    /** A month that no import covers. */
    Books uncovered(String month) {
        gaps.add(ym(month));
        return this;
    }

    /** A reason record; records added later get a higher sequence number (imported later). */
    Books record(String accountId, String date, String code) {
        records.add(new ReasonRecord(accountId, day(date), code, null, ++seq));
        return this;
    }

    Books record(String accountId, String date, String code, long explicitSeq) {
        records.add(new ReasonRecord(accountId, day(date), code, null, explicitSeq));
        return this;
    }

    Books override(String accountId, String month, String code) {
        overrides.add(new ReasonOverride(accountId, ym(month), code, "set from Slack"));
        return this;
    }

    Books attributes(String accountId, String csmEmail, String... keyThenValue) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < keyThenValue.length; i += 2) {
            attrs.put(keyThenValue[i], keyThenValue[i + 1]);
        }
        accounts.add(new Account(accountId, accountId, csmEmail, null, attrs));
        return this;
    }

    Ledger ledger() {
        Ledger.Builder b = Ledger.builder(first, last).coverAll();
        for (Map.Entry<String, TreeMap<YearMonth, Long>> e : steps.entrySet()) {
            b.account(e.getKey());
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                Map.Entry<YearMonth, Long> step = e.getValue().floorEntry(m);
                b.mrr(e.getKey(), m, step == null ? 0 : step.getValue());
            }
        }
        Ledger all = b.build();
        if (gaps.isEmpty()) {
            return all;
        }
        // rebuild with only the covered months marked
        Ledger.Builder g = Ledger.builder(first, last);
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            if (!gaps.contains(m)) {
                g.covered(m);
            }
        }
        for (int a = 0; a < all.accountCount(); a++) {
            String id = all.accountId(a);
            g.account(id);
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                g.mrr(id, m, gaps.contains(m) ? 0 : all.mrr(id, m));
            }
        }
        return g.build();
    }

    Portfolio portfolio() {
        return Portfolio.of(ledger(), accounts, ReasonTaxonomy.defaults(), records, overrides);
    }

    NrrEngine engine() {
        return new NrrEngine(portfolio());
    }

    /** The movement of an account in a month, if any. */
    static Movement movement(Portfolio p, String accountId, String month) {
        int a = p.ledger().indexOf(accountId).orElseThrow();
        return p.movements(a).stream().filter(m -> m.month().equals(ym(month))).findFirst()
                .orElseThrow(() -> new AssertionError("no movement of " + accountId + " in " + month));
    }

    /** The canonical code explaining an account's movement in a month, or null when none does. */
    static String reasonOf(Portfolio p, String accountId, String month) {
        ReasonCode c = movement(p, accountId, month).reason();
        return c == null ? null : c.code();
    }
}
