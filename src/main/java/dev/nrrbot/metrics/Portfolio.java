package dev.nrrbot.metrics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the numbers are computed from, read once: the ledger, the accounts, the taxonomy, and
 * every movement in the data with the reason or driver that explains it. Reports over any window
 * are then cheap reads of this snapshot.
 */
public final class Portfolio {

    private static final int REASON_REACH_MONTHS = 3;

    private final Ledger ledger;
    private final Account[] accounts;
    private final Map<String, Account> accountsById;
    private final ReasonTaxonomy taxonomy;
    private final List<List<Movement>> movements;
    private final int[] firstPaidMonth;
    private final List<ReasonRecord> unmatched;
    private final int reasonRecords;

    private Portfolio(Ledger ledger, Map<String, Account> accountsById, ReasonTaxonomy taxonomy,
                      List<List<Movement>> movements, int[] firstPaidMonth, List<ReasonRecord> unmatched,
                      int reasonRecords) {
        this.reasonRecords = reasonRecords;
        this.ledger = ledger;
        this.accountsById = accountsById;
        this.taxonomy = taxonomy;
        this.movements = movements;
        this.firstPaidMonth = firstPaidMonth;
        this.unmatched = List.copyOf(unmatched);
        this.accounts = new Account[ledger.accountCount()];
        for (int a = 0; a < accounts.length; a++) {
            accounts[a] = accountsById.getOrDefault(ledger.accountId(a), Account.bare(ledger.accountId(a)));
        }
    }

    public static Portfolio of(Ledger ledger, Collection<Account> accounts, ReasonTaxonomy taxonomy,
                               Collection<ReasonRecord> records, Collection<ReasonOverride> overrides) {
        Map<String, Account> byId = new LinkedHashMap<>();
        for (Account a : accounts) {
            byId.put(a.id(), a);
        }
        int n = ledger.accountCount();
        List<List<Movement>> movements = new ArrayList<>(n);
        int[] firstPaid = new int[n];
        for (int a = 0; a < n; a++) {
            firstPaid[a] = -1;
            movements.add(detect(ledger, a, firstPaid));
        }
        List<ReasonRecord> unmatched = attach(ledger, taxonomy, movements, records, overrides);
        return new Portfolio(ledger, byId, taxonomy, movements, firstPaid, unmatched, records.size());
    }

    /** Movements of one account in every covered month whose previous month is covered too. */
    private static List<Movement> detect(Ledger ledger, int a, int[] firstPaid) {
        List<Movement> out = new ArrayList<>(4);
        boolean everPaid = false;
        for (int i = 0; i < ledger.monthCount(); i++) {
            if (!ledger.isCovered(i)) {
                continue;
            }
            long c = ledger.mrr(a, i);
            if (i > 0 && ledger.isCovered(i - 1)) {
                long p = ledger.mrr(a, i - 1);
                if (p != c) {
                    MovementKind kind;
                    if (c == 0) {
                        kind = MovementKind.CHURN;
                    } else if (p == 0) {
                        kind = everPaid ? MovementKind.REACTIVATION : MovementKind.NEW;
                    } else {
                        kind = c < p ? MovementKind.CONTRACTION : MovementKind.EXPANSION;
                    }
                    out.add(new Movement(a, ledger.month(i), kind, Math.abs(c - p), null, null));
                }
            }
            if (c > 0 && !everPaid) {
                everPaid = true;
                firstPaid[a] = i;
            }
        }
        return out;
    }

    /**
     * Attaches each record to its account's first movement of the matching polarity in the month of
     * its date or the three after; the latest date (then the latest import) wins a movement. Reasons
     * set on a movement itself win over all records. Returns the records that reached no movement.
     */
    private static List<ReasonRecord> attach(Ledger ledger, ReasonTaxonomy taxonomy, List<List<Movement>> movements,
                                             Collection<ReasonRecord> records, Collection<ReasonOverride> overrides) {
        Map<Movement, ReasonRecord> winners = new HashMap<>();
        List<ReasonRecord> unmatched = new ArrayList<>();
        Comparator<ReasonRecord> order = Comparator.comparing(ReasonRecord::date).thenComparingLong(ReasonRecord::seq);
        for (ReasonRecord r : records) {
            Optional<Integer> a = ledger.indexOf(r.accountId());
            Optional<ReasonCode> code = taxonomy.byCode(r.code());
            Movement target = null;
            if (a.isPresent() && code.isPresent()) {
                YearMonth from = YearMonth.from(r.date());
                YearMonth to = from.plusMonths(REASON_REACH_MONTHS);
                for (Movement m : movements.get(a.get())) {
                    if (m.kind().takes() == code.get().polarity() && !m.month().isBefore(from) && !m.month().isAfter(to)) {
                        target = m;
                        break;
                    }
                }
            }
            if (target == null) {
                unmatched.add(r);
            } else {
                winners.merge(target, r, (x, y) -> order.compare(x, y) >= 0 ? x : y);
            }
        }
        Map<String, ReasonOverride> set = new HashMap<>();
        for (ReasonOverride o : overrides) {
            set.put(o.accountId() + "@" + o.month(), o);
        }
        for (List<Movement> list : movements) {
            for (int i = 0; i < list.size(); i++) {
                Movement m = list.get(i);
                ReasonOverride o = set.get(ledger.accountId(m.account()) + "@" + m.month());
                // a reason explains a loss and a driver a gain: a mismatched override is ignored
                Optional<ReasonCode> oc = o == null ? Optional.empty()
                        : taxonomy.byCode(o.code()).filter(c -> c.polarity() == m.kind().takes());
                if (oc.isPresent()) {
                    list.set(i, m.withReason(oc.get(), o.note()));
                } else {
                    ReasonRecord w = winners.get(m);
                    if (w != null) {
                        list.set(i, m.withReason(taxonomy.byCode(w.code()).orElseThrow(), w.note()));
                    }
                }
            }
        }
        unmatched.sort(order);
        return unmatched;
    }

    public Ledger ledger() {
        return ledger;
    }

    public ReasonTaxonomy taxonomy() {
        return taxonomy;
    }

    public Account account(int index) {
        return accounts[index];
    }

    public Optional<Account> account(String id) {
        return Optional.ofNullable(accountsById.get(id));
    }

    /** The accounts imported with their details (name, CSM, renewal date), in import order. */
    public java.util.Collection<Account> importedAccounts() {
        return java.util.Collections.unmodifiableCollection(accountsById.values());
    }

    /** Accounts known from an accounts import or from revenue data. */
    public int knownAccounts() {
        int extra = 0;
        for (String id : accountsById.keySet()) {
            if (ledger.indexOf(id).isEmpty()) {
                extra++;
            }
        }
        return ledger.accountCount() + extra;
    }

    public List<Movement> movements(int account) {
        return movements.get(account);
    }

    /** Index of the first month with MRR above zero, or -1 for an account that never paid. */
    public int firstPaidMonth(int account) {
        return firstPaidMonth[account];
    }

    private void checkSegment(Segment segment) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(List.of("csm"));
        java.util.TreeSet<String> values = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Account a : accountsById.values()) {
            keys.addAll(a.attributes().keySet());
            String v = segment.key().equals("csm") || segment.key().equals("csm_email") ? a.csmEmail() : a.attribute(segment.key());
            if (v != null) {
                values.add(v);
            }
        }
        if (values.isEmpty()) {
            throw new ReportUnavailable("No account has the attribute '" + segment.key() + "'. Attributes you can slice by: "
                    + String.join(", ", keys) + " (import an accounts file with more columns to add others).");
        }
        if (values.stream().noneMatch(v -> v.trim().equalsIgnoreCase(segment.value()))) {
            List<String> some = values.stream().limit(12).toList();
            throw new NoSuchSegmentValue(segment.key(), segment.value(), some, values.size() > some.size());
        }
    }

    /** Imported reason and driver records, matched or not. */
    public int reasonRecordCount() {
        return reasonRecords;
    }

    public List<ReasonRecord> unmatchedRecords() {
        return unmatched;
    }

    public Optional<YearMonth> latestMonth() {
        return ledger.latestMonth();
    }

    /**
     * Accounts matching what a person typed, without regard to case: the account with that exact id;
     * else those with that exact name; else those whose name or id contains the text.
     */
    public List<Integer> find(String query) {
        String q = query.trim().toLowerCase(java.util.Locale.ROOT);
        List<Integer> exact = new ArrayList<>();
        List<Integer> partial = new ArrayList<>();
        for (int i = 0; i < accounts.length; i++) {
            String id = ledger.accountId(i).toLowerCase(java.util.Locale.ROOT);
            String name = accounts[i].name().toLowerCase(java.util.Locale.ROOT);
            if (id.equals(q)) {
                return List.of(i);
            }
            if (name.equals(q)) {
                exact.add(i);
            } else if (name.contains(q) || id.contains(q)) {
                partial.add(i);
            }
        }
        return exact.isEmpty() ? partial : exact;
    }

    /**
     * Which ledger accounts a segment keeps.
     *
     * @throws ReportUnavailable when no account has the segment's attribute or value, naming those that exist
     */
    public boolean[] mask(Segment segment) {
        boolean[] keep = new boolean[accounts.length];
        boolean any = false;
        for (int a = 0; a < keep.length; a++) {
            keep[a] = segment.matches(accounts[a]);
            any |= keep[a];
        }
        // A ledger account that matches has the attribute and the value, so the check cannot fail then;
        // it gathers every attribute and value of every account to explain a miss, so only a miss pays for it.
        if (!any && !segment.isAll()) {
            checkSegment(segment);
        }
        return keep;
    }
}
