package dev.nrrbot.numbers.render;

import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.format.Freshness;

import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.FunctionDetail;
import dev.nrrbot.metrics.Movement;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.TrendPoint;
import dev.nrrbot.platform.format.Definitions;
import dev.nrrbot.platform.format.Money;
import com.slack.api.model.block.LayoutBlock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The /nrr answers as Block Kit. Every message goes through {@link BlockKit}, which keeps Slack's limits. */
public final class AnswerBlocks {

    public static final String SHARE_ACTION = dev.nrrbot.platform.slack.ShareButton.ACTION;
    private static final String SPARK = "▁▂▃▄▅▆▇█";

    private AnswerBlocks() {
    }

    /**
     * How an answer ends: a Share button for the asker (with the command to recompute), or a line
     * saying who shared it.
     */
    public record Footer(String shareCommand, String sharedBy) {
        public static Footer shareable(String command) {
            return new Footer(command, null);
        }

        public static Footer sharedBy(String userId) {
            return new Footer(null, userId);
        }

        public static Footer none() {
            return new Footer(null, null);
        }

        /** A Share button for the asker, "shared by" in a channel, nothing in a modal. */
        public static Footer of(dev.nrrbot.platform.slack.Invocation in) {
            return switch (in.audience()) {
                case ASKER -> shareable(in.shareText());
                case CHANNEL -> sharedBy(in.userId());
                case MODAL -> none();
            };
        }
    }

    /**
     * NRR and its band: "104.7% · good", or for a window of other than 12 months "99.4% · annualised 97.6%
     * · concerning", the band read at the annualised equivalent (the bands describe 12-month NRR).
     */
    public static String nrrAndBand(RetentionReport r, String separator) {
        return Money.percent(r.nrr()) + separator + (r.isAnnualised() ? "annualised " + Money.percent(r.annualisedNrr()) + separator : "")
                + r.band().label();
    }

    /** "104.7% (good)", or "99.4% (annualised 97.7%: stable, not compounding)". */
    public static String nrrWithBand(RetentionReport r) {
        return Money.percent(r.nrr()) + " (" + (r.isAnnualised() ? "annualised " + Money.percent(r.annualisedNrr()) + ": " : "")
                + r.band().label() + ")";
    }

    /** For a window of other than 12 months, how its band is read; else empty. */
    public static String annualisedNote(RetentionReport r) {
        int n = r.window().months();
        return r.isAnnualised() ? "Bands are for 12-month NRR: this " + n + "-month window's band reads its annualised equivalent, (End ÷ Start)^(12/" + n + ") = "
                + Money.percent(r.annualisedNrr()) + ". " : "";
    }

    public static List<LayoutBlock> summary(RetentionReport r, RetentionReport previous, Freshness fresh, Footer footer) {
        BlockKit kit = new BlockKit();
        kit.header("NRR " + nrrAndBand(r, " · "));
        String change = previous == null ? ""
                : " · *vs " + previous.window().label() + ":* "
                + Money.points(r.nrrPercent().subtract(previous.nrrPercent())) + " pts";
        kit.text(window(r) + " · " + BlockKit.escape(r.segment().toString()) + "\n*GRR* " + Money.percent(r.grr())
                + change + " · " + String.format("%,d", r.cohortAccounts()) + " accounts in the cohort");
        kit.fields(movementFields(r));
        kit.list("*Contribution by function* (points of NRR, adding up to " + Money.points(r.netPoints()) + ")",
                contributionLines(r.contributions()));
        return end(kit, fresh, footer, annualisedNote(r) + Definitions.NRR_FOOTNOTE);
    }

    /**
     * @param smallGroup groups of fewer accounts than this show no amounts (0: show them all), see
     *                   {@code Policy.seesGroupAmounts}
     */
    public static List<LayoutBlock> function(FunctionDetail d, List<Map.Entry<YearMonth, BigDecimal>> trend, Freshness fresh,
                                             Footer footer, int smallGroup, String smallGroupNote) {
        RetentionReport r = d.report();
        BlockKit kit = new BlockKit();
        kit.header(d.function().label() + ": " + Money.points(d.contribution().points()) + " pts of NRR");
        long signed = d.contribution().signedCents();
        boolean hidden = false;
        String moved;
        if (d.accounts() > 0 && d.accounts() < smallGroup) {
            moved = " moved MRR in " + d.contribution().movements() + " movements of fewer than " + smallGroup + " accounts";
            hidden = true;
        } else {
            moved = " moved " + (signed >= 0 ? "+" : "-") + Money.whole(Math.abs(signed)) + " MRR in " + d.contribution().movements()
                    + " movements";
        }
        kit.text(window(r) + " · " + BlockKit.escape(r.segment().toString()) + "\n" + d.function().label() + "'s reasons and drivers"
                + moved + " of the cohort. Company NRR " + nrrWithBand(r) + ".");
        List<String> codes = new ArrayList<>();
        for (FunctionDetail.CodeAmount c : d.codes()) {
            boolean small = c.accounts() < smallGroup;
            hidden |= small;
            codes.add("• *" + BlockKit.escape(c.code().code()) + "* (" + (c.code().polarity().name().equals("REASON") ? "reason" : "driver") + ") "
                    + (small ? "" : (c.signedCents() >= 0 ? "+" : "-") + Money.whole(Math.abs(c.signedCents())) + " MRR ")
                    + "in " + c.movements() + (c.movements() == 1 ? " movement" : " movements")
                    + (small ? " of fewer than " + smallGroup + " accounts" : ""));
        }
        if (codes.isEmpty()) {
            kit.text("No movement of the cohort carries a " + d.function().label() + " reason or driver in this window.");
        } else {
            kit.list("*Reasons and drivers behind it*", codes);
        }
        if (!trend.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Map.Entry<YearMonth, BigDecimal> p : trend) {
                lines.add("`" + p.getKey() + "`  " + Money.points(p.getValue()) + " pts");
            }
            kit.list("*Its T12M contribution by month* " + spark(trend.stream().map(Map.Entry::getValue).toList()), lines);
        }
        return end(kit, fresh, footer, "A function's contribution = 100 × the signed MRR its reasons and drivers moved"
                + " in the cohort ÷ Start MRR. " + annualisedNote(r) + Definitions.NRR_FOOTNOTE + (hidden ? " " + smallGroupNote : ""));
    }

    /** @param smallGroup rows of fewer accounts than this show no amounts or shares (0: show them all) */
    public static List<LayoutBlock> reasons(ReasonPareto p, Freshness fresh, Footer footer, int smallGroup, String smallGroupNote) {
        BlockKit kit = new BlockKit();
        kit.header("Why revenue left · " + p.window().label());
        int moves = p.rows().stream().mapToInt(ReasonPareto.Row::movements).sum();
        kit.text("*" + p.window().label() + "* (" + p.window().start() + " → " + p.window().end() + ") · "
                + BlockKit.escape(p.segment().toString()) + "\n" + Money.whole(p.totalLostCents()) + " MRR lost in "
                + String.format("%,d", moves) + " churn and contraction movements"
                + (p.vitalFew().isEmpty() ? "" : "\n*Vital few* (80% of the loss): " + BlockKit.escapeJoin(", ", p.vitalFew())));
        List<String> lines = new ArrayList<>();
        int i = 1;
        boolean hidden = false;
        for (ReasonPareto.Row r : p.rows()) {
            boolean small = r.accounts() < smallGroup;
            hidden |= small;
            lines.add((p.vitalFew().contains(r.reason()) ? "*" : "") + i++ + ". " + BlockKit.escape(r.reason())
                    + (p.vitalFew().contains(r.reason()) ? "*" : "") + " (" + (r.function() == null ? "unattributed" : r.function().code())
                    + ") " + (small ? "fewer than " + smallGroup + " accounts · " + r.movements()
                    : Money.whole(r.lostCents()) + " · " + r.movements() + " · " + Money.percent(r.share())
                    + " · cum. " + Money.percent(r.cumulative())));
        }
        if (lines.isEmpty()) {
            kit.text("No churn or contraction in this window.");
        } else {
            kit.list("*Reason · function · MRR lost · movements · share · cumulative*", lines);
        }
        String unexplained = p.totalLostCents() == 0 ? "0.0%"
                : Money.percent(BigDecimal.valueOf(p.unexplainedLostCents()).divide(BigDecimal.valueOf(p.totalLostCents()), 4,
                RoundingMode.HALF_EVEN));
        List<String> fields = new ArrayList<>();
        fields.add("*Unexplained*\n" + Money.whole(p.unexplainedLostCents()) + " MRR (" + unexplained + ")");
        fields.add("*Unmatched reason records*\n" + p.unmatchedRecords());
        for (ReasonPareto.TenureBucket t : p.tenure()) {
            boolean small = t.churns() > 0 && t.churns() < smallGroup;
            hidden |= small;
            fields.add("*Churn, " + t.tenure().code() + " (" + t.tenure().range() + ")*\n" + t.churns() + " churns"
                    + (small ? "" : " · " + Money.whole(t.lostCents()) + " MRR"));
        }
        kit.fields(fields);
        return end(kit, fresh, footer, Definitions.PARETO_SLACK_FOOTNOTE + (hidden ? " " + smallGroupNote : ""));
    }

    public static List<LayoutBlock> trend(List<TrendPoint> points, String segment, Freshness fresh, Footer footer) {
        BlockKit kit = new BlockKit();
        TrendPoint last = points.get(points.size() - 1);
        kit.header("T12M NRR trend · " + Money.percent(last.nrr()) + " in " + last.month());
        kit.text(BlockKit.escape(segment) + "  " + spark(points.stream().map(TrendPoint::nrr).toList()));
        List<String> lines = new ArrayList<>();
        for (int i = points.size() - 1; i >= 0; i--) {
            TrendPoint p = points.get(i);
            lines.add("`" + p.month() + "`  NRR *" + Money.percent(p.nrr()) + "*  GRR " + Money.percent(p.grr()) + "  "
                    + dev.nrrbot.metrics.Band.of(p.endCents(), p.startCents()).label());
        }
        kit.list("*Month · NRR over the 12 months to it · GRR · band* (newest first)", lines);
        return end(kit, fresh, footer, Definitions.NRR_FOOTNOTE);
    }

    /** One account's revenue history: sensitive, so never shareable. */
    public static List<LayoutBlock> account(Account account, List<Map.Entry<YearMonth, Long>> history, List<Movement> movements,
                                            Freshness fresh, List<String> flagLines) {
        BlockKit kit = new BlockKit();
        kit.header(account.name() + (account.name().equals(account.id()) ? "" : " (" + account.id() + ")"));
        List<String> fields = new ArrayList<>();
        long current = history.isEmpty() ? 0 : history.get(history.size() - 1).getValue();
        fields.add("*MRR now*\n" + Money.whole(current) + " (ARR " + Money.whole(current * 12) + ")");
        fields.add("*CSM*\n" + (account.csmEmail() == null ? "not set" : BlockKit.escape(account.csmEmail())));
        fields.add("*Renewal*\n" + (account.renewalDate() == null ? "not set" : account.renewalDate().toString()));
        account.attributes().forEach((k, v) -> fields.add("*" + BlockKit.escape(k) + "*\n" + BlockKit.escape(v)));
        kit.fields(fields);
        List<String> lines = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            lines.add("`" + history.get(i).getKey() + "`  " + Money.whole(history.get(i).getValue()));
        }
        kit.list("*MRR at month end* (newest first) " + spark(history.stream().map(e -> BigDecimal.valueOf(e.getValue())).toList()),
                lines);
        List<String> moves = new ArrayList<>();
        for (int i = movements.size() - 1; i >= 0; i--) {
            Movement m = movements.get(i);
            moves.add("`" + m.month() + "`  " + m.kind().code() + " " + (m.signedCents() >= 0 ? "+" : "-") + Money.whole(m.cents())
                    + (m.reason() == null ? (m.kind().takes() == null ? "" : " · _no reason_")
                    : " · " + BlockKit.escape(m.reason().code()) + " (" + BusinessFunction.codeOf(m.reason().function()) + ")")
                    + (m.note() == null ? "" : " — " + BlockKit.escape(m.note())));
        }
        if (moves.isEmpty()) {
            kit.text("No movements in the data.");
        } else {
            kit.list("*Movements* (newest first)", moves);
        }
        if (!flagLines.isEmpty()) {
            kit.list("*Flags and their history*", flagLines);
        }
        return end(kit, fresh, Footer.none(), "Account-level revenue: visible to admins, CS leaders, the account's CSM and the"
                + " owner of a function it is flagged for.");
    }

    private static List<LayoutBlock> end(BlockKit kit, Freshness fresh, Footer footer, String footnote) {
        List<String> context = new ArrayList<>();
        if (footer.sharedBy() != null) {
            context.add("Shared by <@" + footer.sharedBy() + ">");
        }
        context.add(fresh.describe());
        kit.context(context.toArray(String[]::new));
        kit.context(footnote);
        if (footer.shareCommand() != null) {
            kit.buttons(List.of(new BlockKit.Button("Share in channel", SHARE_ACTION, footer.shareCommand(), "primary")));
        }
        return kit.build();
    }

    static List<String> movementFields(RetentionReport r) {
        return List.of(
                "*Start MRR*\n" + Money.whole(r.startCents()),
                "*End MRR*\n" + Money.whole(r.endCents()),
                "*+ Expansion*\n" + Money.whole(r.expansionCents()),
                "*+ Reactivation*\n" + Money.whole(r.reactivationCents()),
                "*− Contraction*\n" + Money.whole(r.contractionCents()),
                "*− Churn*\n" + Money.whole(r.churnCents()));
    }

    static List<String> contributionLines(List<Contribution> contributions) {
        List<String> lines = new ArrayList<>();
        for (Contribution c : contributions) {
            lines.add("• " + c.functionLabel() + " *" + Money.points(c.points()) + " pts*");
        }
        return lines;
    }

    static String window(RetentionReport r) {
        return "*" + r.window().label() + "* (" + r.window().start() + " → " + r.window().end() + ")";
    }

    /** A one-line sparkline of the values, lowest to highest. */
    static String spark(List<BigDecimal> values) {
        if (values.size() < 2) {
            return "";
        }
        BigDecimal min = values.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = values.stream().max(BigDecimal::compareTo).orElseThrow();
        StringBuilder s = new StringBuilder();
        for (BigDecimal v : values) {
            int i = max.compareTo(min) == 0 ? 3
                    : v.subtract(min).multiply(BigDecimal.valueOf(SPARK.length() - 1)).divide(max.subtract(min), 0, RoundingMode.HALF_EVEN).intValue();
            s.append(SPARK.charAt(i));
        }
        return s.toString();
    }
}
