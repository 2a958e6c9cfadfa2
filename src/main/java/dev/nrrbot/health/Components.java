package dev.nrrbot.health;

import dev.nrrbot.signals.AccountEvent;
import dev.nrrbot.signals.Invoice;
import dev.nrrbot.signals.SignalBook;
import dev.nrrbot.signals.Survey;
import dev.nrrbot.signals.Ticket;
import dev.nrrbot.signals.UsageSeries;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How each component turns signals into a score from 0 to 1, and the figures behind it. Each rule
 * is a straight line between a point where nothing is wrong (1) and one where a CS leader would act
 * (0), so a score reads back as the figures that made it. The windows: usage compares the last 90
 * days with the 90 before; tickets look at the last 90 days (satisfaction 180); payments at the
 * last 90 days and what is unpaid on the day; surveys at the latest answer within a year; people
 * changes at the last 180 days.
 */
public final class Components {

    static final int TREND_DAYS = 90;

    private Components() {
    }

    public static Reading read(HealthComponent c, Signals in) {
        if (c.input() != null && !in.book().has(c.input())) {
            return Reading.missing(c, "no " + kindName(c.input()) + " imported");
        }
        return switch (c) {
            case USAGE_TREND -> usageTrend(in);
            case USAGE_BREADTH -> usageBreadth(in);
            case ERRORS -> errors(in);
            case TICKET_LOAD -> ticketLoad(in);
            case OPEN_HIGH_PRIORITY -> openHighPriority(in);
            case ESCALATIONS -> escalations(in);
            case CSAT -> csat(in);
            case PAYMENTS -> payments(in);
            case SURVEYS -> surveys(in);
            case CHAMPION -> champion(in);
            case RENEWAL -> renewal(in);
            case CONTRACTION -> contraction(in);
        };
    }

    static String kindName(SignalBook.Kind k) {
        return switch (k) {
            case TICKETS -> "tickets";
            case USAGE -> "usage";
            case SURVEYS -> "surveys";
            case INVOICES -> "invoices";
            case EVENTS -> "account events";
        };
    }

    /** A line from (at, 0) to (ok, 1), clamped: {@code line(x, 0.5, 0)} is 1 at 0 and 0 at 0.5. */
    static double line(double x, double atZero, double atOne) {
        return Math.max(0, Math.min(1, (x - atZero) / (atOne - atZero)));
    }

    /** Whether the kind's data reaches back {@code days} before the day: else a trend over them is not known. */
    private static boolean covers(Signals in, SignalBook.Kind kind, int days) {
        LocalDate e = in.book().earliest(kind).orElse(null);
        return e != null && !e.isAfter(usageEnd(in).minusDays(days - 1L));
    }

    /**
     * The day usage windows end: the day scored, or the last day any usage was imported if that is
     * earlier, so an export that lags the revenue by a week does not read as a week without use.
     */
    static LocalDate usageEnd(Signals in) {
        return in.usageEnd();
    }

    /** a: uses in the last 90 days, b: in the 90 before, c: the change (-0.46). 0 at -50%. */
    private static Reading usageTrend(Signals in) {
        UsageSeries u = in.account().usage();
        if (u.isEmpty() || u.firstDay().isAfter(in.asOf())) {
            return Reading.missing(HealthComponent.USAGE_TREND, "no usage imported for this account");
        }
        if (!covers(in, SignalBook.Kind.USAGE, 2 * TREND_DAYS)) {
            return Reading.missing(HealthComponent.USAGE_TREND, "usage known for less than 180 days before " + in.asOf());
        }
        UsageSeries.Halves h = in.usage(usageEnd(in));
        long recent = h.recent().uses();
        long prior = h.prior().uses();
        if (prior == 0) {
            return recent == 0 ? Reading.of(HealthComponent.USAGE_TREND, 0, 0, 0, -1)
                    : Reading.of(HealthComponent.USAGE_TREND, 1, recent, 0, 0);
        }
        double change = recent / (double) prior - 1;
        return Reading.of(HealthComponent.USAGE_TREND, line(change, -0.5, 0), recent, prior, change);
    }

    /** a: features used in the last 90 days, b: in the 90 before. 0 when half as many. */
    private static Reading usageBreadth(Signals in) {
        UsageSeries u = in.account().usage();
        if (u.isEmpty() || u.firstDay().isAfter(in.asOf())) {
            return Reading.missing(HealthComponent.USAGE_BREADTH, "no usage imported for this account");
        }
        if (!covers(in, SignalBook.Kind.USAGE, 2 * TREND_DAYS)) {
            return Reading.missing(HealthComponent.USAGE_BREADTH, "usage known for less than 180 days before " + in.asOf());
        }
        UsageSeries.Halves h = in.usage(usageEnd(in));
        int recent = h.recent().features();
        int prior = h.prior().features();
        if (prior == 0) {
            return Reading.of(HealthComponent.USAGE_BREADTH, recent > 0 ? 1 : 0, recent, 0, 0);
        }
        return Reading.of(HealthComponent.USAGE_BREADTH, line(recent / (double) prior, 0.5, 1), recent, prior, 0);
    }

    /** a: errors, b: uses, c: errors per use, over the last 90 days. 1 at 1%, 0 at 10%. */
    private static Reading errors(Signals in) {
        UsageSeries.Totals t = in.usage(usageEnd(in)).recent();
        if (t.uses() == 0) {
            return Reading.missing(HealthComponent.ERRORS, "no usage in the last 90 days");
        }
        double rate = t.errors() / (double) t.uses();
        return Reading.of(HealthComponent.ERRORS, line(rate, 0.10, 0.01), t.errors(), t.uses(), rate);
    }

    /** a: tickets opened in the last 90 days. 1 up to 3, 0 from 12. */
    private static Reading ticketLoad(Signals in) {
        int n = 0;
        LocalDate from = in.asOf().minusDays(TREND_DAYS);
        for (Ticket t : in.account().tickets()) {
            if (t.opened().isAfter(from) && !t.opened().isAfter(in.asOf())) {
                n++;
            }
        }
        return Reading.of(HealthComponent.TICKET_LOAD, line(n, 12, 3), n, 0, 0);
    }

    /** a: high or urgent tickets open on the day, b: the oldest one's age in days. */
    private static Reading openHighPriority(Signals in) {
        int n = 0;
        long oldest = 0;
        for (Ticket t : in.account().tickets()) {
            if (t.priority().isHigh() && t.openOn(in.asOf())) {
                n++;
                oldest = Math.max(oldest, ChronoUnit.DAYS.between(t.opened(), in.asOf()));
            }
        }
        double score = 1 - 0.35 * n - (oldest > 14 ? 0.3 : 0);
        return Reading.of(HealthComponent.OPEN_HIGH_PRIORITY, score, n, oldest, 0);
    }

    /** a: escalated tickets opened in the last 90 days. */
    private static Reading escalations(Signals in) {
        int n = 0;
        LocalDate from = in.asOf().minusDays(TREND_DAYS);
        for (Ticket t : in.account().tickets()) {
            if (t.escalated() && t.opened().isAfter(from) && !t.opened().isAfter(in.asOf())) {
                n++;
            }
        }
        return Reading.of(HealthComponent.ESCALATIONS, 1 - 0.5 * n, n, 0, 0);
    }

    /** a: the mean rating as a share of the best, b: rated tickets, over 180 days. 1 from 80%, 0 at 40%. */
    private static Reading csat(Signals in) {
        double sum = 0;
        int n = 0;
        LocalDate from = in.asOf().minusDays(2L * TREND_DAYS);
        for (Ticket t : in.account().tickets()) {
            if (t.satisfaction() != null && t.opened().isAfter(from) && !t.opened().isAfter(in.asOf())) {
                sum += t.satisfaction();
                n++;
            }
        }
        if (n == 0) {
            return Reading.missing(HealthComponent.CSAT, "no rated tickets in the last 180 days");
        }
        double mean = sum / n;
        return Reading.of(HealthComponent.CSAT, line(mean, 0.4, 0.8), mean, n, 0);
    }

    /** a: failed payments due in the last 90 days, b: invoices unpaid past due on the day, c: the oldest's days overdue. */
    private static Reading payments(Signals in) {
        int failed = 0;
        int overdue = 0;
        long oldest = 0;
        LocalDate from = in.asOf().minusDays(TREND_DAYS);
        for (Invoice i : in.account().invoices()) {
            if (i.due().isAfter(in.asOf())) {
                break; // sorted by due date: the rest were not due yet
            }
            if (i.failedBy(in.asOf()) && i.due().isAfter(from)) {
                failed++;
            }
            if (i.unpaidPastDueOn(in.asOf()) && i.due().isAfter(in.asOf().minusDays(365))) {
                overdue++;
                oldest = Math.max(oldest, ChronoUnit.DAYS.between(i.due(), in.asOf()));
            }
        }
        double score = 1 - 0.4 * failed - (overdue == 0 ? 0 : oldest > 30 ? 0.6 : 0.3);
        return Reading.of(HealthComponent.PAYMENTS, score, failed, overdue, oldest);
    }

    /** a: the latest answer within a year, b: its scale (0 NPS, 1 CSAT), c: days since. */
    private static Reading surveys(Signals in) {
        Survey latest = null;
        for (Survey s : in.account().surveys()) {
            if (s.date().isAfter(in.asOf())) {
                break;
            }
            if (s.date().isAfter(in.asOf().minusDays(365))) {
                latest = s;
            }
        }
        if (latest == null) {
            return Reading.missing(HealthComponent.SURVEYS, "no survey answer in the last 365 days");
        }
        double score = latest.scale() == Survey.Scale.NPS
                ? latest.score() >= 9 ? 1 : latest.score() >= 7 ? 0.7 : latest.score() >= 5 ? 0.3 : 0
                : line(latest.share(), 0.25, 1);
        return Reading.of(HealthComponent.SURVEYS, score, latest.score(), latest.scale().ordinal(),
                ChronoUnit.DAYS.between(latest.date(), in.asOf()));
    }

    /** a: days since the latest change of champion, executive or buyer within 180 days (-1 none). 0 within 90. */
    private static Reading champion(Signals in) {
        long since = -1;
        for (AccountEvent e : in.account().events()) {
            if (e.date().isAfter(in.asOf())) {
                break;
            }
            if (e.isPeopleChange() && e.date().isAfter(in.asOf().minusDays(2L * TREND_DAYS))) {
                since = ChronoUnit.DAYS.between(e.date(), in.asOf());
            }
        }
        double score = since < 0 ? 1 : since <= TREND_DAYS ? 0 : 0.5;
        return Reading.of(HealthComponent.CHAMPION, score, since, 0, 0);
    }

    /** a: days to the next renewal. 0.3 within 30 days, 0.6 within 90. */
    private static Reading renewal(Signals in) {
        if (in.renewalDate() == null || !in.renewalDate().isAfter(in.asOf())) {
            return Reading.missing(HealthComponent.RENEWAL, "no renewal date known for " + in.asOf());
        }
        long days = ChronoUnit.DAYS.between(in.asOf(), in.renewalDate());
        return Reading.of(HealthComponent.RENEWAL, days <= 30 ? 0.3 : days <= 90 ? 0.6 : 1, days, 0, 0);
    }

    /** a: MRR now, b: three months before, c: the change. 0 at -30%. */
    private static Reading contraction(Signals in) {
        if (in.mrrBefore() <= 0) {
            return Reading.missing(HealthComponent.CONTRACTION, "paying for less than three months");
        }
        double change = in.mrrNow() / (double) in.mrrBefore() - 1;
        return Reading.of(HealthComponent.CONTRACTION, line(change, -0.3, 0), in.mrrNow(), in.mrrBefore(), change);
    }
}
