package dev.nrrbot.numbers.render;

import dev.nrrbot.platform.format.Definitions;
import dev.nrrbot.platform.format.Money;

import dev.nrrbot.metrics.Band;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.TrendPoint;
import dev.nrrbot.metrics.Window;
import java.math.BigDecimal;
import java.util.List;

/** Plain text for people at a terminal. */
public final class TextReport {

    private TextReport() {
    }

    public static String retention(RetentionReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("NRR %s  (%s%s)   %s, %s%n", Money.percent(r.nrr()),
                r.isAnnualised() ? "annualised " + Money.percent(r.annualisedNrr()) + ": " : "", r.band().label(), describe(r.window()),
                r.segment()));
        out.append(String.format("GRR %s%n", Money.percent(r.grr())));
        out.append(String.format("Cohort: %,d accounts paying at the end of %s%n%n", r.cohortAccounts(), r.window().start()));
        String row = "  %-16s %14s%n";
        out.append(String.format(row, "Start MRR", Money.whole(r.startCents())));
        out.append(String.format(row, "+ expansion", Money.whole(r.expansionCents())));
        out.append(String.format(row, "+ reactivation", Money.whole(r.reactivationCents())));
        out.append(String.format(row, "- contraction", Money.whole(r.contractionCents())));
        out.append(String.format(row, "- churn", Money.whole(r.churnCents())));
        out.append(String.format(row, "End MRR", Money.whole(r.endCents())));
        out.append(String.format("%nContribution by function (points of NRR; they add up to %s)%n", Money.points(r.netPoints())));
        for (Contribution c : r.contributions()) {
            out.append(String.format("  %-20s %6s   %s%n", c.functionLabel(), Money.points(c.points()),
                    (c.signedCents() >= 0 ? "+" : "-") + Money.whole(Math.abs(c.signedCents()))
                            + " in " + c.movements() + (c.movements() == 1 ? " movement" : " movements")));
        }
        out.append(System.lineSeparator()).append(Definitions.TEXT_FOOTNOTE).append(System.lineSeparator());
        return out.toString();
    }

    public static String pareto(ReasonPareto p) {
        StringBuilder out = new StringBuilder();
        int moves = p.rows().stream().mapToInt(ReasonPareto.Row::movements).sum();
        out.append(String.format("Why revenue left: %s, %s%n", describe(p.window()), p.segment()));
        out.append(String.format("Lost %s MRR in %,d churn and contraction movements%n%n", Money.whole(p.totalLostCents()), moves));
        if (p.rows().isEmpty()) {
            out.append("  No churn or contraction in this window.").append(System.lineSeparator());
        } else {
            String row = "  %-3s %-22s %-19s %12s %6s %7s %7s%n";
            out.append(String.format(row, "#", "reason", "function", "lost MRR", "moves", "share", "cum."));
            int i = 1;
            for (ReasonPareto.Row r : p.rows()) {
                String mark = p.vitalFew().contains(r.reason()) ? "*" : " ";
                out.append(String.format(row, mark + i++, r.reason(), r.function() == null ? "-" : r.function().code(),
                        Money.whole(r.lostCents()), r.movements(), Money.percent(r.share()), Money.percent(r.cumulative())));
            }
            out.append(String.format("%n* Vital few (80%% of revenue lost): %s%n", String.join(", ", p.vitalFew())));
            BigDecimal unexplained = p.totalLostCents() == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(p.unexplainedLostCents()).divide(BigDecimal.valueOf(p.totalLostCents()), 4,
                    java.math.RoundingMode.HALF_EVEN);
            out.append(String.format("Unexplained: %s MRR (%s of revenue lost) has no reason.%n",
                    Money.whole(p.unexplainedLostCents()), Money.percent(unexplained)));
        }
        if (p.unmatchedRecords() > 0) {
            out.append(String.format("%d reason records dated in this window matched no churn or contraction.%n",
                    p.unmatchedRecords()));
        }
        out.append("Churn by tenure:");
        for (ReasonPareto.TenureBucket t : p.tenure()) {
            out.append(String.format("  %s (%s) %d churns, %s MRR;", t.tenure().code(), t.tenure().range(), t.churns(),
                    Money.whole(t.lostCents())));
        }
        out.setLength(out.length() - 1);
        out.append(System.lineSeparator()).append(System.lineSeparator()).append(Definitions.PARETO_FOOTNOTE)
                .append(System.lineSeparator());
        return out.toString();
    }

    public static String trend(List<TrendPoint> points, String segment) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("T12M NRR by month, %s%n%n", segment));
        out.append(String.format("  %-8s %7s %7s  %s%n", "month", "NRR", "GRR", "band"));
        for (TrendPoint p : points) {
            out.append(String.format("  %-8s %7s %7s  %s%n", p.month(), Money.percent(p.nrr()), Money.percent(p.grr()),
                    Band.of(p.endCents(), p.startCents()).label()));
        }
        out.append(System.lineSeparator()).append("Each point is NRR over the 12 months ending that month.")
                .append(System.lineSeparator());
        return out.toString();
    }

    static String describe(Window w) {
        return w.label() + " (" + w.start() + " -> " + w.end() + ")";
    }
}
