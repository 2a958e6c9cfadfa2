package dev.nrrbot.comp.slack;

import dev.nrrbot.serve.RunningBot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.platform.format.Money;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Targets, weights, the payout curve, scorecards and what-ifs through signed /nrr requests. */
class CompensationTest extends dev.nrrbot.serve.SharedBot {

    /** Each test starts from {@link RunningBot#reset()}: no targets, weights or roles. */
    static NrrEngine engine;

    @BeforeAll
    static void engine() {
        engine = bot.engine();
    }

    @BeforeEach
    void reset() throws Exception {
        bot.reset();
    }

    String ask(String user, String text) throws Exception {
        HttpResponse<String> r = bot.client.command(user, text, bot.slack.responseUrl("cmd"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return dev.nrrbot.serve.BlockText.of(JsonParser.parseString(r.body()).getAsJsonObject());
    }

    @Test
    void onlyAdminsChangeTargetsWeightsAndTheCurveAndEveryChangeIsKept() throws Exception {
        assertThat(ask("U0VIEWER", "target 110%")).contains("Only admins change targets");
        assertThat(ask("U0VIEWER", "weight support 45%")).contains("Only admins");
        assertThat(ask("U0VIEWER", "curve floor 85%")).contains("Only admins");
        assertThat(ask(RunningBot.ADMIN, "target 110%")).contains("the company NRR target is 110% for every period without its own");
        assertThat(ask(RunningBot.ADMIN, "target product -1.0pts 2026-Q3")).contains("Product's target contribution is -1 pts for 2026-Q3");
        assertThat(ask(RunningBot.ADMIN, "weight support 45%")).contains("45% of Support's variable pay");
        assertThat(ask(RunningBot.ADMIN, "weight support 140%")).contains("between 0% and 100%");
        assertThat(ask(RunningBot.ADMIN, "target 5000%")).contains("looks wrong");
        String curve = ask(RunningBot.ADMIN, "curve floor 85%");
        assertThat(curve).contains("modifier 0 at or below *85%*").contains("1.00 at the target 110%").contains("Support: weight 45%")
                .contains("<@" + RunningBot.ADMIN + "> set curve.floor to 85").contains("set weight.support to 45")
                .contains("set target.company.default to 110");
        assertThat(ask(RunningBot.ADMIN, "curve floor 120%")).contains("must be below the target");
        assertThat(ask("U0VIEWER", "curve")).contains("Payout curve, targets and weights");
    }

    @Test
    void theScorecardShowsEachFunctionsStakeAndReconcilesWithNrr() throws Exception {
        ask(RunningBot.ADMIN, "target 110%");
        RetentionReport q3 = engine.report(engine.window("2026-Q3"), Segment.ALL);
        String card = ask("U0VIEWER", "scorecard 2026-Q3");
        java.math.BigDecimal modifier = new dev.nrrbot.comp.PayoutCurve(new java.math.BigDecimal("90"), new java.math.BigDecimal("110"),
                new java.math.BigDecimal("130"), new java.math.BigDecimal("1.5")).modifier(q3.annualisedPercent());
        assertThat(card).contains("NRR scorecard · 2026-Q3").contains("Company NRR *" + Money.percent(q3.nrr()) + "*, annualised *"
                        + Money.percent(q3.annualisedNrr()) + "* against a target of *110%* → modifier *"
                        + modifier.setScale(2, java.math.RoundingMode.HALF_EVEN) + "*")
                .contains("Pays on 2026-Q3 (2026-06 → 2026-09, 3 months): the target and the curve are for 12-month NRR, so they"
                        + " read its annualised equivalent, (End ÷ Start)^(12/3) = " + Money.percent(q3.annualisedNrr()))
                .contains("weight 40%").contains("variable pay 40% × ").contains("the same as /nrr")
                .contains("add up to " + Money.points(q3.netPoints()) + " pts");
        for (Contribution c : q3.contributions()) {
            if (c.function() != null && c.function() != dev.nrrbot.metrics.BusinessFunction.EXTERNAL) {
                assertThat(card).contains("*" + c.functionLabel() + "* · weight").contains("contribution " + Money.points(c.points()) + " pts");
            }
        }
        assertThat(ask("U0VIEWER", "scorecard someday")).contains("\"someday\" is not a window I know");
        // the same numbers as /nrr gives for the window
        String nrr = ask("U0VIEWER", "2026-Q3");
        assertThat(nrr).contains("NRR " + Money.percent(q3.nrr()));
        // and the quarterly readout carries it
        var readout = bot.bot.services.readouts().quarterly(engine.window("2026-Q3"), null, RunningBot.ADMIN);
        JsonObject o = new JsonObject();
        o.add("blocks", com.google.gson.JsonParser.parseString(com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(readout.blocks())));
        assertThat(dev.nrrbot.serve.BlockText.of(o)).contains("*Scorecard* · Company NRR").contains("variable pay");
    }

    /**
     * On the test company, halving product_gap's losses over T12M leaves Finance's movements as they are, yet
     * largest-remainder rounding of the what-if's parts moved Finance from -0.5 to -0.4 pts.
     */
    @Test
    void whatIfMovesNoFunctionTheChangeDoesNotTouch() throws Exception {
        var w = engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT);
        RetentionReport today = engine.report(w, Segment.ALL);
        RetentionReport changed = engine.whatIf(w, Segment.ALL,
                java.util.List.of(new NrrEngine.LossChange("product_gap", null, new java.math.BigDecimal("-50"))));
        Contribution finance = points(today, dev.nrrbot.metrics.BusinessFunction.FINANCE);
        assertThat(points(changed, dev.nrrbot.metrics.BusinessFunction.FINANCE).signedCents()).isEqualTo(finance.signedCents());
        String t = ask("U0VIEWER", "whatif product_gap -50%");
        for (Contribution c : today.contributions()) {
            if (c.function() == null || c.function() == dev.nrrbot.metrics.BusinessFunction.EXTERNAL) {
                continue; // not on the scorecard: their points are in the reconciliation line
            }
            if (points(changed, c.function()).signedCents() == c.signedCents()) {
                assertThat(t).as(c.functionLabel()).contains("• " + c.functionLabel() + ": " + Money.points(c.points()) + " → *"
                        + Money.points(c.points()) + " pts*");
            }
        }
        assertThat(t).contains("• Finance: " + Money.points(finance.points()) + " → *" + Money.points(finance.points()) + " pts*");
        // the parts still add up to the what-if's NRR − 100%
        java.math.BigDecimal net = changed.netPoints();
        assertThat(t).contains("add up to " + Money.points(net) + " pts = " + Money.percent(changed.nrr()) + " − 100%.")
                .contains("A function whose movements the change does not touch shows exactly today's points.");
    }

    static Contribution points(RetentionReport r, dev.nrrbot.metrics.BusinessFunction f) {
        return r.contributions().stream().filter(c -> c.function() == f).findFirst().orElseThrow();
    }

    @Test
    void whatIfShowsWhatFixingAReasonOrAFunctionsLossesIsWorth() throws Exception {
        RetentionReport today = engine.report(engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT), Segment.ALL);
        String same = ask("U0VIEWER", "whatif product_gap 0%");
        assertThat(same).contains("NRR " + Money.percent(today.nrr()) + " → *" + Money.percent(today.nrr()) + "* (+0.0 pts)");
        RetentionReport without = engine.whatIf(engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT), Segment.ALL,
                java.util.List.of(new NrrEngine.LossChange("product_gap", null, new java.math.BigDecimal("-100"))));
        assertThat(ask("U0VIEWER", "whatif features -100%")).contains("What if · product_gap -100%")
                .contains("→ *" + Money.percent(without.nrr()) + "*");
        assertThat(ask("U0VIEWER", "whatif pricing -50% product -50% 2026-Q3")).contains("pricing -50%, Product losses -50%")
                .contains("*2026-Q3*");
        assertThat(ask("U0VIEWER", "whatif astrology -50%")).contains("\"astrology\" is neither a function nor a churn reason")
                .contains("product_gap");
        assertThat(ask("U0VIEWER", "whatif pricing -150%")).contains("between -100%");
        assertThat(ask("U0VIEWER", "whatif")).contains("Give a reason code or a function");
    }
}
