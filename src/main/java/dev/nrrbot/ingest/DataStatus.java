package dev.nrrbot.ingest;

import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.revenue.ImportRecord;
import dev.nrrbot.revenue.SubscriptionSpan;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What is loaded, as an admin asks on the first day: each kind with its rows, accounts and months,
 * the gaps, the latest imports (who, when, which file), the warnings and the reporting currency.
 * Built from one snapshot; rendered as plain lines for the terminal and for Slack alike.
 */
public record DataStatus(int accounts, int named, int withCsm, int withRenewal, List<String> attributes,
                         YearMonth firstMonth, YearMonth lastMonth, int coveredMonths, List<YearMonth> gaps,
                         long ledgerRows, int payingLatest, long latestMrrCents, int subscriptions, int openSubscriptions,
                         int reasonRecords, int unmatchedRecords, List<ImportRecord> imports,
                         List<DataWarnings.Warning> warnings, String currency,
                         List<dev.nrrbot.signals.SignalStore.Loaded> signals) {

    public DataStatus(int accounts, int named, int withCsm, int withRenewal, List<String> attributes,
                      YearMonth firstMonth, YearMonth lastMonth, int coveredMonths, List<YearMonth> gaps,
                      long ledgerRows, int payingLatest, long latestMrrCents, int subscriptions, int openSubscriptions,
                      int reasonRecords, int unmatchedRecords, List<ImportRecord> imports,
                      List<DataWarnings.Warning> warnings, String currency) {
        this(accounts, named, withCsm, withRenewal, attributes, firstMonth, lastMonth, coveredMonths, gaps, ledgerRows,
                payingLatest, latestMrrCents, subscriptions, openSubscriptions, reasonRecords, unmatchedRecords, imports,
                warnings, currency, List.of());
    }

    /** The same status with what is loaded of each signal kind. */
    public DataStatus withSignals(List<dev.nrrbot.signals.SignalStore.Loaded> loaded) {
        return new DataStatus(accounts, named, withCsm, withRenewal, attributes, firstMonth, lastMonth, coveredMonths, gaps,
                ledgerRows, payingLatest, latestMrrCents, subscriptions, openSubscriptions, reasonRecords, unmatchedRecords,
                imports, warnings, currency, List.copyOf(loaded));
    }

    /** How many imports the status lists, newest first. */
    public static final int IMPORTS_SHOWN = 8;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    /** The one currency amounts are read in, until currencies are supported. */
    public static final String REPORTING_CURRENCY = "USD";

    /** The status of {@code store}, from its current snapshot {@code p}. */
    public static DataStatus read(dev.nrrbot.revenue.RevenueStore store, Portfolio p) {
        return of(p, store.subscriptions(), store.imports(), headlineNrr(p), REPORTING_CURRENCY)
                .withSignals(store.signals().loaded());
    }

    /** The current 12-month NRR as a ratio, or null when there is none (no data, a gap, no cohort). */
    public static Double headlineNrr(Portfolio p) {
        if (p.ledger().latestMonth().isEmpty()) {
            return null;
        }
        try {
            dev.nrrbot.metrics.NrrEngine engine = new dev.nrrbot.metrics.NrrEngine(p);
            dev.nrrbot.metrics.RetentionReport r = engine.report(engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT),
                    dev.nrrbot.metrics.Segment.ALL);
            return r.startCents() == 0 ? null : r.nrr().doubleValue();
        } catch (dev.nrrbot.metrics.ReportUnavailable e) {
            return null; // no 12 months yet, or a gap: there is no headline to name
        }
    }

    public static DataStatus of(Portfolio p, List<SubscriptionSpan> subs, List<ImportRecord> imports, Double headlineNrr,
                                String currency) {
        int named = 0;
        int csm = 0;
        int renewal = 0;
        TreeSet<String> attributes = new TreeSet<>();
        List<Account> all = new ArrayList<>();
        for (int a = 0; a < p.ledger().accountCount(); a++) {
            all.add(p.account(a));
        }
        int known = p.knownAccounts();
        for (Account a : all) {
            named += a.name().equals(a.id()) ? 0 : 1;
            csm += a.csmEmail() == null ? 0 : 1;
            renewal += a.renewalDate() == null ? 0 : 1;
            attributes.addAll(a.attributes().keySet());
        }
        Ledger l = p.ledger();
        long rows = 0;
        int paying = 0;
        long latest = 0;
        List<YearMonth> gaps = List.of();
        YearMonth first = null;
        YearMonth last = null;
        if (!l.isEmpty() && l.latestMonth().isPresent()) {
            first = l.earliestMonth().orElseThrow();
            last = l.latestMonth().get();
            gaps = l.missingMonths(first, last);
            int li = l.monthIndex(last);
            for (int a = 0; a < l.accountCount(); a++) {
                for (int i = 0; i < l.monthCount(); i++) {
                    rows += l.mrr(a, i) > 0 ? 1 : 0;
                }
                long m = l.mrr(a, li);
                paying += m > 0 ? 1 : 0;
                latest += m;
            }
        }
        int open = (int) subs.stream().filter(s -> s.end() == null).count();
        return new DataStatus(known, named, csm, renewal, List.copyOf(attributes), first, last,
                l.coveredMonths().size(), gaps, rows, paying, latest, subs.size(), open, p.reasonRecordCount(),
                p.unmatchedRecords().size(), imports, DataWarnings.of(p, subs, headlineNrr), currency);
    }

    public boolean empty() {
        return imports.stream().noneMatch(ImportRecord::applied);
    }

    /** The status as lines of plain text; Slack shows the same lines. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (empty()) {
            out.add("Nothing is loaded yet. Start with the demo (" + DataWarnings.CLI + " demo) or your own exports ("
                    + DataWarnings.CLI + " import accounts FILE, then import mrr or subscriptions, then import reasons).");
        } else {
            out.add("Loaded:");
            out.add(String.format(Locale.ROOT, "  accounts       %,d (%,d named, %,d with a CSM e-mail, %,d with a renewal date)%s",
                    accounts, named, withCsm, withRenewal,
                    attributes.isEmpty() ? "" : "; attributes: " + String.join(", ", attributes)));
            if (firstMonth == null) {
                out.add("  revenue        none yet: import mrr FILE or import subscriptions FILE");
            } else {
                out.add(String.format(Locale.ROOT, "  revenue        %s to %s (%d months), %,d ledger rows; %s: %,d accounts paying, MRR %s",
                        firstMonth, lastMonth, coveredMonths, ledgerRows, lastMonth, payingLatest, money(latestMrrCents)));
                out.add("  gaps           " + (gaps.isEmpty() ? "none" : gaps.size() + " months without data: " + months(gaps)
                        + " (reports that need them say so; import them to close the gap)"));
            }
            if (subscriptions > 0) {
                out.add(String.format(Locale.ROOT, "  subscriptions  %,d (%,d without an end date)", subscriptions, openSubscriptions));
            }
            out.add(reasonRecords == 0 ? "  reasons        none yet: import reasons FILE"
                    : String.format(Locale.ROOT, "  reasons        %,d records (%,d reach a movement, %,d match none)",
                    reasonRecords, reasonRecords - unmatchedRecords, unmatchedRecords));
            signals.forEach(l -> out.add(signalLine(l)));
            out.add("  currency       " + currency + " (amounts are read as " + currency + ")");
        }
        if (!imports.isEmpty()) {
            out.add("");
            out.add("Latest imports:");
            for (ImportRecord r : imports.subList(0, Math.min(IMPORTS_SHOWN, imports.size()))) {
                String months = r.firstMonth() == null ? "" : ", " + r.firstMonth() + " to " + r.lastMonth();
                out.add(String.format(Locale.ROOT, "  #%-4d %s  %-13s %s, %,d rows%s, by %s%s", r.id(), WHEN.format(r.at().atOffset(ZoneOffset.UTC)),
                        r.kind(), r.file(), r.rows(), months, r.by() == null ? "unknown" : r.by(),
                        r.applied() ? "" : " (taken back: " + r.undoneBy() + ")"));
            }
            if (imports.size() > IMPORTS_SHOWN) {
                out.add("  and " + (imports.size() - IMPORTS_SHOWN) + " earlier imports");
            }
            imports.stream().filter(ImportRecord::applied).findFirst().ifPresent(r -> out.add(r.undoable()
                    ? "Take back the latest: " + DataWarnings.CLI + " undo (import #" + r.id() + "); start over: "
                    + DataWarnings.CLI + " reset --yes."
                    : "Start over: " + DataWarnings.CLI + " reset --yes."));
        }
        if (!empty()) {
            out.add("");
            if (warnings.isEmpty()) {
                out.add("Warnings: none.");
            } else {
                out.add("Warnings:");
                warnings.forEach(w -> out.add("  - " + w.text()));
            }
        }
        return out;
    }

    /** "tickets        2,000 (2023-01-02 to 2024-12-31, 480 accounts; 312 open)". */
    static String signalLine(dev.nrrbot.signals.SignalStore.Loaded l) {
        String span = l.first() + " to " + l.last();
        return switch (l.kind()) {
            case TICKETS -> String.format(Locale.ROOT, "  tickets        %,d (%s, %,d accounts; %,d open)", l.rows(), span,
                    l.accounts(), l.detail());
            case USAGE -> String.format(Locale.ROOT, "  usage          %,d rows in %,d account-days, %,d features (%s, %,d accounts)",
                    l.rows(), l.detail(), l.features(), span, l.accounts());
            case SURVEYS -> String.format(Locale.ROOT, "  surveys        %,d answers (%s, %,d accounts)", l.rows(), span,
                    l.accounts());
            case INVOICES -> String.format(Locale.ROOT, "  invoices       %,d (due %s, %,d accounts; %,d failed or overdue)",
                    l.rows(), span, l.accounts(), l.detail());
            case EVENTS -> String.format(Locale.ROOT, "  events         %,d (%s, %,d accounts)", l.rows(), span, l.accounts());
        };
    }

    private static String months(List<YearMonth> gaps) {
        List<String> named = new ArrayList<>();
        for (YearMonth m : gaps.subList(0, Math.min(6, gaps.size()))) {
            named.add(m.toString());
        }
        return String.join(", ", named) + (gaps.size() > 6 ? " and " + (gaps.size() - 6) + " more" : "");
    }

    private static String money(long cents) {
        return String.format(Locale.ROOT, "%,.2f", cents / 100.0);
    }
}
