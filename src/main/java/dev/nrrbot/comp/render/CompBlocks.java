package dev.nrrbot.comp.render;

import com.slack.api.model.block.LayoutBlock;
import dev.nrrbot.comp.CompStore;
import dev.nrrbot.comp.PayoutCurve;
import dev.nrrbot.comp.Scorecard;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.platform.format.Freshness;
import dev.nrrbot.platform.format.Money;
import dev.nrrbot.platform.slack.BlockKit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Scorecards, the payout curve and what-ifs, with the arithmetic shown. */
public final class CompBlocks {

    private CompBlocks() {
    }

    public static List<String> scorecardLines(Scorecard s) {
        List<String> lines = new ArrayList<>();
        for (Scorecard.Row r : s.rows()) {
            lines.add("• *" + r.function().label() + "* · weight " + pct(r.weightPercent()) + " · contribution "
                    + Money.points(r.contributionPoints()) + " pts" + (r.targetPoints() == null ? ""
                    : " (target " + Money.points(r.targetPoints()) + ", " + (r.contributionPoints().compareTo(r.targetPoints()) >= 0
                    ? "met" : "short by " + r.targetPoints().subtract(r.contributionPoints()).setScale(1, RoundingMode.HALF_EVEN)) + ")")
                    + " · variable pay " + r.arithmetic(s.modifier()));
        }
        return lines;
    }

    public static String companyLine(Scorecard s) {
        RetentionReport r = s.report();
        return "Company NRR *" + Money.percent(r.nrr()) + "*" + (r.isAnnualised() ? ", annualised *" + Money.percent(r.annualisedNrr()) + "*" : "")
                + " against a target of *" + pct(s.companyTarget()) + "* → modifier *"
                + s.modifier().setScale(2, RoundingMode.HALF_EVEN) + "*\n" + s.curve().explain(r.annualisedPercent()) + "\n" + paysOn(r);
    }

    /** Which window the pay reads, and how: the target and the curve are for 12-month NRR. */
    public static String paysOn(RetentionReport r) {
        int n = r.window().months();
        return "_Pays on " + r.window().label() + " (" + r.window().start() + " → " + r.window().end() + ", " + n
                + (n == 1 ? " month" : " months") + ")" + (r.isAnnualised()
                ? ": the target and the curve are for 12-month NRR, so they read its annualised equivalent,"
                + " (End ÷ Start)^(12/" + n + ") = " + Money.percent(r.annualisedNrr()) + "._"
                : "._");
    }

    /** The check that the scorecard is /nrr's numbers: every part adds up to NRR − 100%. */
    public static String reconciliation(Scorecard s) {
        RetentionReport r = s.report();
        BigDecimal external = points(r, BusinessFunction.EXTERNAL);
        BigDecimal unattributed = points(r, null);
        return "Functions above plus External " + Money.points(external) + " and Unattributed " + Money.points(unattributed)
                + " add up to " + Money.points(r.netPoints()) + " pts = " + Money.percent(r.nrr()) + " − 100%, the same as /nrr.";
    }

    static BigDecimal points(RetentionReport r, BusinessFunction f) {
        return r.contributions().stream().filter(c -> c.function() == f).map(Contribution::points).findFirst()
                .orElse(BigDecimal.ZERO.setScale(RetentionReport.POINT_DECIMALS));
    }

    public static List<LayoutBlock> scorecard(Scorecard s, Freshness fresh) {
        BlockKit kit = new BlockKit().header("NRR scorecard · " + s.report().window().label());
        kit.text(companyLine(s));
        kit.list("*Each function's stake* (pay = weight × modifier + the rest at 100%)", scorecardLines(s));
        kit.context(reconciliation(s));
        kit.context(fresh.describe() + " · Weights, targets and the curve: `/nrr curve`. The modifier follows company NRR: one"
                + " number for everyone; contributions show each function's part in it.");
        return kit.build();
    }

    public static List<LayoutBlock> curve(CompStore.Plan plan, List<CompStore.Change> history) {
        PayoutCurve c = plan.curve();
        BlockKit kit = new BlockKit().header("Payout curve, targets and weights");
        kit.text("*Curve* · modifier 0 at or below *" + pct(c.floor()) + "*, rising to *1.00 at the target " + pct(c.target())
                + "*, then to *" + c.cap().stripTrailingZeros().toPlainString() + " at " + pct(c.capAt()) + "* and no higher.\n"
                + "Change with `/nrr curve floor 90%`, `/nrr curve cap 1.5`, `/nrr curve cap-at 125%`; the target with `/nrr target 110%`.");
        List<String> lines = new ArrayList<>();
        for (BusinessFunction f : BusinessFunction.values()) {
            if (f == BusinessFunction.EXTERNAL) {
                continue;
            }
            BigDecimal t = plan.functionTargets().get(f);
            lines.add("• " + f.label() + ": weight " + pct(plan.weights().getOrDefault(f, BigDecimal.ZERO))
                    + (t == null ? "" : " · target contribution " + Money.points(t) + " pts"));
        }
        kit.list("*Weights* (share of variable pay tied to company NRR; `/nrr weight support 45%`)", lines);
        List<String> changes = history.stream().map(h -> "• `" + h.at().toString().substring(0, 16).replace('T', ' ') + "` <@" + h.by()
                + "> set " + h.key() + " " + (h.oldValue() == null ? "" : "from " + h.oldValue() + " ") + "to " + h.newValue()).toList();
        kit.list("*Recent changes*", changes.isEmpty() ? List.of("None yet: these are the defaults.") : changes);
        return kit.build();
    }

    /** @param unreconciled NRR − 100% of the what-if minus the sum of its shown parts (see {@code comp.WhatIfParts}) */
    public static List<LayoutBlock> whatIf(String description, Scorecard today, Scorecard then, BigDecimal unreconciled,
                                           Freshness fresh) {
        RetentionReport a = today.report();
        RetentionReport b = then.report();
        BlockKit kit = new BlockKit().header("What if · " + description);
        kit.text("*" + a.window().label() + "* · NRR " + Money.percent(a.nrr()) + " → *" + Money.percent(b.nrr()) + "* ("
                + Money.points(b.nrrPercent().subtract(a.nrrPercent())) + " pts)" + (a.isAnnualised() ? " · annualised "
                + Money.percent(a.annualisedNrr()) + " → *" + Money.percent(b.annualisedNrr()) + "*" : "") + " · GRR " + Money.percent(a.grr()) + " → *"
                + Money.percent(b.grr()) + "*\nModifier " + today.modifier().setScale(2, RoundingMode.HALF_EVEN) + " → *"
                + then.modifier().setScale(2, RoundingMode.HALF_EVEN) + "* · End MRR " + Money.whole(a.endCents()) + " → "
                + Money.whole(b.endCents()) + "\n" + paysOn(a));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < then.rows().size(); i++) {
            Scorecard.Row x = today.rows().get(i);
            Scorecard.Row y = then.rows().get(i);
            lines.add("• " + y.function().label() + ": " + Money.points(x.contributionPoints()) + " → *" + Money.points(y.contributionPoints())
                    + " pts* · pay " + x.payFactor().movePointRight(2).setScale(1, RoundingMode.HALF_EVEN) + "% → *"
                    + y.payFactor().movePointRight(2).setScale(1, RoundingMode.HALF_EVEN) + "%*");
        }
        kit.list("*Each function*", lines);
        BigDecimal shown = b.netPoints().subtract(unreconciled);
        kit.context("Functions above plus External " + Money.points(points(b, BusinessFunction.EXTERNAL)) + " and Unattributed "
                + Money.points(points(b, null)) + (unreconciled.signum() == 0
                ? " add up to " + Money.points(b.netPoints()) + " pts = " + Money.percent(b.nrr()) + " − 100%."
                : " add up to " + Money.points(shown) + " pts, " + Money.points(unreconciled).replace("+", "") + " pts from "
                + Money.percent(b.nrr()) + " − 100% = " + Money.points(b.netPoints()) + " pts: the parts are shown unreconciled"
                + " by a rounding point so that none the change leaves alone moves.")
                + " A function whose movements the change does not touch shows exactly today's points.");
        kit.context("Only the cohort's churn and contraction with those reasons (or owned by those functions) change; everything"
                + " else stays as it was. " + fresh.describe());
        return kit.build();
    }

    static String pct(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString() + "%";
    }
}
