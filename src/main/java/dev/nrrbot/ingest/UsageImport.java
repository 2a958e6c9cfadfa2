package dev.nrrbot.ingest;

import dev.nrrbot.revenue.ColumnSizes;
import dev.nrrbot.signals.SignalWriter;
import dev.nrrbot.signals.UsageEntries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads product usage (RavenStack's feature usage, or any export of events per account or
 * subscription) folded per account, day and feature in memory, then written a day at a time: each day
 * the file names is its whole truth, so the day's stored record is replaced, never looked up row by row.
 */
final class UsageImport {

    static final Field ACCOUNT_ID = Field.optional("account_id", "customer_id", "account", "customer", "accountid",
            "client_id", "company_id", "organization_id", "org_id");
    static final Field SUBSCRIPTION_ID = Field.optional("subscription_id", "subscription", "sub_id");
    static final Field DAY = Field.required("date", "usage_date", "day", "event_date", "activity_date", "used_at",
            "timestamp", "used_on");
    static final Field FEATURE = Field.required("feature", "feature_name", "event", "event_name", "action", "feature_id");
    static final Field COUNT = Field.optional("count", "usage_count", "uses", "event_count", "events", "quantity");
    static final Field DURATION = Field.optional("duration_seconds", "usage_duration_secs", "duration_secs", "duration",
            "seconds");
    static final Field ERRORS = Field.optional("errors", "error_count", "errors_count");
    static final List<Field> FIELDS = List.of(ACCOUNT_ID, SUBSCRIPTION_ID, DAY, FEATURE, COUNT, DURATION, ERRORS);

    /** Rows folded by account, day and feature: count, seconds, errors. */
    private record Key(String account, LocalDate day, String feature) {
    }

    private UsageImport() {
    }

    static SignalImports.Result read(CsvSource src, SignalWriter w, Problems problems, SignalImports.Context ctx) {
        if (!src.has(ACCOUNT_ID) && !src.has(SUBSCRIPTION_ID)) {
            problems.file("missing the account: give a column " + ACCOUNT_ID.describe() + ", or "
                    + SUBSCRIPTION_ID.describe() + " for subscriptions already imported");
            return new SignalImports.Result(0, java.util.Set.of(), null, null, List.of());
        }
        boolean bySubscription = !src.has(ACCOUNT_ID);
        Map<Key, long[]> folded = new HashMap<>();
        Map<String, String> accounts = new HashMap<>(); // interned: one String per account id
        Map<String, String> features = new HashMap<>();
        SignalImports.Span span = new SignalImports.Span();
        int[] unknownSubscriptions = {0};
        int rows = src.forEach(row -> {
            String account;
            if (bySubscription) {
                String sub = row.get(SUBSCRIPTION_ID);
                account = sub.isEmpty() ? null : ctx.subscriptionAccounts().get(sub);
                if (sub.isEmpty()) {
                    row.problem(SUBSCRIPTION_ID, "a subscription id");
                } else if (account == null) {
                    unknownSubscriptions[0]++;
                    row.problem(SUBSCRIPTION_ID, "a subscription already imported; this one is not known: import the"
                            + " subscriptions first (" + dev.nrrbot.platform.Launcher.COMMAND + " import subscriptions FILE)");
                }
            } else {
                account = SignalImports.account(row, ACCOUNT_ID);
            }
            LocalDate day = SignalImports.date(src, row, DAY, ctx.dates());
            String feature = row.get(FEATURE);
            boolean ok = account != null && day != null;
            if (feature.isEmpty()) {
                row.problem(FEATURE, "the feature used, such as reports or export");
                ok = false;
            } else if (!SignalImports.fits(row, FEATURE, ColumnSizes.ID, "feature names")) {
                ok = false;
            }
            long count = number(row, COUNT, 1, "uses");
            long seconds = number(row, DURATION, 0, "seconds");
            long errors = number(row, ERRORS, 0, "errors");
            if (!ok || count < 0 || seconds < 0 || errors < 0 || problems.any()) {
                return; // after a first problem nothing is kept: only the checking goes on
            }
            String known = accounts.putIfAbsent(account, account);
            long[] sum = folded.computeIfAbsent(new Key(known == null ? account : known, day,
                    features.computeIfAbsent(feature, f -> f)), k -> new long[3]);
            sum[0] += count;
            sum[1] += seconds;
            sum[2] += errors;
            // the span changes only with a new account or a day outside it (a set lookup per row saved)
            if (known == null || span.first == null || day.isBefore(span.first) || day.isAfter(span.last)) {
                span.add(account, day);
            }
        }, ctx.progress());
        ctx.dates().finish(problems);
        if (unknownSubscriptions[0] > Problems.CAP) {
            problems.hint(String.format(Locale.ROOT, "%,d rows name a subscription not imported yet", unknownSubscriptions[0]));
        }
        long accountDays;
        if (!problems.any()) {
            accountDays = write(w, folded);
        } else {
            accountDays = folded.keySet().stream().map(k -> k.account() + "|" + k.day()).distinct().count();
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Kept %,d rows (per account, day and feature) in %,d account-days, %,d features;"
                + " %,d rows folded into others.", folded.size(), accountDays, features.size(), rows - folded.size()));
        if (bySubscription) {
            notes.add("Accounts found through the subscriptions already imported (" + src.header(SUBSCRIPTION_ID) + ").");
        }
        notes.add("Each day in the file replaced what was stored for that day.");
        if (ctx.dates().note() != null) {
            notes.add(ctx.dates().note());
        }
        return span.result(rows, notes);
    }

    /** The value of {@code f}, {@code absent} when the file has no such column or the row leaves it empty; -1 on a problem. */
    private static long number(CsvSource.Row row, Field f, long absent, String what) {
        String t = row.get(f);
        if (t.isEmpty()) {
            return absent;
        }
        Optional<Long> n = Values.count(t);
        if (n.isEmpty()) {
            row.problem(f, Values.COUNT_FORM + " (" + what + "), or nothing");
            return -1;
        }
        return n.get();
    }

    /**
     * Every day at once, each day's entries as one record (or a few): one write per day, not per row.
     * Returns the account-days written.
     */
    private static long write(SignalWriter w, Map<Key, long[]> folded) {
        Map<LocalDate, List<UsageEntries.Entry>> days = new HashMap<>();
        for (Map.Entry<Key, long[]> e : folded.entrySet()) {
            long[] v = e.getValue();
            days.computeIfAbsent(e.getKey().day(), d -> new ArrayList<>())
                    .add(new UsageEntries.Entry(e.getKey().account(), e.getKey().feature(), v[0], v[1], v[2]));
        }
        long accountDays = 0;
        java.util.Set<String> accounts = new java.util.HashSet<>();
        for (List<UsageEntries.Entry> day : days.values()) {
            accounts.clear();
            for (UsageEntries.Entry e : day) {
                accounts.add(e.accountId());
            }
            accountDays += accounts.size();
        }
        w.replaceUsageDays(new TreeMap<>(days));
        return accountDays;
    }
}
