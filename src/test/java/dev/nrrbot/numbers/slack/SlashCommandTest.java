package dev.nrrbot.numbers.slack;

import dev.nrrbot.serve.FakeSlack;
import dev.nrrbot.serve.RunningBot;
import dev.nrrbot.serve.SignedClient;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.platform.format.Money;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /nrr through the real Bolt app on Jetty, with requests signed as Slack signs them. */
class SlashCommandTest extends dev.nrrbot.serve.SharedBot {

    static NrrEngine engine;

    @BeforeAll
    static void engine() {
        engine = bot.engine();
    }

    @BeforeEach
    void clearCalls() {
        bot.slack.reset();
    }

    static JsonObject ask(String user, String text) throws Exception {
        HttpResponse<String> r = bot.client.command(user, text, bot.slack.responseUrl("r1"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    static String text(JsonObject message) {
        return dev.nrrbot.serve.BlockText.of(message);
    }

    @Test
    void botCheckedItsTokenWithAuthTestWhenItStarted() {
        // recorded before reset by the first test to run; the fake answered, so the app is up
        assertThat(bot.server.port()).isPositive();
    }

    @Test
    void nrrAnswersTheCurrentT12mReportPrivatelyWithItsFunctionsAndAShareButton() throws Exception {
        JsonObject m = ask("U0VIEWER", "");
        RetentionReport r = engine.report(engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT), Segment.ALL);
        RetentionReport before = engine.report(engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT).previous(), Segment.ALL);
        assertThat(m.get("response_type").getAsString()).isEqualTo("ephemeral");
        String t = text(m);
        assertThat(t).contains("NRR " + Money.percent(r.nrr()) + " · " + r.band().label())
                .contains("*GRR* " + Money.percent(r.grr()))
                .contains("T12M to 2026-10")
                .contains("Start MRR*\n" + Money.whole(r.startCents()))
                .contains("End MRR*\n" + Money.whole(r.endCents()))
                .contains("Expansion", "Reactivation", "Contraction", "Churn")
                .contains("*vs T12M to 2026-09:* " + Money.points(r.nrrPercent().subtract(before.nrrPercent())) + " pts")
                .contains("Data through 2026-10 · last import ")
                .contains("NRR = End MRR / Start MRR")
                .contains("[value:current]")
                .contains("Share in channel");
        // ranked contributions, e.g. "Customer Success *+6.1 pts*"
        for (var c : r.contributions()) {
            assertThat(t).contains("• " + c.functionLabel() + " *" + Money.points(c.points()) + " pts*");
        }
        assertThat(m.get("text").getAsString()).startsWith("NRR " + Money.percent(r.nrr()));
    }

    @Test
    void otherWindowsByQuarterMonthYearAndWords() throws Exception {
        assertThat(text(ask("U0VIEWER", "2026-Q3"))).contains("*2026-Q3* (2026-06 → 2026-09)").contains("vs 2026-Q2");
        assertThat(text(ask("U0VIEWER", "2026-09"))).contains("*2026-09* (2026-08 → 2026-09)");
        assertThat(text(ask("U0VIEWER", "2025"))).contains("*2025* (2024-12 → 2025-12)");
        assertThat(text(ask("U0VIEWER", "last quarter"))).contains("*2026-Q3*");
        String gap = text(ask("U0VIEWER", "2026"));
        assertThat(gap).contains("No NRR for 2026").contains("2026-11, 2026-12").doesNotContain("Exception");
    }

    @Test
    void shorterWindowsShowTheirAnnualisedNrrBesideThemAndAreBandedOnIt() throws Exception {
        for (String[] q : new String[][]{{"2026-Q3", "3"}, {"2026-09", "1"}}) {
            RetentionReport r = engine.report(engine.window(q[0]), Segment.ALL);
            int months = Integer.parseInt(q[1]);
            java.math.BigDecimal annual = java.math.BigDecimal.valueOf(Math.pow(r.endCents() / (double) r.startCents(), 12.0 / months));
            assertThat(r.annualisedNrr().doubleValue()).isCloseTo(annual.doubleValue(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(r.band()).isEqualTo(dev.nrrbot.metrics.Band.of(r.endCents(), r.startCents(), months));
            JsonObject m = ask("U0VIEWER", q[0]);
            assertThat(text(m)).contains("NRR " + Money.percent(r.nrr()) + " · annualised " + Money.percent(r.annualisedNrr()) + " · "
                            + r.band().label())
                    .contains("Bands are for 12-month NRR: this " + months + "-month window's band reads its annualised equivalent,"
                            + " (End ÷ Start)^(12/" + months + ") = " + Money.percent(r.annualisedNrr()));
            assertThat(m.get("text").getAsString()).startsWith("NRR " + Money.percent(r.nrr()) + " (annualised "
                    + Money.percent(r.annualisedNrr()) + ": " + r.band().label() + "), GRR ");
        }
        assertThat(text(ask("U0VIEWER", ""))).doesNotContain("annualised");
        assertThat(text(ask("U0VIEWER", "2025"))).doesNotContain("annualised");
    }

    @Test
    void functionViewShowsItsContributionReasonsAndTrend() throws Exception {
        var d = engine.functionDetail(engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT), Segment.ALL, BusinessFunction.PRODUCT);
        String t = text(ask("U0VIEWER", "function product"));
        assertThat(t).contains("Product: " + Money.points(d.contribution().points()) + " pts of NRR")
                .contains("Reasons and drivers behind it").contains("product_gap")
                .contains("Its T12M contribution by month");
        assertThat(text(ask("U0VIEWER", "function eng"))).contains("Engineering: ");
        assertThat(text(ask("U0VIEWER", "cs 2026-Q3"))).contains("Customer Success: ").contains("2026-Q3");
        assertThat(text(ask("U0VIEWER", "function wizardry"))).contains("\"wizardry\" is not a function");
    }

    @Test
    void segmentsSliceByAnyAccountAttribute() throws Exception {
        RetentionReport r = engine.report(engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT), Segment.parse("plan=Enterprise"));
        String t = text(ask("U0VIEWER", "segment plan=Enterprise"));
        assertThat(t).contains("NRR " + Money.percent(r.nrr())).contains("plan=Enterprise");
        assertThat(text(ask("U0VIEWER", "segment tier=gold"))).contains("No account has the attribute 'tier'");
    }

    @Test
    void reasonsShowTheParetoAndTrendShowsMonths() throws Exception {
        var p = engine.pareto(engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT), Segment.ALL);
        String t = text(ask("U0VIEWER", "reasons"));
        assertThat(t).contains("Why revenue left · T12M to 2026-10").contains("Vital few")
                .contains(String.join(", ", p.vitalFew())).contains("Unexplained").contains("Churn, early (1-3 months)");
        String trend = text(ask("U0VIEWER", "trend"));
        assertThat(trend).contains("T12M NRR trend").contains("`2026-10`").contains("`2026-01`");
    }

    @Test
    void accountHistoryIsOnlyForAdminsCsLeadersAndFunctionOwners() throws Exception {
        String refused = text(ask("U0NOSY", "account ACME-00001"));
        assertThat(refused).contains("Account-level revenue is for admins, CS leaders, the account's CSM")
                .contains("<@" + RunningBot.ADMIN + ">").doesNotContain("MRR now");
        JsonObject m = ask(RunningBot.ADMIN, "account ACME-00001");
        String t = text(m);
        assertThat(t).contains("ACME-00001").contains("MRR now").contains("MRR at month end").contains("`2026-10`");
        assertThat(t).doesNotContain("Share in channel");
        assertThat(text(ask(RunningBot.ADMIN, "account Beacon"))).contains("accounts match").contains("ACME-");
        assertThat(text(ask(RunningBot.ADMIN, "account zzzz-nothing"))).contains("No account matches");
    }

    @Test
    void adminsGiveRolesAndOthersCannot() throws Exception {
        assertThat(text(ask("U0PLAIN", "role <@U0LEADER|lee> cs_leader"))).contains("Only admins can change roles")
                .contains("<@" + RunningBot.ADMIN + ">");
        assertThat(text(ask(RunningBot.ADMIN, "role <@U0LEADER|lee> cs_leader"))).contains("<@U0LEADER> is now cs_leader");
        assertThat(text(ask("U0LEADER", "account ACME-00002"))).contains("MRR now");
        assertThat(text(ask(RunningBot.ADMIN, "role <@U0LEADER> viewer"))).contains("is now viewer");
        assertThat(text(ask("U0LEADER", "account ACME-00002"))).contains("Account-level revenue is for admins");
        assertThat(text(ask(RunningBot.ADMIN, "role <@U0LEADER> emperor"))).contains("admin, cs_leader or viewer");
    }

    @Test
    void helpAndTyposGetUsageAndTheClosestCommand() throws Exception {
        assertThat(text(ask("U0VIEWER", "help"))).contains("`/nrr function product`").contains("`/nrr reasons [window]`");
        String typo = text(ask("U0VIEWER", "reasosn 2026-Q3"));
        assertThat(typo).contains("I did not understand").contains("Did you mean `/nrr reasons 2026-Q3`?");
        assertThat(text(ask("U0VIEWER", "tremd"))).contains("Did you mean `/nrr trend`?");
        assertThat(text(ask("U0VIEWER", "<script>&"))).contains("&lt;script&gt;&amp;");
    }

    @Test
    void definitionsAnswerInSlackWithEveryTermTheNumbersUse() throws Exception {
        JsonObject m = ask("U0VIEWER", "definitions");
        assertThat(m.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(m.get("text").getAsString()).isEqualTo("What the numbers mean");
        String t = text(m).replace("&lt;", "<").replace("&gt;", ">"); // the bot's own comparisons, escaped for mrkdwn
        assertThat(t).contains("What the numbers mean")
                .contains("*Cohort*: the accounts paying (MRR > 0) at *s*")
                .contains("*Start MRR*: the cohort's MRR at *s*. *End MRR*: the same accounts' MRR at *e*.")
                .contains("*NRR* = End MRR ÷ Start MRR.")
                .contains("*GRR* = the sum over the cohort of the lower of each account's MRR at *s* and at *e*, ÷ Start MRR.")
                .contains("*churn*: p > 0, c = 0; amount p", "*contraction*: 0 < c < p; amount p − c",
                        "*expansion*: 0 < p < c; amount c − p", "*reactivation*: p = 0 < c, and the account paid in some earlier month",
                        "*new*: p = 0 < c, the first time it pays")
                .contains("End = Start + expansion + reactivation − contraction − churn")
                .contains("*Contribution* of a function, in points = 100 × the signed MRR of the cohort's movements it owns ÷ Start MRR")
                .contains("largest remainders")
                .contains("in the month of its date or the three months after", "the latest date wins", "imported last",
                        "A reason set on a movement in Slack wins", "counted as unmatched")
                .contains("below 90% *concerning* · 90% to below 100% *stable, not compounding* · 100% to below 110% *good*"
                        + " · 110% to below 130% *great* · 130% and above *best in class*")
                .contains("Share in channel")
                .doesNotContain("docs/definitions.md");
        assertThat(text(ask("U0VIEWER", "glossary"))).contains("What the numbers mean");
        assertThat(text(ask("U0VIEWER", "help"))).contains("`/nrr definitions`");
    }

    /** Commands that change something: left out of the sweep below (their refusals and confirmations carry no footnote). */
    static final java.util.Set<String> CHANGES = java.util.Set.of("role", "schedule", "unschedule", "readout", "target", "weight",
            "owner", "flag");

    @Test
    void noAnswerPointsAtTheRepositoryPathAndTheNumbersPointAtDefinitions() throws Exception {
        java.util.List<String> questions = java.util.List.of("", "2026-Q3", "2026-09", "2025", "function product", "segment plan=Enterprise",
                "reasons", "reasons 2026-Q3", "trend", "help", "tremd", "definitions", "scorecard", "scorecard 2026-Q3",
                "whatif pricing -50%", "curve", "schedules", "owners", "flags", "account ACME-00001", "2026", "me", "taxonomy", "status", "health",
                "health backtest", "health support", "health settings", "renewals", "renewals quarter");
        var table = dev.nrrbot.serve.NrrSlackApp.commands(bot.bot.services);
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (String q : questions) {
            asked.add(table.parse(q).command().name());
            String t = text(ask(RunningBot.ADMIN, q));
            assertThat(t).as("/nrr " + q).doesNotContain("docs/definitions.md");
        }
        for (var c : table.commands()) {
            if (!CHANGES.contains(c.name())) {
                assertThat(asked).as("a question for /nrr " + c.name()).contains(c.name());
            }
        }
        for (String q : java.util.List.of("", "2026-Q3", "function product", "reasons", "trend", "help")) {
            assertThat(text(ask("U0VIEWER", q))).as("/nrr " + q).contains("All definitions: `/nrr definitions`");
        }
    }

    @Test
    void badSignaturesStaleAndFutureTimestampsAreRefused() throws Exception {
        String body = SignedClient.form(java.util.Map.of("command", "/nrr", "text", "", "user_id", "U0X", "team_id", "T0ACME",
                "response_url", bot.slack.responseUrl("x")));
        long now = SignedClient.now();
        String type = "application/x-www-form-urlencoded";
        assertThat(bot.client.post(body, type, now, "wrong-secret", java.util.Map.of()).statusCode()).isEqualTo(401);
        assertThat(bot.client.post(body, type, now - 6 * 60, RunningBot.SECRET, java.util.Map.of()).statusCode()).isEqualTo(401);
        assertThat(bot.client.post(body, type, now + 6 * 60, RunningBot.SECRET, java.util.Map.of()).statusCode()).isEqualTo(401);
        assertThat(bot.client.post(body, type, now + 60, RunningBot.SECRET, java.util.Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void shareButtonPostsTheSameAnswerForTheChannelThroughTheResponseUrl() throws Exception {
        HttpResponse<String> r = bot.client.blockAction("U0VIEWER", "share_answer", "2026-Q3", bot.slack.responseUrl("share1"));
        assertThat(r.statusCode()).isEqualTo(200);
        FakeSlack.Call posted = bot.slack.await("response_url", 1, Duration.ofSeconds(10));
        assertThat(posted.path()).isEqualTo("/response/share1");
        JsonObject m = posted.json();
        assertThat(m.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(m.get("replace_original").getAsBoolean()).isFalse();
        RetentionReport q3 = engine.report(engine.window("2026-Q3"), Segment.ALL);
        assertThat(text(m)).contains("NRR " + Money.percent(q3.nrr())).contains("Shared by <@U0VIEWER>")
                .doesNotContain("Share in channel");
    }

    @Test
    void accountAnswersCannotBeSharedEvenByCraftingTheButton() throws Exception {
        bot.client.blockAction(RunningBot.ADMIN, "share_answer", "account ACME-00001", bot.slack.responseUrl("leak"));
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(bot.slack.calls("response_url")).isEmpty();
    }

    @Test
    void healthAnswersWhenTheDatabaseDoes() throws Exception {
        HttpResponse<String> r = bot.client.get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"database\":\"up\"");
    }

    static JsonArray blocks(JsonObject m) {
        return m.getAsJsonArray("blocks");
    }
}
