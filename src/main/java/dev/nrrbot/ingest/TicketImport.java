package dev.nrrbot.ingest;

import dev.nrrbot.revenue.ColumnSizes;
import dev.nrrbot.signals.SignalWriter;
import dev.nrrbot.signals.Ticket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a helpdesk export (RavenStack's, Zendesk's, Intercom's or Freshdesk's names). The satisfaction
 * scale is the file's: it is read from all its ratings before any is kept, so every ticket is held
 * until the end of the file.
 */
final class TicketImport {

    static final Field TICKET_ID = Field.required("ticket_id", "id", "ticket", "ticket_number", "case_id",
            "conversation_id");
    static final Field ACCOUNT_ID = Field.required("account_id", "organization_id", "org_id", "customer_id", "account",
            "customer", "company_id", "client_id", "requester_organization_id");
    static final Field OPENED = Field.required("opened_at", "submitted_at", "created_at", "created", "opened",
            "open_date", "created_date", "date");
    static final Field CLOSED = Field.optional("closed_at", "solved_at", "resolved_at", "closed", "closed_date",
            "resolved_date", "solved_date");
    static final Field HOURS = Field.optional("resolution_time_hours", "resolution_hours", "full_resolution_time_hours",
            "hours_to_resolve");
    static final Field PRIORITY = Field.optional("priority", "severity", "urgency");
    static final Field FIRST_RESPONSE = Field.optional("first_response_minutes", "first_response_time_minutes",
            "first_reply_time_minutes", "reply_time_in_minutes", "first_response_time", "first_reply_time");
    static final Field SATISFACTION = Field.optional("satisfaction", "satisfaction_score", "satisfaction_rating", "csat",
            "rating", "csat_score");
    static final Field ESCALATED = Field.optional("escalated", "escalation_flag", "is_escalated", "escalation");
    static final List<Field> FIELDS = List.of(TICKET_ID, ACCOUNT_ID, OPENED, CLOSED, HOURS, PRIORITY, FIRST_RESPONSE,
            SATISFACTION, ESCALATED);

    private static final String PRIORITIES = "low, normal (or medium), high, urgent (also p1-p4, critical...)";

    /** How ratings become a share of the best, inferred from the file's values. */
    enum Scale {
        ONE_TO_FIVE("1-5"), ZERO_TO_TEN("0-10"), PERCENT("0-100"), GOOD_BAD("good/bad");

        final String label;

        Scale(String label) {
            this.label = label;
        }

        double share(double v) {
            return switch (this) {
                case ONE_TO_FIVE -> (v - 1) / 4;
                case ZERO_TO_TEN -> v / 10;
                case PERCENT -> v / 100;
                case GOOD_BAD -> v;
            };
        }

        /** The scale every rating of the file fits, the narrowest first. */
        static Optional<Scale> of(double min, double max, boolean words) {
            if (words) {
                return Optional.of(GOOD_BAD);
            }
            if (min >= 1 && max <= 5) {
                return Optional.of(ONE_TO_FIVE);
            }
            return max <= 10 ? Optional.of(ZERO_TO_TEN) : max <= 100 ? Optional.of(PERCENT) : Optional.empty();
        }
    }

    /** A ticket before its rating is scaled: {@code rating} is the number read, or NaN unrated. */
    private record Pending(Ticket ticket, double rating, long line) {
    }

    private TicketImport() {
    }

    static SignalImports.Result read(CsvSource src, SignalWriter w, Problems problems, SignalImports.Context ctx) {
        List<Pending> planned = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        SignalImports.Span span = new SignalImports.Span();
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        long[] firstWord = {-1};
        long[] firstNumber = {-1};
        int[] open = {0};
        int rows = src.forEach(row -> {
            String id = row.get(TICKET_ID);
            String account = SignalImports.account(row, ACCOUNT_ID);
            LocalDate opened = SignalImports.date(src, row, OPENED, ctx.dates());
            boolean ok = account != null && opened != null;
            if (id.isEmpty()) {
                row.problem(TICKET_ID, "a ticket id");
                ok = false;
            } else if (!SignalImports.fits(row, TICKET_ID, ColumnSizes.ID, "ticket ids")) {
                ok = false;
            } else if (ids.putIfAbsent(id, row.line()) != null) {
                row.problem(TICKET_ID, "each ticket once; " + id + " already has line " + ids.get(id));
                ok = false;
            }
            LocalDate closed = null;
            String closedText = row.get(CLOSED);
            if (!closedText.isEmpty()) {
                Optional<LocalDate> c = ctx.dates().read(closedText, row.line(), src.header(CLOSED));
                if (c.isEmpty()) {
                    row.problem(CLOSED, ctx.dates().form() + ", or nothing for a ticket still open");
                    ok = false;
                } else {
                    closed = c.get();
                }
            } else if (!src.has(CLOSED) && !row.get(HOURS).isEmpty()) {
                Optional<Double> hours = Values.number(row.get(HOURS));
                if (hours.isEmpty()) {
                    row.problem(HOURS, "a number of hours of 0 or more such as 27 or 27.5, or nothing for a ticket still open");
                    ok = false;
                } else if (opened != null) {
                    closed = opened.atStartOfDay().plusMinutes(Math.round(hours.get() * 60)).toLocalDate();
                }
            }
            if (closed != null && opened != null && closed.isBefore(opened)) {
                row.problem(CLOSED, "a date on or after " + src.header(OPENED) + " " + opened);
                ok = false;
            }
            Optional<Ticket.Priority> priority = Ticket.Priority.parse(row.get(PRIORITY));
            if (priority.isEmpty()) {
                row.problem(PRIORITY, "a priority: " + PRIORITIES);
                ok = false;
            }
            Integer minutes = null;
            if (!row.get(FIRST_RESPONSE).isEmpty()) {
                Optional<Long> m = Values.count(row.get(FIRST_RESPONSE));
                if (m.isEmpty() || m.get() > Integer.MAX_VALUE) {
                    row.problem(FIRST_RESPONSE, Values.COUNT_FORM + " (minutes), or nothing");
                    ok = false;
                } else {
                    minutes = m.get().intValue();
                }
            }
            double rating = Double.NaN;
            String sat = row.get(SATISFACTION).toLowerCase(Locale.ROOT);
            switch (sat) {
                case "", "offered", "unoffered", "not_offered", "none", "n/a" -> { } // asked or not, no answer
                case "good", "bad" -> {
                    rating = sat.equals("good") ? 1 : 0;
                    firstWord[0] = firstWord[0] < 0 ? row.line() : firstWord[0];
                }
                default -> {
                    Optional<Double> v = Values.number(sat);
                    if (v.isEmpty()) {
                        row.problem(SATISFACTION, "a rating such as 4 (1-5), 8 (0-10), 80 (0-100), good or bad, or nothing");
                        ok = false;
                    } else {
                        rating = v.get();
                        range[0] = Math.min(range[0], rating);
                        range[1] = Math.max(range[1], rating);
                        firstNumber[0] = firstNumber[0] < 0 ? row.line() : firstNumber[0];
                    }
                }
            }
            boolean escalated = false;
            if (!row.get(ESCALATED).isEmpty()) {
                Optional<Boolean> b = Values.bool(row.get(ESCALATED));
                if (b.isEmpty()) {
                    row.problem(ESCALATED, Values.BOOLEAN_FORM);
                    ok = false;
                } else {
                    escalated = b.get();
                }
            }
            if (!ok) {
                return;
            }
            open[0] += closed == null ? 1 : 0;
            planned.add(new Pending(new Ticket(id, account, opened, closed, priority.get(), minutes, null, escalated),
                    rating, row.line()));
            span.add(account, opened);
        }, ctx.progress());
        Scale scale = null;
        if (firstWord[0] >= 0 && firstNumber[0] >= 0) {
            problems.file("ratings mix words (good/bad, line " + firstWord[0] + ") and numbers (line " + firstNumber[0]
                    + "); export one kind of rating");
        } else if (firstWord[0] >= 0 || firstNumber[0] >= 0) {
            scale = Scale.of(range[0], range[1], firstWord[0] >= 0).orElse(null);
            if (scale == null) {
                problems.file("ratings go up to " + range[1] + ", beyond any scale read (1-5, 0-10, 0-100); export the"
                        + " ratings on one of them");
            }
        }
        ctx.dates().finish(problems);
        if (!problems.any()) {
            for (Pending p : planned) {
                Ticket t = p.ticket();
                Double share = Double.isNaN(p.rating()) ? null : scale.share(p.rating());
                w.putTicket(new Ticket(t.ticketId(), t.accountId(), t.opened(), t.closed(), t.priority(),
                        t.firstResponseMinutes(), share, t.escalated()));
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%,d tickets still open (no close date).", open[0]));
        if (scale != null) {
            long rated = planned.stream().filter(p -> !Double.isNaN(p.rating())).count();
            notes.add(String.format(Locale.ROOT, "Satisfaction read on a %s scale (from the file's ratings, %s to %s),"
                            + " kept as a share of the best; %,d of %,d tickets rated.", scale.label,
                    scale == Scale.GOOD_BAD ? "bad" : trim(range[0]), scale == Scale.GOOD_BAD ? "good" : trim(range[1]),
                    rated, planned.size()));
        }
        if (!src.has(CLOSED) && src.has(HOURS)) {
            notes.add("Closed dates computed from the opened date and " + src.header(HOURS) + ".");
        }
        if (ctx.dates().note() != null) {
            notes.add(ctx.dates().note());
        }
        return span.result(rows, notes);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
