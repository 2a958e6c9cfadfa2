package dev.nrrbot.health;

import java.util.Locale;

/** A component's figures in words, as the owner reads them: "usage -46% over 90 days (1,204 uses, 2,230 before)". */
public final class Evidence {

    private Evidence() {
    }

    public static String of(Reading r) {
        if (!r.present()) {
            return r.missing();
        }
        double a = r.a();
        double b = r.b();
        double c = r.c();
        return switch (r.component()) {
            case USAGE_TREND -> b == 0 && a == 0 ? "no usage in the last 180 days"
                    : b == 0 ? "usage began in the last 90 days (" + n(a) + " uses)"
                    : "usage " + pct(c) + " over 90 days (" + n(a) + " uses, " + n(b) + " in the 90 days before)";
            case USAGE_BREADTH -> b == 0 ? n(a) + (a == 1 ? " feature" : " features") + " used in the last 90 days"
                    : n(a) + (a == 1 ? " feature" : " features") + " used in the last 90 days, " + n(b) + " in the 90 before";
            case ERRORS -> String.format(Locale.ROOT, "%.1f errors per 100 uses over 90 days (%s in %s)", c * 100, n(a), n(b));
            case TICKET_LOAD -> n(a) + (a == 1 ? " ticket" : " tickets") + " opened in 90 days";
            case OPEN_HIGH_PRIORITY -> a == 0 ? "no open high-priority ticket"
                    : n(a) + " open high-priority " + (a == 1 ? "ticket, " : "tickets, oldest ") + n(b) + (b == 1 ? " day" : " days")
                    + (a == 1 ? " old" : "");
            case ESCALATIONS -> a == 0 ? "no escalation in 90 days" : n(a) + (a == 1 ? " escalation" : " escalations") + " in 90 days";
            case CSAT -> String.format(Locale.ROOT, "satisfaction %d%% over %s rated %s in 180 days", Math.round(a * 100), n(b),
                    b == 1 ? "ticket" : "tickets");
            case PAYMENTS -> a == 0 && b == 0 ? "invoices paid on time"
                    : (a == 0 ? "" : n(a) + (a == 1 ? " failed payment" : " failed payments") + " in 90 days")
                    + (a != 0 && b != 0 ? "; " : "")
                    + (b == 0 ? "" : n(b) + (b == 1 ? " invoice unpaid, " : " invoices unpaid, oldest ") + n(c) + " days overdue");
            case SURVEYS -> (b == 0 ? "NPS " + n(a) : "CSAT " + n(a) + " of 5") + ", " + n(c) + " days ago";
            case CHAMPION -> a < 0 ? "no champion or executive change in 180 days"
                    : "champion or executive change " + n(a) + " days ago";
            case RENEWAL -> "renews in " + n(a) + (a == 1 ? " day" : " days");
            case CONTRACTION -> Math.abs(c) < 0.005 ? "MRR steady over 3 months" : "MRR " + pct(c) + " over 3 months";
        };
    }

    static String n(double x) {
        return String.format(Locale.ROOT, "%,d", Math.round(x));
    }

    static String pct(double change) {
        long p = Math.round(change * 100);
        return (p > 0 ? "+" : "") + p + "%";
    }
}
