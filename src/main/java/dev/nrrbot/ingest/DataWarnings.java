package dev.nrrbot.ingest;

import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Movement;
import dev.nrrbot.metrics.MovementKind;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonRecord;
import dev.nrrbot.revenue.SubscriptionSpan;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Data that is right by the definitions and still misleads: each warning says what was found, what it
 * means for the numbers and what to do. Shown after every import and in {@code status}.
 *
 * <p>The thresholds are where a data person would start asking questions, not hard limits: a tenth
 * of reason records unmatched, a fifth of accounts holding overlapping subscriptions, a fifth of a
 * month's starting MRR lost (or a third gained) by the accounts already paying.
 */
public final class DataWarnings {

    /** The command a warning tells the admin to run. */
    static final String CLI = dev.nrrbot.platform.Launcher.COMMAND;
    static final double UNMATCHED_SHARE = 0.10;
    static final double OVERLAPPING_ACCOUNTS_SHARE = 0.20;
    static final double MONTH_LOSS_SHARE = 0.20;
    static final double MONTH_GAIN_SHARE = 0.30;
    /** A month is judged only when at least this many accounts paid the month before: small books swing. */
    static final int MONTH_MIN_ACCOUNTS = 10;
    static final int EXAMPLES = 3;
    private static final java.util.Set<String> DEFAULT_UNATTRIBUTED = dev.nrrbot.metrics.ReasonTaxonomy.defaults().codes()
            .stream().filter(c -> c.function() == null).map(dev.nrrbot.metrics.ReasonCode::code)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** One warning: what was found, and what it means and what to do, in whole sentences. */
    public record Warning(String code, String found, String meaning) {
        public String text() {
            return found + " " + meaning;
        }
    }

    private DataWarnings() {
    }

    /**
     * @param headlineNrr the current 12-month NRR (a ratio), when there is one: the subscription
     *                    warning names it, since that is the number it inflates
     */
    public static List<Warning> of(Portfolio p, List<SubscriptionSpan> subscriptions, Double headlineNrr) {
        List<Warning> out = new ArrayList<>();
        overlappingSubscriptions(subscriptions, headlineNrr).ifPresent(out::add);
        latestMonthEmpty(p.ledger()).ifPresent(out::add);
        implausibleMonths(p).ifPresent(out::add);
        unmatchedReasons(p).ifPresent(out::add);
        unmappedCodes(p).ifPresent(out::add);
        return out;
    }

    /**
     * The warnings an import of {@code kind} can have caused: after a reasons import, the revenue's
     * warnings were shown already (status shows them all).
     */
    public static List<Warning> after(dev.nrrbot.ingest.ImportKind kind, Portfolio p, List<SubscriptionSpan> subscriptions,
                                      Double headlineNrr) {
        List<Warning> out = new ArrayList<>();
        switch (kind) {
            case SUBSCRIPTIONS -> overlappingSubscriptions(subscriptions, headlineNrr).ifPresent(out::add);
            default -> { }
        }
        if (kind == ImportKind.MRR || kind == ImportKind.SUBSCRIPTIONS) {
            latestMonthEmpty(p.ledger()).ifPresent(out::add);
            implausibleMonths(p).ifPresent(out::add);
        }
        // new revenue can match or unmatch reasons, so both kinds say it
        if (kind != ImportKind.ACCOUNTS) {
            unmatchedReasons(p).ifPresent(out::add);
            unmappedCodes(p).ifPresent(out::add);
        }
        return out;
    }

    static java.util.Optional<Warning> overlappingSubscriptions(List<SubscriptionSpan> subs, Double headlineNrr) {
        if (subs.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, List<SubscriptionSpan>> byAccount = new HashMap<>();
        int open = 0;
        for (SubscriptionSpan s : subs) {
            byAccount.computeIfAbsent(s.accountId(), k -> new ArrayList<>()).add(s);
            if (s.end() == null) {
                open++;
            }
        }
        int overlapping = 0;
        for (List<SubscriptionSpan> list : byAccount.values()) {
            if (mostAtOnce(list) >= 2) {
                overlapping++;
            }
        }
        if (overlapping < OVERLAPPING_ACCOUNTS_SHARE * byAccount.size() || overlapping < 2) {
            return java.util.Optional.empty();
        }
        String headline = headlineNrr == null ? "" : String.format(Locale.ROOT, " (the headline NRR is %.1f%%)", headlineNrr * 100);
        return java.util.Optional.of(new Warning("overlapping_subscriptions",
                String.format(Locale.ROOT, "%,d of %,d subscriptions never end, and %,d of %,d accounts (%s) hold several"
                                + " subscriptions at the same time.", open, subs.size(), overlapping, byAccount.size(),
                        percent(overlapping, byAccount.size())),
                "Several subscriptions of one account add up, so if each renewal, upgrade or plan change is a new row"
                        + " that does not end the one before, MRR piles up and NRR reads far too high" + headline + "."
                        + " If they are add-ons, this is right; if not, export an end_date for each replaced subscription"
                        + " (the first day without service), or import a monthly ledger instead (" + CLI + " import mrr FILE)."));
    }

    /** The most subscriptions of one account in service on one day. */
    private static int mostAtOnce(List<SubscriptionSpan> subs) {
        TreeMap<LocalDate, Integer> delta = new TreeMap<>();
        for (SubscriptionSpan s : subs) {
            delta.merge(s.start(), 1, Integer::sum);
            if (s.end() != null) {
                delta.merge(s.end(), -1, Integer::sum);
            }
        }
        int now = 0;
        int most = 0;
        for (int d : delta.values()) { // ends sort with starts of the same day: end_date is exclusive
            now += d;
            most = Math.max(most, now);
        }
        return most;
    }

    static java.util.Optional<Warning> latestMonthEmpty(Ledger l) {
        if (l.latestMonth().isEmpty()) {
            return java.util.Optional.empty();
        }
        YearMonth latest = l.latestMonth().get();
        if (total(l, l.monthIndex(latest)) > 0) {
            return java.util.Optional.empty();
        }
        // where a window may end: the last month that kept some of the month before's revenue (a month
        // paid only by new accounts still shows NRR 0 for every cohort)
        YearMonth lastPaid = null;
        for (int i = l.monthCount() - 1; i >= 1 && lastPaid == null; i--) {
            if (l.isCovered(i) && l.isCovered(i - 1) && kept(l, i) > 0) {
                lastPaid = l.month(i);
            }
        }
        if (lastPaid == null) {
            return java.util.Optional.empty();
        }
        String window = lastPaid.minusMonths(12).isBefore(l.firstMonth()) ? lastPaid.toString()
                : lastPaid.minusMonths(12) + ".." + lastPaid;
        return java.util.Optional.of(new Warning("latest_month_empty",
                "Every account has MRR 0 in " + latest + ", the latest month loaded; the last month in which paying"
                        + " accounts kept any of their revenue is " + lastPaid + ".",
                "Reports default to the latest month, so they show everyone churned (NRR 0.0%). If the data simply stops"
                        + " there, ask for a window that ends there (" + CLI + " report --window " + window
                        + ", /nrr " + window + "), or import the subscriptions again with --through " + lastPaid + "."));
    }

    /** MRR in {@code month} of the accounts that paid the month before. */
    private static long kept(Ledger l, int month) {
        long sum = 0;
        for (int a = 0; a < l.accountCount(); a++) {
            if (l.mrr(a, month - 1) > 0) {
                sum += l.mrr(a, month);
            }
        }
        return sum;
    }

    private static long total(Ledger l, int month) {
        long sum = 0;
        for (int a = 0; a < l.accountCount(); a++) {
            sum += l.mrr(a, month);
        }
        return sum;
    }

    /** Months in which the accounts already paying lost or gained an implausible share of their MRR. */
    static java.util.Optional<Warning> implausibleMonths(Portfolio p) {
        Ledger l = p.ledger();
        int n = l.monthCount();
        long[] start = new long[n];
        int[] paying = new int[n];
        long[] lost = new long[n];
        long[] gained = new long[n];
        for (int a = 0; a < l.accountCount(); a++) {
            for (int i = 1; i < n; i++) {
                if (l.isCovered(i) && l.isCovered(i - 1) && l.mrr(a, i - 1) > 0) {
                    start[i] += l.mrr(a, i - 1);
                    paying[i]++;
                }
            }
            for (Movement m : p.movements(a)) {
                int i = l.monthIndex(m.month());
                if (m.kind().isLoss()) {
                    lost[i] += m.cents();
                } else if (m.kind() == MovementKind.EXPANSION) {
                    gained[i] += m.cents();
                }
            }
        }
        List<String> months = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (paying[i] < MONTH_MIN_ACCOUNTS || start[i] == 0) {
                continue;
            }
            double loss = (double) lost[i] / start[i];
            double gain = (double) gained[i] / start[i];
            if (loss > MONTH_LOSS_SHARE) {
                months.add(l.month(i) + ": " + percent(loss) + " of the month's starting MRR lost to churn and contraction");
            } else if (gain > MONTH_GAIN_SHARE) {
                months.add(l.month(i) + ": " + percent(gain) + " of the month's starting MRR added by expansion");
            }
        }
        if (months.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> named = months.subList(0, Math.min(6, months.size()));
        return java.util.Optional.of(new Warning("implausible_months",
                (months.size() == 1 ? "One month moves more than a SaaS book usually does in a month: "
                        : months.size() + " months move more than a SaaS book usually does in a month: ")
                        + String.join("; ", named) + (months.size() > named.size() ? "; and " + (months.size() - named.size()) + " more" : "") + ".",
                "A month missing most accounts' rows reads as churn (and the next as reactivation), and amounts in"
                        + " another unit (cents, yearly) as growth. Check those months in the export; if they are real,"
                        + " nothing needs doing."));
    }

    static java.util.Optional<Warning> unmatchedReasons(Portfolio p) {
        int total = p.reasonRecordCount();
        List<ReasonRecord> unmatched = p.unmatchedRecords();
        if (total == 0 || unmatched.size() < 2 || unmatched.size() < UNMATCHED_SHARE * total) {
            return java.util.Optional.empty();
        }
        List<String> examples = new ArrayList<>();
        for (ReasonRecord r : unmatched.stream().sorted(Comparator.comparing(ReasonRecord::date).reversed()).limit(EXAMPLES).toList()) {
            String id = r.key().startsWith("id:") ? r.key().substring(3) + " " : "";
            examples.add(id + "(" + r.accountId() + ", " + r.date() + ", " + r.code() + ")");
        }
        return java.util.Optional.of(new Warning("unmatched_reasons",
                String.format(Locale.ROOT, "%,d of %,d reason records (%s) match no churn or contraction, for example %s.",
                        unmatched.size(), total, percent(unmatched.size(), total), String.join(", ", examples)),
                "A record explains its account's first churn or contraction in the month of its date or the 3 months"
                        + " after; these explain nothing in the Pareto (they are listed there as unmatched). Check that"
                        + " their account ids are the revenue import's, and that the revenue really fell then: a"
                        + " subscription that never ends keeps its account's MRR up after a cancellation."));
    }

    static java.util.Optional<Warning> unmappedCodes(Portfolio p) {
        Map<String, Integer> uses = new TreeMap<>();
        for (int a = 0; a < p.ledger().accountCount(); a++) {
            for (Movement m : p.movements(a)) {
                // a code the definitions leave unattributed (unknown) says "nobody knows", which no mapping fixes
                if (m.reason() != null && m.reason().function() == null && !DEFAULT_UNATTRIBUTED.contains(m.reason().code())) {
                    uses.merge(m.reason().code(), 1, Integer::sum);
                }
            }
        }
        if (uses.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> named = new ArrayList<>();
        uses.forEach((code, n) -> named.add(code + " (" + n + (n == 1 ? " movement)" : " movements)")));
        String first = uses.keySet().iterator().next();
        return java.util.Optional.of(new Warning("unmapped_codes",
                (uses.size() == 1 ? "1 reason code counts for no function: " : uses.size() + " reason codes count for no function: ")
                        + String.join(", ", named) + ".",
                "Their movements are unattributed in every function's contribution. Give each its function, for example "
                        + CLI + " taxonomy move " + first + " product (or /nrr taxonomy move " + first + " product)."));
    }

    private static String percent(int part, int whole) {
        return percent(whole == 0 ? 0 : (double) part / whole);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
