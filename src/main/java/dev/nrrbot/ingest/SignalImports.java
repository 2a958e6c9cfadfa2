package dev.nrrbot.ingest;

import dev.nrrbot.revenue.ColumnSizes;
import dev.nrrbot.signals.AccountEvent;
import dev.nrrbot.signals.Invoice;
import dev.nrrbot.signals.SignalWriter;
import dev.nrrbot.signals.Survey;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The readers of the signal kinds (tickets, usage, surveys, invoices, events), dispatched from
 * {@link Importer#run} inside its transaction. Each reads the whole file into memory and checks it,
 * and writes only when nothing was wrong: a problem anywhere writes nothing.
 */
final class SignalImports {

    static final Field ACCOUNT_ID = Field.required("account_id", "customer_id", "account", "customer", "accountid",
            "customerid", "client_id", "company_id", "organization_id", "org_id");
    static final Field SURVEY_DATE = Field.required("date", "survey_date", "responded_at", "response_date",
            "submitted_at", "created_at", "answered_at");
    static final Field SCORE = Field.required("score", "nps", "nps_score", "csat", "csat_score", "rating", "response");
    static final Field COMMENT = Field.optional("comment", "comments", "feedback", "feedback_text", "note", "notes",
            "text", "verbatim", "reason");
    static final Field RESPONSE_ID = Field.optional("response_id", "id", "survey_response_id", "survey_id");
    static final Field INVOICE_ID = Field.required("invoice_id", "id", "invoice", "invoice_number", "number");
    static final Field DUE = Field.required("due_date", "due", "due_on", "due_at", "invoice_date", "date", "created_at");
    static final Field PAID = Field.optional("paid_at", "paid_date", "paid_on", "payment_date", "paid");
    static final Field AMOUNT = Field.required("amount", "amount_due", "total", "amount_usd", "invoice_amount");
    static final Field STATUS = Field.optional("status", "invoice_status", "payment_status", "state");
    static final Field EVENT_DATE = Field.required("date", "event_date", "occurred_at", "happened_on", "created_at");
    static final Field TYPE = Field.required("type", "event_type", "event", "milestone", "kind", "category");
    static final Field EVENT_NOTE = Field.optional("note", "notes", "description", "details", "comment", "comments");
    static final Field EVENT_ID = Field.optional("event_id", "id", "milestone_id");

    /** What a signal import wrote, for its summary and the import log. */
    record Result(int rows, Set<String> accounts, LocalDate first, LocalDate last, List<String> notes) {
        YearMonth firstMonth() {
            return first == null ? null : YearMonth.from(first);
        }

        YearMonth lastMonth() {
            return last == null ? null : YearMonth.from(last);
        }
    }

    /** What every reader needs besides the file. */
    record Context(DateReader dates, ImportOptions options, Map<String, String> subscriptionAccounts,
                   CsvSource.Progress progress) {
    }

    private SignalImports() {
    }

    static List<Field> fields(ImportKind kind) {
        return switch (kind) {
            case TICKETS -> TicketImport.FIELDS;
            case USAGE -> UsageImport.FIELDS;
            case SURVEYS -> List.of(ACCOUNT_ID, SURVEY_DATE, SCORE, COMMENT, RESPONSE_ID);
            case INVOICES -> List.of(ACCOUNT_ID, INVOICE_ID, DUE, PAID, AMOUNT, STATUS);
            case EVENTS -> List.of(ACCOUNT_ID, EVENT_DATE, TYPE, EVENT_NOTE, EVENT_ID);
            default -> throw new IllegalArgumentException(kind + " is not a signal");
        };
    }

    static Result read(ImportKind kind, CsvSource src, SignalWriter w, Problems problems, Context ctx) {
        return switch (kind) {
            case TICKETS -> TicketImport.read(src, w, problems, ctx);
            case USAGE -> UsageImport.read(src, w, problems, ctx);
            case SURVEYS -> surveys(src, w, problems, ctx);
            case INVOICES -> invoices(src, w, problems, ctx);
            case EVENTS -> events(src, w, problems, ctx);
            default -> throw new IllegalArgumentException(kind + " is not a signal");
        };
    }

    /** Collects the accounts and the span of dates of what is kept. */
    static final class Span {
        final Set<String> accounts = new LinkedHashSet<>();
        LocalDate first;
        LocalDate last;

        void add(String account, LocalDate d) {
            accounts.add(account);
            first = first == null || d.isBefore(first) ? d : first;
            last = last == null || d.isAfter(last) ? d : last;
        }

        Result result(int rows, List<String> notes) {
            return new Result(rows, accounts, first, last, notes);
        }
    }

    /** "37 of 480 accounts in the tickets are not in the revenue data, e.g.: check the ids match". */
    static String unknownAccounts(ImportKind kind, List<String> unknown, int accounts) {
        String some = String.join(", ", unknown.subList(0, Math.min(5, unknown.size())));
        return String.format(Locale.ROOT, "Warning: %,d of %,d accounts in the %s are not in the revenue data, e.g. %s:"
                + " check the ids match the revenue import (or import the accounts).", unknown.size(), accounts,
                kind.code(), some);
    }

    /** The row's account id, or null with the problem recorded. */
    static String account(CsvSource.Row row, Field f) {
        String id = row.get(f);
        if (id.isEmpty()) {
            row.problem(f, "an account id");
            return null;
        }
        if (id.length() > ColumnSizes.ID) {
            row.problem(f, Importer.tooLong(id, ColumnSizes.ID, "account ids"));
            return null;
        }
        return id;
    }

    /** The row's date in {@code f}, or null with the problem recorded. */
    static LocalDate date(CsvSource src, CsvSource.Row row, Field f, DateReader dates) {
        Optional<LocalDate> d = dates.read(row.get(f), row.line(), src.header(f));
        if (d.isEmpty()) {
            row.problem(f, dates.form());
            return null;
        }
        return d.get();
    }

    /** Whether {@code f} fits {@code max} characters; if not, the row has a problem saying so. */
    static boolean fits(CsvSource.Row row, Field f, int max, String what) {
        if (row.get(f).length() <= max) {
            return true;
        }
        row.problem(f, Importer.tooLong(row.get(f), max, what));
        return false;
    }

    /**
     * The identity of a row without an id: its account, its day and its place among the rows of the file
     * sharing them (the second answer of one account on one day is a record of its own).
     */
    static String rowKey(Map<String, Integer> sharing, String account, LocalDate day) {
        String key = "row:" + account + "|" + day;
        int n = sharing.merge(key, 1, Integer::sum);
        return n == 1 ? key : key + "|" + n;
    }

    /** Writes {@code planned} only when the file had no problem at all. */
    private static <T> void writeIfClean(Problems problems, DateReader dates, List<T> planned, Consumer<T> write) {
        dates.finish(problems);
        if (!problems.any()) {
            planned.forEach(write);
        }
    }

    private static List<String> notes(DateReader dates, String... more) {
        List<String> out = new ArrayList<>(java.util.Arrays.asList(more));
        out.add(dates.note());
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    private record Keyed<T>(String key, String id, T value) {
    }

    private static Result surveys(CsvSource src, SignalWriter w, Problems problems, Context ctx) {
        Survey.Scale scale = ctx.options().scale() == null ? Survey.Scale.NPS : ctx.options().scale();
        String other = scale == Survey.Scale.NPS ? "csat" : "nps";
        List<Keyed<Survey>> planned = new ArrayList<>();
        Map<String, Integer> sharing = new HashMap<>();
        Map<String, Long> ids = new HashMap<>();
        Span span = new Span();
        int rows = src.forEach(row -> {
            String account = account(row, ACCOUNT_ID);
            LocalDate day = date(src, row, SURVEY_DATE, ctx.dates());
            Optional<Long> score = Values.count(row.get(SCORE));
            String id = row.get(RESPONSE_ID);
            boolean ok = account != null && day != null;
            if (score.isEmpty() || score.get() < scale.min || score.get() > scale.max) {
                row.problem(SCORE, "a score from " + scale.min + " to " + scale.max + " (" + scale.name() + ")"
                        + "; for " + other.toUpperCase(Locale.ROOT) + " scores give --scale " + other);
                ok = false;
            }
            ok &= fits(row, COMMENT, ColumnSizes.NOTE, "comments") & fits(row, RESPONSE_ID, ColumnSizes.ID, "response ids");
            if (!id.isEmpty() && ids.putIfAbsent(id, row.line()) != null) {
                row.problem(RESPONSE_ID, "each response once; " + id + " already has line " + ids.get(id));
                ok = false;
            }
            if (!ok) {
                return;
            }
            String comment = row.get(COMMENT);
            String key = id.isEmpty() ? rowKey(sharing, account, day) : "id:" + id;
            planned.add(new Keyed<>(key, id.isEmpty() ? null : id,
                    new Survey(account, day, score.get().intValue(), scale, comment.isEmpty() ? null : comment)));
            span.add(account, day);
        }, ctx.progress());
        writeIfClean(problems, ctx.dates(), planned, k -> w.putSurvey(k.key(), k.id(), k.value()));
        return span.result(rows, notes(ctx.dates(), "Scores read on the " + scale.name() + " scale (" + scale.min + "-"
                + scale.max + (ctx.options().scale() == null ? "; --scale csat for 1-5 answers" : "") + ")."));
    }

    private static Result invoices(CsvSource src, SignalWriter w, Problems problems, Context ctx) {
        List<Invoice> planned = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        Span span = new Span();
        int rows = src.forEach(row -> {
            String account = account(row, ACCOUNT_ID);
            String id = row.get(INVOICE_ID);
            LocalDate due = date(src, row, DUE, ctx.dates());
            String paidText = row.get(PAID);
            Optional<LocalDate> paid = paidText.isEmpty() ? Optional.empty()
                    : ctx.dates().read(paidText, row.line(), src.header(PAID));
            Optional<Long> cents = Values.cents(row.get(AMOUNT));
            String statusText = row.get(STATUS);
            Optional<Invoice.Status> status = src.has(STATUS) && !statusText.isEmpty() ? Invoice.Status.parse(statusText)
                    : Optional.of(paidText.isEmpty() ? Invoice.Status.OPEN : Invoice.Status.PAID);
            boolean ok = account != null && due != null;
            if (id.isEmpty()) {
                row.problem(INVOICE_ID, "an invoice id");
                ok = false;
            } else if (!fits(row, INVOICE_ID, ColumnSizes.ID, "invoice ids")) {
                ok = false;
            } else if (ids.putIfAbsent(id, row.line()) != null) {
                row.problem(INVOICE_ID, "each invoice once; " + id + " already has line " + ids.get(id));
                ok = false;
            }
            if (!paidText.isEmpty() && paid.isEmpty()) {
                row.problem(PAID, ctx.dates().form() + ", or nothing for an invoice not paid");
                ok = false;
            }
            if (cents.isEmpty() || cents.get() < 0) {
                row.problem(AMOUNT, Values.AMOUNT_FORM);
                ok = false;
            }
            if (status.isEmpty()) {
                row.problem(STATUS, "paid, open, overdue or failed (also succeeded, pending, past_due, declined...)");
                ok = false;
            }
            if (!ok) {
                return;
            }
            planned.add(new Invoice(id, account, due, paid.orElse(null), cents.get(), status.get()));
            span.add(account, due);
        }, ctx.progress());
        writeIfClean(problems, ctx.dates(), planned, w::putInvoice);
        return span.result(rows, notes(ctx.dates(), src.has(STATUS) ? null
                : "Without a status column, an invoice with a paid date is paid and one without is open."));
    }

    /** "Champion Left", "champion-left" and "CHAMPION_LEFT" are one type: champion_left. */
    static String eventType(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_+|_+$", "");
    }

    private static Result events(CsvSource src, SignalWriter w, Problems problems, Context ctx) {
        List<Keyed<AccountEvent>> planned = new ArrayList<>();
        Map<String, Integer> sharing = new HashMap<>();
        Map<String, Long> ids = new HashMap<>();
        Span span = new Span();
        int rows = src.forEach(row -> {
            String account = account(row, ACCOUNT_ID);
            LocalDate day = date(src, row, EVENT_DATE, ctx.dates());
            String type = eventType(row.get(TYPE));
            String id = row.get(EVENT_ID);
            boolean ok = account != null && day != null;
            if (type.isEmpty()) {
                row.problem(TYPE, "the kind of event in words, such as champion_left, new_executive or go_live");
                ok = false;
            } else if (type.length() > 100) {
                row.problem(TYPE, Importer.tooLong(type, 100, "event types"));
                ok = false;
            }
            ok &= fits(row, EVENT_NOTE, ColumnSizes.NOTE, "notes") & fits(row, EVENT_ID, ColumnSizes.ID, "event ids");
            if (!id.isEmpty() && ids.putIfAbsent(id, row.line()) != null) {
                row.problem(EVENT_ID, "each event once; " + id + " already has line " + ids.get(id));
                ok = false;
            }
            if (!ok) {
                return;
            }
            String note = row.get(EVENT_NOTE);
            String key = id.isEmpty() ? rowKey(sharing, account, day) : "id:" + id;
            planned.add(new Keyed<>(key, null, new AccountEvent(account, day, type, note.isEmpty() ? null : note)));
            span.add(account, day);
        }, ctx.progress());
        writeIfClean(problems, ctx.dates(), planned, k -> w.putEvent(k.key(), k.value()));
        return span.result(rows, notes(ctx.dates()));
    }
}
