package dev.nrrbot.readouts.slack;

import dev.nrrbot.serve.FakeSlack;
import dev.nrrbot.serve.RunningBot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scheduled readouts and the quarterly readout, posted against the fake Slack Web API with their charts. */
class ReadoutsTest extends dev.nrrbot.serve.SharedBot {

    static final String LEAD = "U0LEAD";

    @BeforeEach
    void lead() throws Exception {
        bot.reset();
        ask(RunningBot.ADMIN, "role <@" + LEAD + "> cs_leader");
        bot.slack.reset();
    }

    JsonObject ask(String user, String text) throws Exception {
        return bot.ask(user, text);
    }

    static String text(JsonObject o) {
        return dev.nrrbot.serve.BlockText.of(o);
    }

    static void assertPng(byte[] bytes) throws Exception {
        assertThat(bytes).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(800);
    }

    List<FakeSlack.Call> uploads(int n) throws InterruptedException {
        bot.slack.await("files.completeUploadExternal", n, Duration.ofSeconds(10));
        return bot.slack.calls("upload");
    }

    @Test
    void aWeeklyScheduleTakesDayTimeZoneAndNamesAndPostsOnceWithItsChart() throws Exception {
        assertThat(text(ask("U0VIEWER", "schedule weekly <#C0NRR|nrr>"))).contains("Only admins and CS leaders");
        String reply = text(ask(LEAD, "schedule weekly <#C0NRR|nrr> tue 09:30 Europe/Berlin names"));
        java.util.regex.Matcher scheduled = java.util.regex.Pattern.compile(
                "Scheduled: #(\\d+) weekly NRR readout in <#C0NRR> every Tuesday at 09:30 Europe/Berlin, with account names").matcher(reply);
        assertThat(scheduled.find()).as(reply).isTrue();
        String id = scheduled.group(1); // the class shares one bot: ids go on from the tests before
        assertThat(reply).contains("First post 2026-11-24 09:30");
        assertThat(text(ask(LEAD, "schedules"))).contains("#" + id + " weekly NRR readout").contains("next 2026-11-24 09:30");

        var readouts = bot.bot.services.readouts();
        bot.clock.set(Instant.parse("2026-11-24T08:29:00Z"));
        assertThat(readouts.runDue()).isZero();
        bot.clock.set(Instant.parse("2026-11-24T08:30:00Z")); // 09:30 in Berlin
        assertThat(readouts.runDue()).isEqualTo(1);
        assertThat(readouts.runDue()).isZero();
        FakeSlack.Call post = bot.slack.await("chat.postMessage", 1, Duration.ofSeconds(10));
        assertThat(post.params().get("channel")).isEqualTo("C0NRR");
        JsonObject blocks = new JsonObject();
        blocks.add("blocks", JsonParser.parseString(post.params().get("blocks")));
        assertThat(text(blocks)).contains("Weekly NRR readout · ").contains("*GRR* ").contains("first weekly readout in this channel")
                .contains("vs last month's close (T12M to 2026-09)").contains("What moved this week").contains("*churn*: -").containsPattern("\\(\\d[\\d,]*\\)")
                .contains("Contribution by function").contains("Open flags by function");
        List<FakeSlack.Call> files = uploads(1);
        assertThat(files).hasSize(1);
        assertPng(files.get(0).raw());
        FakeSlack.Call complete = bot.slack.calls("files.completeUploadExternal").get(0);
        assertThat(complete.params().get("channel_id")).isEqualTo("C0NRR");

        assertThat(text(ask(LEAD, "unschedule " + id))).contains("schedule #" + id + " is stopped");
        assertThat(text(ask(LEAD, "schedules"))).contains("None yet");
    }

    @Test
    void theChurnReasonSummaryPostsTheParetoChart() throws Exception {
        assertThat(text(ask(LEAD, "schedule reasons <#C0CS|cs> monthly UTC"))).contains("churn-reason summary")
                .contains("on the first Monday of each month at 09:00 UTC");
        bot.clock.set(Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(bot.bot.services.readouts().runDue()).isEqualTo(1);
        FakeSlack.Call post = bot.slack.await("chat.postMessage", 1, Duration.ofSeconds(10));
        JsonObject blocks = new JsonObject();
        blocks.add("blocks", JsonParser.parseString(post.params().get("blocks")));
        assertThat(text(blocks)).contains("Why revenue left · 2026-10").contains("Vital few").contains("Unexplained")
                .contains("Top reason per function").contains("Churn, early (1-3 months)");
        assertPng(uploads(1).get(0).raw());
    }

    @Test
    void theQuarterlyReadoutOpensAPreviewAndPostsUnderTheLeadersNameOnce() throws Exception {
        assertThat(text(ask(LEAD, "readout 2026-Q3 <#C0LEAD|leadership>"))).contains("Preview opened");
        FakeSlack.Call open = bot.slack.await("views.open", 1, Duration.ofSeconds(5));
        JsonObject view = open.jsonParam("view");
        assertThat(view.get("callback_id").getAsString()).isEqualTo("readout_modal");
        assertThat(text(view)).contains("2026-Q3 NRR readout").contains("annualised").contains("vs 2026-Q2").contains("vs 2025-Q3")
                .contains("Contribution by function").contains("Top reasons revenue left").contains("Flags this quarter");
        JsonObject submission = JsonParser.parseString("""
                {"type":"view_submission","team":{"id":"T0ACME"},"user":{"id":"%s","team_id":"T0ACME"},"api_app_id":"A0NRR",
                 "token":"legacy","trigger_id":"1.2.3","view":{"id":"V0READOUT","type":"modal","callback_id":"readout_modal",
                 "private_metadata":"%s","hash":"h","state":{"values":{"commentary":{"commentary":{"type":"plain_text_input",
                 "value":"Onboarding fixes cut early churn by half."}}}}}}
                """.formatted(LEAD, view.get("private_metadata").getAsString())).getAsJsonObject();
        assertThat(bot.client.interactive(submission).statusCode()).isEqualTo(200);
        assertThat(bot.client.interactive(submission).statusCode()).isEqualTo(200); // a double submit
        FakeSlack.Call post = bot.slack.await("chat.postMessage", 1, Duration.ofSeconds(10));
        assertThat(post.params().get("channel")).isEqualTo("C0LEAD");
        assertThat(post.params().get("username")).isEqualTo("Lee");
        assertThat(post.params().get("icon_url")).isEqualTo("https://example.com/lee.png");
        assertThat(post.params().get("blocks")).contains("Commentary from <@" + LEAD + ">").contains("Onboarding fixes cut early churn by half.");
        List<FakeSlack.Call> files = uploads(2);
        assertThat(files).hasSize(2);
        for (FakeSlack.Call f : files) {
            assertPng(f.raw());
        }
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(bot.slack.calls("chat.postMessage")).hasSize(1);
        assertThat(bot.slack.calls("files.completeUploadExternal")).hasSize(2);
    }

    static JsonObject submission(String viewId, String metadata, boolean withCommentaryField) {
        JsonObject view = JsonParser.parseString("""
                {"id":"%s","type":"modal","callback_id":"readout_modal","hash":"h","state":{"values":{}}}
                """.formatted(viewId)).getAsJsonObject();
        if (metadata != null) {
            view.addProperty("private_metadata", metadata);
        }
        if (withCommentaryField) {
            view.getAsJsonObject("state").add("values", JsonParser.parseString("""
                    {"commentary":{"commentary":{"type":"plain_text_input","value":"Churn is down."}}}""").getAsJsonObject());
        }
        JsonObject payload = JsonParser.parseString("""
                {"type":"view_submission","team":{"id":"T0ACME"},"user":{"id":"%s","team_id":"T0ACME"},"api_app_id":"A0NRR",
                 "token":"legacy","trigger_id":"1.2.3"}""".formatted(LEAD)).getAsJsonObject();
        payload.add("view", view);
        return payload;
    }

    /** The answer to a submit: 200 with a response_action, never a 500 or a stack trace. */
    JsonObject submit(JsonObject payload) throws Exception {
        HttpResponse<String> r = bot.client.interactive(payload);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    void aSubmitThatLostItsQuarterOrWhoseQuarterHasNoDataKeepsTheModalOpenWithASentence() throws Exception {
        for (String garbled : new String[] {null, "", "2026-Q3", "2026-Q3|", "2026-Q9|C0LEAD", "2026-Q3|#leadership", "x|y|z",
                "2026-Q3|C0LEAD|extra"}) {
            JsonObject answer = submit(submission("V0BAD", garbled, true));
            assertThat(answer.get("response_action").getAsString()).as(garbled).isEqualTo("errors");
            assertThat(answer.getAsJsonObject("errors").get("commentary").getAsString()).as(garbled)
                    .contains("no longer says which quarter and channel").contains("/nrr readout");
        }
        // a quarter with no data that far back (a tampered preview, or data replaced since)
        JsonObject noData = submit(submission("V0OLD", "2019-Q1|C0LEAD", true));
        assertThat(noData.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(noData.getAsJsonObject("errors").get("commentary").getAsString()).contains("No NRR for 2019-Q1");
        // a view without the commentary field (not the modal this bot opened): the sentence replaces it
        JsonObject foreign = submit(submission("V0ODD", "garbage", false));
        assertThat(foreign.get("response_action").getAsString()).isEqualTo("update");
        assertThat(text(foreign.getAsJsonObject("view"))).contains("no longer says which quarter and channel");

        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(bot.slack.calls("chat.postMessage")).isEmpty();
        assertThat(bot.slack.calls("files.completeUploadExternal")).isEmpty();
    }

    @Test
    void aQuarterWithoutDataIsASentenceAndOpensNoPreview() throws Exception {
        JsonObject answer = ask(LEAD, "readout 2019-Q1 <#C0X|x>");
        assertThat(text(answer)).contains("No NRR for 2019-Q1").contains("Import those months or pick another window")
                .doesNotContain("Sorry, something went wrong");
        assertThat(text(ask(LEAD, "readout 2026-Q3 <#C0X|x>"))).contains("Preview opened");
        assertThat(bot.slack.calls("views.open")).hasSize(1);
    }

    @Test
    void badScheduleWordsGetTheFormBack() throws Exception {
        assertThat(text(ask(LEAD, "schedule weekly"))).contains("Give weekly or reasons, then a channel");
        assertThat(text(ask(LEAD, "schedule weekly <#C0NRR> someday"))).contains("\"someday\" is not a day, time, time zone");
        assertThat(text(ask(LEAD, "schedule weekly <#C0NRR> 25:00"))).contains("not a time of day");
        assertThat(text(ask(LEAD, "unschedule 99"))).contains("There is no active schedule #99");
        assertThat(text(ask(LEAD, "readout soon"))).contains("Give a quarter and a channel");
    }
}
