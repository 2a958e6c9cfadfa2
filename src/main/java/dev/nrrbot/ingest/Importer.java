package dev.nrrbot.ingest;

import dev.nrrbot.ingest.SubscriptionSchedule.Subscription;
import dev.nrrbot.metrics.Movement;
import dev.nrrbot.metrics.MovementKind;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.metrics.ReasonRecord;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.revenue.ColumnSizes;
import dev.nrrbot.revenue.RevenueStore;
import dev.nrrbot.revenue.RevenueWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a CSV export into the store. A file is checked completely and written in one transaction:
 * with any problem, every problem is reported and nothing is written. Importing the same file twice
 * changes nothing.
 *
 * <p>Over 300 lines: one reader per import kind, sharing one validation and one transaction, each short.
 */
public final class Importer {

    static final Field ACCOUNT_ID = Field.required("account_id", "customer_id", "account", "customer", "accountid",
            "customerid", "client_id", "company_id");
    static final Field NAME = Field.optional("name", "account_name", "customer_name", "company", "company_name");
    static final Field CSM_EMAIL = Field.optional("csm_email", "csm", "owner_email", "csm_owner_email", "account_owner_email");
    static final Field RENEWAL = Field.optional("renewal_date", "renewal", "next_renewal_date", "contract_end_date");
    static final Field MONTH = Field.required("month", "period", "mrr_month", "date", "month_start");
    static final Field MRR = Field.required("mrr", "mrr_amount", "monthly_amount", "monthly_recurring_revenue", "mrr_usd");
    static final Field SUBSCRIPTION_ID = Field.required("subscription_id", "subscription", "sub_id", "id");
    static final Field START = Field.required("start_date", "start", "started_at", "period_start", "starts_at");
    static final Field END = Field.optional("end_date", "end", "ended_at", "period_end", "ends_at");
    static final Field SUB_MRR = Field.optional("mrr", "mrr_amount", "monthly_amount", "monthly_recurring_revenue", "mrr_usd");
    static final Field AMOUNT = Field.optional("amount", "price", "contract_amount", "amount_usd");
    static final Field INTERVAL = Field.optional("interval", "billing_interval", "billing_period", "billing_frequency",
            "billing_cycle");
    static final Field DATE = Field.required("date", "churn_date", "event_date", "reason_date", "cancel_date");
    static final Field REASON = Field.required("reason", "reason_code", "churn_reason", "driver", "driver_code");
    static final Field NOTE = Field.optional("note", "notes", "comment", "comments", "feedback", "feedback_text");
    /** A reason record's own id: its identity when the file has one. */
    static final Field EVENT_ID = Field.optional("event_id", "churn_event_id", "id", "reason_id", "record_id",
            "reason_record_id", "reason_event_id", "churn_id", "cancellation_id", "driver_id");
    /** Lines named in the notice about rows that repeat earlier ones. */
    static final int LINES_NAMED = 20;

    private final RevenueStore store;
    private final String by;

    /** Imports logged as made by whoever runs this process ({@code cli:} and the system user). */
    public Importer(RevenueStore store) {
        this(store, dev.nrrbot.platform.Launcher.operator());
    }

    /** @param by who imports, as the log and {@code status} show it */
    public Importer(RevenueStore store, String by) {
        this.store = store;
        this.by = by;
    }

    public static List<Field> fields(ImportKind kind) {
        return switch (kind) {
            case ACCOUNTS -> List.of(ACCOUNT_ID, NAME, CSM_EMAIL, RENEWAL);
            case MRR -> List.of(ACCOUNT_ID, MONTH, MRR);
            case SUBSCRIPTIONS -> List.of(SUBSCRIPTION_ID, ACCOUNT_ID, START, END, SUB_MRR, AMOUNT, INTERVAL);
            case REASONS -> List.of(ACCOUNT_ID, DATE, REASON, NOTE, EVENT_ID);
            default -> SignalImports.fields(kind);
        };
    }

    /**
     * Imports {@code file}.
     *
     * @throws ImportRejected listing every problem; nothing was written
     */
    public ImportSummary run(ImportKind kind, Path file, ImportOptions options, CsvSource.Progress progress) {
        Problems problems = new Problems(file.getFileName().toString());
        CsvSource src = CsvSource.open(file, fields(kind), problems);
        if (src == null || problems.any()) {
            if (src != null) {
                src.close();
            }
            throw new ImportRejected(file.getFileName().toString(), problems);
        }
        try (src) {
            if (kind == ImportKind.SUBSCRIPTIONS && !src.has(SUB_MRR) && !(src.has(AMOUNT) && src.has(INTERVAL))) {
                problems.file("missing the price: give a column " + SUB_MRR.describe() + ", or " + AMOUNT.describe()
                        + " with " + INTERVAL.describe());
                throw new ImportRejected(src.name(), problems);
            }
            if (kind.isSignal()) {
                return signals(kind, src, problems, options, progress);
            }
            ReasonTaxonomy taxonomy = store.taxonomy();
            DateReader dates = new DateReader(options.dateFormat(), false);
            Written written = store.write(w -> {
                long id = w.beginImport(kind.code(), src.name(), by);
                Written out = switch (kind) {
                    case ACCOUNTS -> accounts(src, w, problems, dates);
                    case MRR -> ledger(src, w, problems, progress);
                    case SUBSCRIPTIONS -> subscriptions(src, w, problems, options, progress, dates);
                    case REASONS -> reasons(src, w, problems, taxonomy, options, dates);
                    default -> throw new IllegalStateException(kind.code());
                };
                dates.finish(problems);
                if (problems.any()) {
                    throw new ImportRejected(src.name(), problems); // rolls the transaction back
                }
                w.finishImport(id, out.rows, out.months.isEmpty() ? null : out.months.first(),
                        out.months.isEmpty() ? null : out.months.last());
                return out;
            });
            // an accounts file moves no revenue: its summary needs no snapshot of the ledger
            Portfolio p = kind == ImportKind.ACCOUNTS ? null : store.loadPortfolio();
            List<DataWarnings.Warning> warnings = p == null ? List.of()
                    : DataWarnings.after(kind, p, store.subscriptions(), DataStatus.headlineNrr(p));
            return summarize(kind, src, written, p, warnings);
        }
    }

    /**
     * A signal import: the same checks, log entry and transaction as the revenue kinds; its readers are
     * {@link SignalImports}'. Usage by subscription id finds accounts through the subscriptions imported.
     */
    private ImportSummary signals(ImportKind kind, CsvSource src, Problems problems, ImportOptions options,
                                  CsvSource.Progress progress) {
        Map<String, String> subscriptionAccounts = new HashMap<>();
        if (kind == ImportKind.USAGE) {
            store.subscriptions().forEach(s -> subscriptionAccounts.put(s.id(), s.accountId()));
        }
        SignalImports.Context ctx = new SignalImports.Context(new DateReader(options.dateFormat(), true), options,
                subscriptionAccounts, progress);
        SignalImports.Result r = store.write(w -> {
            long id = w.beginImport(kind.code(), src.name(), by);
            SignalImports.Result out = SignalImports.read(kind, src, w.signals(), problems, ctx);
            if (problems.any()) {
                throw new ImportRejected(src.name(), problems); // rolls the transaction back
            }
            w.finishImport(id, out.rows(), out.firstMonth(), out.lastMonth());
            return out;
        });
        List<String> notes = new ArrayList<>();
        if (r.first() != null) {
            notes.add("Dates covered: " + r.first() + " to " + r.last() + ".");
        }
        notes.addAll(r.notes());
        Portfolio p = store.loadPortfolio();
        List<String> unknown = r.accounts().stream().filter(a -> p.account(a).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            notes.add(SignalImports.unknownAccounts(kind, unknown, r.accounts().size()));
        }
        List<String> ignored = src.otherColumns();
        if (!ignored.isEmpty()) {
            notes.add("Columns not used by a " + kind.code() + " import: " + String.join(", ", ignored) + ".");
        }
        return new ImportSummary(kind, src.name(), r.rows(), r.accounts().size(), null, null, 0, Map.of(), 0, 0, 0,
                List.of(), notes, List.of());
    }

    /** What one import wrote, for its summary. */
    private record Written(int rows, Set<String> accounts, TreeSet<YearMonth> months, Set<String> reasonKeys,
                           List<String> addedCodes, List<String> notes) {
        Written(int rows, Set<String> accounts, TreeSet<YearMonth> months) {
            this(rows, accounts, months, Set.of(), List.of(), List.of());
        }
    }

    private Written accounts(CsvSource src, RevenueWriter w, Problems problems, DateReader dates) {
        Map<String, Long> seen = new LinkedHashMap<>();
        List<String> attributes = src.otherColumns();
        for (String a : attributes) {
            if (a.length() > ColumnSizes.ATTRIBUTE_NAME) {
                problems.add(1, a, null, tooLong(a, ColumnSizes.ATTRIBUTE_NAME, "attribute names (the column headers)"));
            }
        }
        int rows = src.forEach(row -> {
            String id = row.get(ACCOUNT_ID);
            if (id.isEmpty()) {
                row.problem(ACCOUNT_ID, "an account id");
                return;
            }
            if (!fits(row, ACCOUNT_ID, ColumnSizes.ID, "account ids")) {
                return;
            }
            Long earlier = seen.putIfAbsent(id, row.line());
            if (earlier != null) {
                row.problem(ACCOUNT_ID, "one row per account; this account already has line " + earlier);
                return;
            }
            Map<String, Object> fields = new HashMap<>();
            if (src.has(NAME)) {
                fits(row, NAME, ColumnSizes.NAME, "names");
                fields.put("name", row.get(NAME).isEmpty() ? null : row.get(NAME));
            }
            if (src.has(CSM_EMAIL)) {
                String email = row.get(CSM_EMAIL);
                if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    row.problem(CSM_EMAIL, "an e-mail address such as dana@example.com, or nothing");
                } else {
                    fits(row, CSM_EMAIL, ColumnSizes.EMAIL, "e-mail addresses");
                }
                fields.put("csm_email", email.isEmpty() ? null : email);
            }
            if (src.has(RENEWAL)) {
                String text = row.get(RENEWAL);
                Optional<LocalDate> d = text.isEmpty() ? Optional.empty() : dates.read(text, row.line(), src.header(RENEWAL));
                if (!text.isEmpty() && d.isEmpty()) {
                    row.problem(RENEWAL, dates.form() + ", or nothing");
                }
                fields.put("renewal_date", d.orElse(null));
            }
            for (String a : attributes) {
                if (row.other(a).length() > ColumnSizes.ATTRIBUTE_VALUE) {
                    row.problem(a, tooLong(row.other(a), ColumnSizes.ATTRIBUTE_VALUE, "attribute values"));
                }
            }
            if (!problems.any()) {
                w.upsertAccount(id, fields);
                for (String a : attributes) {
                    String v = row.other(a);
                    w.attribute(id, a, v.isEmpty() ? null : v);
                }
            }
        }, null);
        List<String> notes = attributes.isEmpty() ? List.of()
                : List.of("Kept as attributes you can slice by (--segment KEY=VALUE): " + String.join(", ", attributes) + ".");
        return new Written(rows, seen.keySet(), new TreeSet<>(), Set.of(), List.of(), notes);
    }

    private Written ledger(CsvSource src, RevenueWriter w, Problems problems, CsvSource.Progress progress) {
        Map<String, Integer> accounts = new LinkedHashMap<>();
        Map<YearMonth, BitSet> seen = new HashMap<>(); // per month, the accounts that have a row: finds duplicates
        TreeSet<YearMonth> months = new TreeSet<>();
        int rows = src.forEach(row -> {
            String id = row.get(ACCOUNT_ID);
            Optional<YearMonth> month = Values.month(row.get(MONTH));
            Optional<Long> cents = Values.cents(row.get(MRR));
            boolean ok = true;
            if (id.isEmpty()) {
                row.problem(ACCOUNT_ID, "an account id");
                ok = false;
            } else if (!fits(row, ACCOUNT_ID, ColumnSizes.ID, "account ids")) {
                ok = false;
            }
            if (month.isEmpty()) {
                row.problem(MONTH, Values.MONTH_FORM);
                ok = false;
            }
            if (cents.isEmpty() || cents.get() < 0) {
                row.problem(MRR, Values.AMOUNT_FORM + (cents.isPresent() ? "; MRR cannot be negative" : ""));
                ok = false;
            }
            if (!ok) {
                return;
            }
            int a = accounts.computeIfAbsent(id, k -> accounts.size());
            if (seen.computeIfAbsent(month.get(), k -> new BitSet()).get(a)) {
                row.problem(ACCOUNT_ID, "one row per account and month; " + id + " already has a row for " + month.get());
                return;
            }
            seen.get(month.get()).set(a);
            if (months.add(month.get()) && !problems.any()) {
                w.replaceMonth(month.get(), "mrr");
            }
            if (!problems.any()) {
                w.ledgerRow(id, month.get(), cents.get());
            }
        }, progress);
        if (!problems.any()) {
            w.ensureAccounts(accounts.keySet());
        }
        return new Written(rows, accounts.keySet(), months);
    }

    private Written subscriptions(CsvSource src, RevenueWriter w, Problems problems, ImportOptions options,
                                  CsvSource.Progress progress, DateReader dates) {
        List<Subscription> subs = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        boolean byAmount = !src.has(SUB_MRR);
        LocalDate[] latest = {null};
        int rows = src.forEach(row -> {
            String id = row.get(SUBSCRIPTION_ID);
            String account = row.get(ACCOUNT_ID);
            Optional<LocalDate> start = dates.read(row.get(START), row.line(), src.header(START));
            String endText = row.get(END);
            Optional<LocalDate> end = endText.isEmpty() ? Optional.empty() : dates.read(endText, row.line(), src.header(END));
            // exact until the one rounding to the cent, after dividing by the interval
            Optional<BigDecimal> price = Values.amount(row.get(byAmount ? AMOUNT : SUB_MRR));
            Optional<Integer> per = byAmount ? Values.intervalMonths(row.get(INTERVAL)) : Optional.of(1);
            boolean ok = true;
            if (id.isEmpty()) {
                row.problem(SUBSCRIPTION_ID, "a subscription id");
                ok = false;
            } else if (!fits(row, SUBSCRIPTION_ID, ColumnSizes.ID, "subscription ids")) {
                ok = false;
            } else if (ids.putIfAbsent(id, row.line()) != null) {
                row.problem(SUBSCRIPTION_ID, "each subscription once; " + id + " already has line " + ids.get(id));
                ok = false;
            }
            if (account.isEmpty()) {
                row.problem(ACCOUNT_ID, "an account id");
                ok = false;
            } else if (!fits(row, ACCOUNT_ID, ColumnSizes.ID, "account ids")) {
                ok = false;
            }
            if (start.isEmpty()) {
                row.problem(START, dates.form());
                ok = false;
            }
            if (!endText.isEmpty() && end.isEmpty()) {
                row.problem(END, dates.form() + ", or nothing for a subscription still running");
                ok = false;
            }
            if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
                row.problem(END, "a date on or after start_date " + start.get()
                        + " (end_date is the first day without service)");
                ok = false;
            }
            if (price.isEmpty() || price.get().signum() < 0) {
                row.problem(byAmount ? AMOUNT : SUB_MRR, Values.AMOUNT_FORM
                        + (price.isPresent() ? "; an amount cannot be negative" : ""));
                ok = false;
            }
            if (per.isEmpty()) {
                row.problem(INTERVAL, "month, quarter or year");
                ok = false;
            }
            if (!ok) {
                return;
            }
            long mrr = Values.monthlyCents(price.get(), per.get());
            subs.add(new Subscription(id, account, start.get(), end.orElse(null), mrr));
            for (LocalDate d : end.isPresent() ? List.of(start.get(), end.get()) : List.of(start.get())) {
                if (latest[0] == null || d.isAfter(latest[0])) {
                    latest[0] = d;
                }
            }
        }, progress);
        if (problems.any() || subs.isEmpty()) {
            return new Written(rows, Set.of(), new TreeSet<>());
        }
        YearMonth first = subs.stream().map(s -> YearMonth.from(s.start())).min(YearMonth::compareTo).orElseThrow();
        YearMonth last = options.through() != null ? options.through() : YearMonth.from(latest[0]);
        if (last.isBefore(first)) {
            problems.file("--through " + last + " is before the earliest start_date (" + first
                    + "); give a month from " + first + " on");
            return new Written(rows, Set.of(), new TreeSet<>());
        }
        Map<String, long[]> mrr = SubscriptionSchedule.monthly(subs, first, last);
        TreeSet<YearMonth> months = new TreeSet<>();
        int i = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1), i++) {
            months.add(m);
            w.replaceMonth(m, "subscriptions");
            for (Map.Entry<String, long[]> e : mrr.entrySet()) {
                w.ledgerRow(e.getKey(), m, e.getValue()[i]);
            }
        }
        for (Subscription s : subs) {
            w.upsertSubscription(s.id(), s.accountId(), s.start(), s.end(), s.mrrCents());
        }
        w.ensureAccounts(mrr.keySet());
        return new Written(rows, mrr.keySet(), months);
    }

    /**
     * One record per row: an id column, when the file has one, is the record's identity; otherwise the
     * account, the date and the code are, and the second, third... different row sharing them is a
     * record of its own. A row identical in every column to an earlier one is kept once, with a notice.
     */
    private Written reasons(CsvSource src, RevenueWriter w, Problems problems, ReasonTaxonomy known, ImportOptions options,
                            DateReader dates) {
        ReasonTaxonomy[] taxonomy = {known};
        Set<String> keys = new LinkedHashSet<>();
        Map<String, Long> ids = new HashMap<>();
        Map<String, Integer> sharing = new HashMap<>(); // per account, date and code: the rows without an id so far
        Map<List<String>, Long> distinct = new HashMap<>();
        List<Long> repeats = new ArrayList<>();
        Set<String> accounts = new LinkedHashSet<>();
        List<String> added = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>(); // each distinct unknown code once, in the order met
        int rows = src.forEach(row -> {
            if (distinct.putIfAbsent(row.values(), row.line()) != null) {
                repeats.add(row.line()); // the earlier row was checked (and, if right, kept): nothing new here
                return;
            }
            String account = row.get(ACCOUNT_ID);
            Optional<LocalDate> date = dates.read(row.get(DATE), row.line(), src.header(DATE));
            String raw = row.get(REASON);
            String id = row.get(EVENT_ID);
            Optional<ReasonCode> code = taxonomy[0].resolve(raw);
            boolean ok = true;
            if (account.isEmpty()) {
                row.problem(ACCOUNT_ID, "an account id");
                ok = false;
            } else if (!fits(row, ACCOUNT_ID, ColumnSizes.ID, "account ids")) {
                ok = false;
            }
            if (date.isEmpty()) {
                row.problem(DATE, dates.form());
                ok = false;
            }
            if (!fits(row, NOTE, ColumnSizes.NOTE, "notes")) {
                ok = false;
            }
            if (!fits(row, EVENT_ID, ColumnSizes.ID, "record ids")) {
                ok = false;
            } else if (!id.isEmpty() && ids.containsKey(id)) {
                row.problem(EVENT_ID, "each record once; " + id + " already has line " + ids.get(id)
                        + " with other values (rows identical in every column are kept once)");
                ok = false;
            } else if (!id.isEmpty()) {
                ids.put(id, row.line());
            }
            if (raw.isEmpty()) {
                row.problem(REASON, "a reason or driver code, such as pricing or product_gap");
                ok = false;
            } else if (code.isEmpty() && ReasonTaxonomy.normalize(raw).equals(ReasonTaxonomy.UNEXPLAINED)) {
                row.problem(REASON, "a real code: '" + ReasonTaxonomy.UNEXPLAINED + "' is reserved for lost revenue"
                        + " without a reason; leave the movement without a row instead");
                ok = false;
            } else if (code.isEmpty() && options.addUnknownReasons() && !fits(row, REASON, ColumnSizes.REASON_CODE, "reason codes")) {
                // its label is the same text, and holds more (ColumnSizes.REASON_LABEL)
                ok = false;
            } else if (code.isEmpty() && options.addUnknownReasons()) {
                ReasonCode fresh = new ReasonCode(ReasonTaxonomy.normalize(raw), null, ReasonCode.Polarity.REASON,
                        raw.trim(), List.of());
                taxonomy[0] = taxonomy[0].with(fresh);
                code = Optional.of(fresh);
                added.add(fresh.code());
                w.addReasonCode(fresh);
            } else if (code.isEmpty()) {
                row.problem(REASON, "a known reason or driver code (listed below), or run again with"
                        + " --add-unknown-reasons to add it as an unattributed code");
                unknown.add(ReasonTaxonomy.normalize(raw));
                ok = false;
            }
            if (!ok) {
                return;
            }
            String key;
            if (id.isEmpty()) {
                key = rowKey(account, date.get(), code.get().code());
                int n = sharing.merge(key, 1, Integer::sum);
                key = n == 1 ? key : key + "|" + n;
            } else {
                key = "id:" + id;
            }
            keys.add(key);
            accounts.add(account);
            if (!problems.any()) {
                String note = row.get(NOTE);
                w.putReason(key, id.isEmpty() ? null : id, account, date.get(), code.get().code(),
                        note.isEmpty() ? null : note);
            }
        }, null);
        if (!unknown.isEmpty()) {
            problems.hint("known codes: " + String.join(", ", known.codeNames()));
            unknown.stream().limit(UNKNOWN_CODES_ADVISED).forEach(u -> problems.hint(mapIt(known, u)));
            if (unknown.size() > UNKNOWN_CODES_ADVISED) {
                problems.hint("... and " + (unknown.size() - UNKNOWN_CODES_ADVISED) + " more unknown codes: map or add each"
                        + " the same way (" + dev.nrrbot.platform.Launcher.COMMAND + " taxonomy --help)");
            }
        }
        List<String> notes = repeats.isEmpty() ? List.of() : List.of(repeatsNotice(repeats));
        return new Written(rows, accounts, new TreeSet<>(), keys, added, notes);
    }

    /** How many unknown codes get their own advice: the rest are counted. */
    static final int UNKNOWN_CODES_ADVISED = 10;

    /** The exact commands that make an unknown code known, the closest known code and its function when one is close. */
    static String mapIt(ReasonTaxonomy known, String unknown) {
        String quoted = unknown.length() > 60 ? unknown.substring(0, 57) + "..." : unknown;
        // the commands are copied into a shell: a code with anything but letters, digits and _ goes in quotes
        String arg = unknown.matches("[a-z0-9_.]+") ? unknown : "'" + unknown.replace("'", "'\\''") + "'";
        return known.closest(unknown)
                .map(c -> "'" + quoted + "' is not a known code; closest: " + c + ". Map it: " + dev.nrrbot.platform.Launcher.COMMAND + " taxonomy alias " + arg
                        + " " + c + "   or add it: " + dev.nrrbot.platform.Launcher.COMMAND + " taxonomy add " + arg + " "
                        + known.byCode(c).map(ReasonCode::functionCode).orElse("FUNCTION"))
                .orElse("'" + quoted + "' is not a known code and none is close. Add it: " + dev.nrrbot.platform.Launcher.COMMAND + " taxonomy add " + arg
                        + " FUNCTION   or map it to a known code: " + dev.nrrbot.platform.Launcher.COMMAND + " taxonomy alias " + arg + " CODE");
    }

    /**
     * The identity of a record without an id (migrations/V8__reason_events.sql writes the same for the
     * records kept before): the account, the date as YYYYMMDD and the code.
     */
    static String rowKey(String account, LocalDate date, String code) {
        return "row:" + account + "|" + (date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth())
                + "|" + code;
    }

    /** "2 rows identical to earlier ones were kept once: lines 12, 40." */
    static String repeatsNotice(List<Long> lines) {
        StringBuilder named = new StringBuilder();
        for (int i = 0; i < Math.min(lines.size(), LINES_NAMED); i++) {
            named.append(i == 0 ? "" : ", ").append(lines.get(i));
        }
        if (lines.size() > LINES_NAMED) {
            named.append(" and ").append(lines.size() - LINES_NAMED).append(" more");
        }
        return lines.size() == 1 ? "1 row identical to an earlier one was kept once: line " + named + "."
                : lines.size() + " rows identical to earlier ones were kept once: lines " + named + ".";
    }

    /** Whether the row's value of {@code f} fits a column of {@code max} characters; if not, the row has a problem saying so. */
    private static boolean fits(CsvSource.Row row, Field f, int max, String what) {
        String v = row.get(f);
        if (v.length() <= max) {
            return true;
        }
        row.problem(f, tooLong(v, max, what));
        return false;
    }

    /** "612 characters; names hold at most 500". */
    static String tooLong(String value, int max, String what) {
        return String.format(java.util.Locale.ROOT, "%,d characters; %s hold at most %,d", value.length(), what, max);
    }

    private static ImportSummary summarize(ImportKind kind, CsvSource src, Written w, Portfolio p,
                                           List<DataWarnings.Warning> warnings) {
        Map<MovementKind, Integer> movements = new EnumMap<>(MovementKind.class);
        int unexplained = 0;
        if (!w.months().isEmpty()) {
            for (int a = 0; a < p.ledger().accountCount(); a++) {
                for (Movement m : p.movements(a)) {
                    if (w.months().contains(m.month())) {
                        movements.merge(m.kind(), 1, Integer::sum);
                        if (m.kind().isLoss() && m.reason() == null) {
                            unexplained++;
                        }
                    }
                }
            }
        }
        int unmatched = 0;
        for (ReasonRecord r : p == null ? List.<ReasonRecord>of() : p.unmatchedRecords()) {
            if (w.reasonKeys().contains(r.key())) {
                unmatched++;
            }
        }
        int matched = w.reasonKeys().size() - unmatched;
        List<String> notes = new ArrayList<>(w.notes());
        List<String> ignored = kind == ImportKind.ACCOUNTS ? List.of() : src.otherColumns();
        if (!ignored.isEmpty()) {
            notes.add("Columns not used by a " + kind.code() + " import: " + String.join(", ", ignored) + ".");
        }
        return new ImportSummary(kind, src.name(), w.rows(), w.accounts().size(),
                w.months().isEmpty() ? null : w.months().first(), w.months().isEmpty() ? null : w.months().last(),
                w.months().size(), movements, unexplained, matched, unmatched, w.addedCodes(), notes, warnings);
    }
}
