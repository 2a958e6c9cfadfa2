package dev.nrrbot.readouts.render;

import dev.nrrbot.comp.Scorecard;
import dev.nrrbot.comp.render.CompBlocks;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.Movement;
import dev.nrrbot.metrics.MovementKind;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.metrics.ReportUnavailable;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.TrendPoint;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.metrics.WindowSpec;
import dev.nrrbot.platform.format.Definitions;
import dev.nrrbot.platform.format.Money;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.readouts.ReadoutStore;
import dev.nrrbot.readouts.Schedule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What each readout says, and what its charts show. Plain functions of the numbers they are given; nothing is drawn here. */
public final class Readouts {

    private Readouts() {
    }

    /**
     * The weekly readout: T12M NRR and GRR with the change against last week's readout and last
     * month's close, what moved in the months whose data arrived this week (account names only where
     * allowed), the functions' contributions, open flags per function, and the trend chart.
     */
    /** @param smallGroup lines about fewer accounts than this show no amounts (0: all shown) */
    public static Readout weekly(NrrEngine e, Long lastWeekNrrMicros, List<YearMonth> monthsThisWeek, boolean showNames,
                                 List<Flag> activeFlags, Instant now, int smallGroup) {
        return weekly(e, lastWeekNrrMicros, monthsThisWeek, showNames, activeFlags, now, smallGroup, List.of());
    }

    /**
     * @param outlook plain-text lines on what is ahead (the quarter-end forecast, the at-risk ARR per
     *                function), already decided for this audience; none with no revenue to score
     */
    public static Readout weekly(NrrEngine e, Long lastWeekNrrMicros, List<YearMonth> monthsThisWeek, boolean showNames,
                                 List<Flag> activeFlags, Instant now, int smallGroup, List<String> outlook) {
        Window w = e.window(WindowSpec.CURRENT);
        RetentionReport r = e.report(w, Segment.ALL);
        BlockKit kit = new BlockKit();
        kit.header("Weekly NRR readout · " + Money.percent(r.nrr()) + " · " + r.band().label());
        StringBuilder change = new StringBuilder();
        change.append(lastWeekNrrMicros == null ? "first weekly readout in this channel"
                : "vs last week: " + Money.points(r.nrrPercent().subtract(percent(lastWeekNrrMicros))) + " pts");
        try {
            RetentionReport close = e.report(w.previous(), Segment.ALL);
            change.append(" · vs last month's close (").append(close.window().label()).append("): ")
                    .append(Money.points(r.nrrPercent().subtract(close.nrrPercent()))).append(" pts");
        } catch (ReportUnavailable ex) {
            // no previous month in the data
        }
        kit.text("*" + w.label() + "* (" + w.start() + " → " + w.end() + ") · *GRR* " + Money.percent(r.grr()) + "\n" + change);
        kit.list("*What moved this week*", movedThisWeek(e.portfolio(), monthsThisWeek, showNames, smallGroup));
        kit.list("*Contribution by function* (points of NRR, adding up to " + Money.points(r.netPoints()) + ")",
                r.contributions().stream().map(c -> "• " + c.functionLabel() + " *" + Money.points(c.points()) + " pts*").toList());
        kit.list("*Open flags by function*", openFlags(activeFlags, now, smallGroup));
        kit.list("*Ahead*", outlook.stream().map(l -> "• " + BlockKit.escape(l)).toList());
        kit.context(Definitions.NRR_FOOTNOTE + smallNote(smallGroup));
        List<Readout.Chart> charts = List.of(new Readout.Chart("nrr-trend.png", "T12M NRR trend",
                new ChartSpec.Trend(trendOrEmpty(e), "T12M NRR by month")));
        return new Readout("Weekly NRR readout: " + Money.percent(r.nrr()) + " (" + r.band().label() + ")", kit.build(), charts,
                r.nrr().movePointRight(6).longValue());
    }

    /** More months than this arriving between two readouts is history being loaded, not news. */
    static final int BACKFILL_MONTHS = 3;

    static List<String> movedThisWeek(Portfolio p, List<YearMonth> months, boolean showNames, int smallGroup) {
        if (months.isEmpty()) {
            return List.of("No new revenue data arrived since the last readout.");
        }
        YearMonth last = months.get(months.size() - 1);
        // history loaded at once is a backfill, not a week's news: name it, and show the latest month's movements
        boolean backfill = months.size() > BACKFILL_MONTHS;
        Set<YearMonth> wanted = backfill ? Set.of(last) : Set.copyOf(months);
        // per kind: each account's total, so an account that moved twice counts once
        Map<MovementKind, Map<Integer, Long>> byAccount = new EnumMap<>(MovementKind.class);
        for (int a = 0; a < p.ledger().accountCount(); a++) {
            for (Movement m : p.movements(a)) {
                if (wanted.contains(m.month()) && m.kind() != MovementKind.NEW) {
                    byAccount.computeIfAbsent(m.kind(), k -> new LinkedHashMap<>()).merge(a, m.cents(), Long::sum);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(backfill ? "_History from " + months.get(0) + " through " + last + " (" + months.size() + " months) was loaded;"
                + " below are the movements of its latest month, " + last + "._"
                : "_Data for " + months.get(0) + (months.size() > 1 ? " to " + last : "") + " arrived since the last readout._");
        for (MovementKind k : List.of(MovementKind.CHURN, MovementKind.CONTRACTION, MovementKind.EXPANSION, MovementKind.REACTIVATION)) {
            Map<Integer, Long> accounts = byAccount.getOrDefault(k, Map.of());
            long total = accounts.values().stream().mapToLong(Long::longValue).sum();
            boolean small = !accounts.isEmpty() && accounts.size() < smallGroup;
            StringBuilder line = new StringBuilder("• *" + k.code() + "*: " + (small ? "" : (k.isLoss() ? "-" : "+")
                    + Money.whole(total) + " MRR, ") + accounts.size() + (accounts.size() == 1 ? " account" : " accounts"));
            if (showNames && !accounts.isEmpty()) {
                List<Map.Entry<Integer, Long>> top = accounts.entrySet().stream()
                        .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed()).limit(5).toList();
                line.append(": ").append(String.join(", ", top.stream().map(e -> BlockKit.escape(p.account(e.getKey()).name())
                        + " (" + Money.whole(e.getValue()) + ")").toList()))
                        .append(accounts.size() > 5 ? " and " + (accounts.size() - 5) + " more" : "");
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The footnote's words for lines shown without amounts. */
    static String smallNote(int smallGroup) {
        return smallGroup <= 1 ? "" : " Lines about fewer than " + smallGroup + " accounts show no amounts in a channel.";
    }

    static List<String> openFlags(List<Flag> flags, Instant now, int smallGroup) {
        if (flags.isEmpty()) {
            return List.of("No open flags.");
        }
        Map<BusinessFunction, List<Flag>> byFunction = new EnumMap<>(BusinessFunction.class);
        flags.forEach(f -> byFunction.computeIfAbsent(f.function(), k -> new ArrayList<>()).add(f));
        List<String> lines = new ArrayList<>();
        byFunction.forEach((f, list) -> lines.add("• " + f.label() + ": " + list.size() + (list.size() == 1 ? " flag" : " flags")
                + (list.stream().map(Flag::accountId).distinct().count() < smallGroup ? ""
                : ", ARR at risk " + Money.whole(list.stream().mapToLong(Flag::arrCents).sum())) + ", oldest "
                + list.stream().mapToLong(x -> x.ageDays(now)).max().orElse(0) + " days"));
        return lines;
    }

    /**
     * The churn-reason summary: the Pareto for the period (the latest month with data for a monthly
     * schedule; the latest three months for a weekly one), the vital few, the unexplained share, the
     * top reason per function and churn by tenure, with the Pareto chart.
     */
    public static Readout reasons(NrrEngine e, Schedule.Cadence cadence, int smallGroup) {
        YearMonth current = e.currentMonth();
        Window w = cadence == Schedule.Cadence.MONTHLY ? Window.month(current)
                : new Window("3 months to " + current, current.minusMonths(3), current);
        return reasons(e, w, smallGroup);
    }

    /** The churn-reason summary of one window, such as 2026-Q3 (the command line's {@code post reasons --window}). */
    public static Readout reasons(NrrEngine e, Window w, int smallGroup) {
        ReasonPareto p = e.pareto(w, Segment.ALL);
        BlockKit kit = new BlockKit();
        kit.header("Why revenue left · " + w.label());
        String unexplained = p.totalLostCents() == 0 ? "0.0%" : Money.percent(BigDecimal.valueOf(p.unexplainedLostCents())
                .divide(BigDecimal.valueOf(p.totalLostCents()), 4, RoundingMode.HALF_EVEN));
        kit.text("*" + w.label() + "* (" + w.start() + " → " + w.end() + ") · " + Money.whole(p.totalLostCents()) + " MRR lost\n"
                + (p.vitalFew().isEmpty() ? "No churn or contraction." : "*Vital few* (80% of the loss): " + BlockKit.escapeJoin(", ", p.vitalFew()))
                + "\n*Unexplained:* " + Money.whole(p.unexplainedLostCents()) + " MRR (" + unexplained + ")");
        Map<BusinessFunction, ReasonPareto.Row> topPerFunction = new LinkedHashMap<>();
        for (ReasonPareto.Row r : p.rows()) {
            if (r.function() != null) {
                topPerFunction.putIfAbsent(r.function(), r);
            }
        }
        kit.list("*Top reason per function*", topPerFunction.entrySet().stream().map(x -> "• " + x.getKey().label() + ": "
                + BlockKit.escape(x.getValue().reason()) + (x.getValue().accounts() < smallGroup ? ""
                : " (" + Money.whole(x.getValue().lostCents()) + ")")).toList());
        kit.fields(p.tenure().stream().map(t -> "*Churn, " + t.tenure().code() + " (" + t.tenure().range() + ")*\n" + t.churns()
                + " churns" + (t.churns() > 0 && t.churns() < smallGroup ? "" : " · " + Money.whole(t.lostCents()) + " MRR")).toList());
        kit.context(Definitions.PARETO_FOOTNOTE + smallNote(smallGroup));
        return new Readout("Churn-reason summary, " + w.label(), kit.build(),
                List.of(new Readout.Chart("churn-pareto.png", "Why revenue left, " + w.label(),
                        new ChartSpec.Pareto(p, "Revenue lost by reason, " + w.label()))),
                null);
    }

    /** A quarter's readout with the CS leader's commentary, posted under their name. */
    public static Readout quarterly(NrrEngine e, Window quarter, ReadoutStore.FlagCounts flags, String commentary, String leaderId,
                                    Scorecard scorecard, int smallGroup) {
        RetentionReport r = e.report(quarter, Segment.ALL);
        RetentionReport previous = tryReport(e, quarter.previous());
        Window lastYear = Window.quarter(quarter.end().getYear() - 1, quarter.end().getMonthValue() / 3);
        RetentionReport yearAgo = tryReport(e, lastYear);
        BlockKit kit = new BlockKit();
        // bands are for 12-month NRR: a quarter is banded at its annualised NRR, shown beside its own
        kit.header(quarter.label() + " NRR readout · " + Money.percent(r.nrr()) + " · "
                + (r.isAnnualised() ? "annualised " + Money.percent(r.annualisedNrr()) + " · " : "") + r.band().label());
        kit.fields(List.of(
                "*NRR*\n" + Money.percent(r.nrr()) + (r.isAnnualised() ? " (annualised " + Money.percent(r.annualisedNrr()) + ")" : ""),
                "*GRR*\n" + Money.percent(r.grr()),
                "*vs " + quarter.previous().label() + "*\n" + (previous == null ? "no data" : Money.points(r.nrrPercent().subtract(previous.nrrPercent())) + " pts NRR, "
                        + Money.points(r.grrPercent().subtract(previous.grrPercent())) + " pts GRR"),
                "*vs " + lastYear.label() + "*\n" + (yearAgo == null ? "no data" : Money.points(r.nrrPercent().subtract(yearAgo.nrrPercent())) + " pts NRR, "
                        + Money.points(r.grrPercent().subtract(yearAgo.grrPercent())) + " pts GRR")));
        List<String> functions = new ArrayList<>();
        for (Contribution c : r.contributions()) {
            String before = previous == null ? "" : previous.contributions().stream().filter(x -> x.function() == c.function()).findFirst()
                    .map(x -> " (" + Money.points(x.points()) + " in " + previous.window().label() + ")").orElse(" (none in " + previous.window().label() + ")");
            functions.add("• " + c.functionLabel() + " *" + Money.points(c.points()) + " pts*" + before);
        }
        kit.list("*Contribution by function*", functions);
        ReasonPareto p = e.pareto(quarter, Segment.ALL);
        kit.list("*Top reasons revenue left*", p.rows().stream().limit(5).map(x -> "• " + BlockKit.escape(x.reason()) + (x.accounts() < smallGroup
                ? " (fewer than " + smallGroup + " accounts)" : " " + Money.whole(x.lostCents()) + " (" + Money.percent(x.share()) + ")"))
                .toList());
        kit.text("*Flags this quarter:* " + flags.opened() + " opened · " + flags.resolved() + " resolved"
                + (flags.resolved() < smallGroup ? "" : " · ARR saved " + Money.whole(flags.savedArrCents())));
        if (scorecard != null) {
            kit.text("*Scorecard* · " + CompBlocks.companyLine(scorecard));
            kit.list(null, CompBlocks.scorecardLines(scorecard));
        }
        if (commentary != null && !commentary.isBlank()) {
            kit.text("*Commentary from <@" + leaderId + ">*\n" + BlockKit.escape(commentary.trim()));
        }
        kit.context(Definitions.NRR_FOOTNOTE);
        // the quarter's readout tells the quarter: its trend stops at the quarter's end, whatever came after
        List<TrendPoint> trend = trendOrEmpty(e).stream().filter(t -> !t.month().isAfter(quarter.end())).toList();
        return new Readout(quarter.label() + " NRR readout: " + Money.percent(r.nrr()), kit.build(),
                List.of(new Readout.Chart("nrr-trend.png", "T12M NRR trend to " + quarter.end(),
                        new ChartSpec.Trend(trend, "T12M NRR by month, to " + quarter.end())),
                        new Readout.Chart("contributions.png", "Contribution by function, " + quarter.label(),
                                new ChartSpec.Contributions(r.contributions(), "Contribution by function, " + quarter.label()))),
                r.nrr().movePointRight(6).longValue());
    }

    private static RetentionReport tryReport(NrrEngine e, Window w) {
        try {
            return e.report(w, Segment.ALL);
        } catch (ReportUnavailable ex) {
            return null;
        }
    }

    private static List<TrendPoint> trendOrEmpty(NrrEngine e) {
        try {
            return e.trend(Segment.ALL);
        } catch (ReportUnavailable ex) {
            return List.of();
        }
    }

    private static BigDecimal percent(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(4).setScale(1, RoundingMode.HALF_EVEN);
    }
}
