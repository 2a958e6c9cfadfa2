package dev.nrrbot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Correctly signed requests that are not what Slack would send, and commands that hit the edges: none
 * gets an HTTP 500 or a stack trace, and a slash command always gets a sentence.
 */
class MalformedRequestsTest extends dev.nrrbot.serve.SharedBot {

    static String form(Map<String, String> fields) {
        return SignedClient.form(fields);
    }

    static Map<String, String> slash(String user, String text) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("team_id", "T0ACME");
        f.put("channel_id", "C0GENERAL");
        if (user != null) {
            f.put("user_id", user);
        }
        f.put("command", "/nrr");
        if (text != null) {
            f.put("text", text);
        }
        f.put("response_url", bot.slack.responseUrl("malformed"));
        f.put("trigger_id", "1337.42.abcd");
        return f;
    }

    static String interactive(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    static String action(String actionId, String extra) {
        return interactive("""
                {"type":"block_actions","team":{"id":"T0ACME"},"user":{"id":"U0ADMIN","team_id":"T0ACME"},"api_app_id":"A0NRR",
                 "trigger_id":"1337.42.t","container":{"type":"message"},"channel":{"id":"C0GENERAL"},
                 "actions":[{"action_id":"%s","block_id":"b1","type":"button","action_ts":"1700000000.1"%s}]}
                """.formatted(actionId, extra));
    }

    static String submission(String callbackId, String metadata, String values) {
        return interactive("""
                {"type":"view_submission","team":{"id":"T0ACME"},"user":{"id":"U0ADMIN","team_id":"T0ACME"},"api_app_id":"A0NRR",
                 "trigger_id":"1337.42.t","view":{"id":"V123","type":"modal","callback_id":"%s"%s,"state":{"values":%s},"hash":"h"}}
                """.formatted(callbackId, metadata == null ? "" : ",\"private_metadata\":" + new com.google.gson.JsonPrimitive(metadata),
                values));
    }

    static final String SAVED = "{\"outcome\":{\"o\":{\"type\":\"static_select\",\"selected_option\":{\"value\":\"saved\"}}}}";
    static final String A_REASON = "{\"reason\":{\"r\":{\"type\":\"static_select\",\"selected_option\":{\"value\":\"pricing\"}}}}";

    static Stream<Arguments> requests() {
        List<Arguments> all = new ArrayList<>();
        String formType = "application/x-www-form-urlencoded";
        all.add(Arguments.of("slash command without user_id", form(slash(null, "trend")), formType));
        all.add(Arguments.of("slash command without text", form(slash("U0VIEWER", null)), formType));
        all.add(Arguments.of("slash command of 50,000 characters", form(slash("U0VIEWER", "x".repeat(50_000))), formType));
        all.add(Arguments.of("a body that is not a form", "%%%&&&==", formType));
        all.add(Arguments.of("payload that is not JSON", "payload=%7Bnot%20json", formType));
        all.add(Arguments.of("payload without a type", interactive("{\"user\":{\"id\":\"U0ADMIN\"}}"), formType));
        all.add(Arguments.of("payload of an unknown type", interactive("{\"type\":\"nonsense\",\"user\":{\"id\":\"U1\"}}"), formType));
        all.add(Arguments.of("payload that is a JSON array", interactive("[1,2,3]"), formType));
        all.add(Arguments.of("block_actions without actions", interactive("""
                {"type":"block_actions","team":{"id":"T0ACME"},"user":{"id":"U0ADMIN"},"api_app_id":"A0NRR"}"""), formType));
        all.add(Arguments.of("block_actions with an empty list", interactive("""
                {"type":"block_actions","team":{"id":"T0ACME"},"user":{"id":"U0ADMIN"},"actions":[]}"""), formType));
        all.add(Arguments.of("share without a value", action("share_answer", ""), formType));
        all.add(Arguments.of("share without a user", interactive("""
                {"type":"block_actions","team":{"id":"T0ACME"},"actions":[{"action_id":"share_answer","value":"trend"}],
                 "response_url":"%s"}""".formatted(bot.slack.responseUrl("share"))), formType));
        all.add(Arguments.of("acknowledge with a garbled token", action("flag_ack", ",\"value\":\"garbage\""), formType));
        all.add(Arguments.of("acknowledge a flag that does not exist", action("flag_ack", ",\"value\":\"999999:0\""), formType));
        all.add(Arguments.of("snooze without a value", action("flag_snooze", ""), formType));
        all.add(Arguments.of("reassign without a user or block", action("flag_reassign", ""), formType));
        all.add(Arguments.of("resolve with a garbled token", action("flag_resolve", ",\"value\":\"x:y:z\""), formType));
        all.add(Arguments.of("set reason without a month", action("reason_set", ",\"value\":\"ACME-00001\""), formType));
        all.add(Arguments.of("set reason with a month that is not one", action("reason_set", ",\"value\":\"ACME-00001|2026-13\""), formType));
        all.add(Arguments.of("a Home button without a value", action("home_trend", ""), formType));
        all.add(Arguments.of("the account picker without a selection or a view", action("flag_account", ""), formType));
        all.add(Arguments.of("account options without a value", interactive("""
                {"type":"block_suggestion","team":{"id":"T0ACME"},"user":{"id":"U0ADMIN"},"action_id":"flag_account",
                 "block_id":"account","api_app_id":"A0NRR"}"""), formType));
        all.add(Arguments.of("resolve form without metadata", submission("flag_resolve_modal", null, SAVED), formType));
        all.add(Arguments.of("resolve form with garbled metadata", submission("flag_resolve_modal", "x\ny", SAVED), formType));
        all.add(Arguments.of("reason form with a month that is not one", submission("reason_modal", "ACME-00001|2026-13", A_REASON),
                formType));
        all.add(Arguments.of("reason form without metadata", submission("reason_modal", null, A_REASON), formType));
        all.add(Arguments.of("readout form without metadata", submission("readout_modal", null, "{}"), formType));
        all.add(Arguments.of("readout form for a quarter with no data", submission("readout_modal", "2019-Q1|C0NRR", "{}"), formType));
        all.add(Arguments.of("flag form without any field", submission("flag_modal", null, "{}"), formType));
        all.add(Arguments.of("a form nobody opened", submission("no_such_modal", null, "{}"), formType));
        all.add(Arguments.of("an event without a user", JsonParser.parseString("""
                {"token":"t","team_id":"T0ACME","api_app_id":"A0NRR","type":"event_callback","event_id":"Ev1",
                 "event":{"type":"app_home_opened","tab":"home"}}""").toString(), "application/json"));
        all.add(Arguments.of("an event without an event", "{\"type\":\"event_callback\",\"event_id\":\"Ev2\"}", "application/json"));
        all.add(Arguments.of("JSON null", "null", "application/json"));
        all.add(Arguments.of("JSON that is not JSON", "{\"type\":", "application/json"));
        all.add(Arguments.of("an empty body", "", formType));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void aMalformedRequestGetsNoServerErrorAndNoStackTrace(String what, String body, String contentType) throws Exception {
        HttpResponse<String> r = bot.client.post(body, contentType, SignedClient.now(), RunningBot.SECRET, Map.of());
        assertThat(r.statusCode()).as(what).isLessThan(500);
        assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.nrrbot");
    }

    static String text(HttpResponse<String> r) {
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        String blocks = o.has("blocks") ? BlockText.of(o) : "";
        return (o.has("text") ? o.get("text").getAsString() : "") + "\n" + blocks;
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedUnreadAndTheBotStillAnswers() throws Exception {
        String huge = "payload=" + "x".repeat(2 * dev.nrrbot.platform.slack.SlackServer.MAX_BODY_BYTES);
        HttpResponse<String> r = bot.client.post(huge, "application/x-www-form-urlencoded", SignedClient.now(), RunningBot.SECRET, Map.of());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).isEqualTo("{\"error\":\"request too large\"}");
        assertThat(bot.client.command("U0VIEWER", "trend", bot.slack.responseUrl("r")).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnsignedBodyIsNeverWrittenToTheLog() throws Exception {
        Captured c = withStderr(() -> bot.client.post("NOT-A-SLACK-BODY-7f3a\n[main] INFO forged line",
                "application/x-www-form-urlencoded", SignedClient.now(), "not-the-secret", Map.of()));
        assertThat(c.response().statusCode()).isLessThan(500);
        assertThat(c.stderr()).doesNotContain("NOT-A-SLACK-BODY-7f3a").doesNotContain("forged line");
    }

    record Captured(HttpResponse<String> response, String stderr) {
    }

    /** The response to {@code request} and what was logged meanwhile. */
    static Captured withStderr(java.util.concurrent.Callable<HttpResponse<String>> request) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = request.call();
            return new Captured(r, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void aReadoutForAQuarterWithoutDataIsASentence() throws Exception {
        HttpResponse<String> r = bot.client.command(RunningBot.ADMIN, "readout 2019-Q1 <#C0LEAD|leadership>", bot.slack.responseUrl("r"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).contains("2019").doesNotContain("went wrong").doesNotContain("Exception");
    }

    @Test
    void aFlagNoteOf10000CharactersIsRefusedWithASentence() throws Exception {
        HttpResponse<String> r = bot.client.command(RunningBot.ADMIN, "flag ACME-00003 product " + "word ".repeat(2_000),
                bot.slack.responseUrl("r"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).contains("9,999 characters; a flag's note holds 3,000").doesNotContain("went wrong");
    }

    @Test
    void aCommandOf50000CharactersGetsHelpNotAnError() throws Exception {
        HttpResponse<String> r = bot.client.command("U0VIEWER", "y".repeat(50_000), bot.slack.responseUrl("r"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).contains("I did not understand").hasSizeLessThan(12_000);
    }

    @Test
    void anUnexpectedFailureIsAnApologyWithAnIdAndTheLogHoldsItsStackTrace() throws Exception {
        // a command with no user at all reaches a listener that needs one
        Captured c = withStderr(() -> bot.client.post(form(slash(null, "account ACME-00003")), "application/x-www-form-urlencoded",
                SignedClient.now(), RunningBot.SECRET, Map.of()));
        HttpResponse<String> r = c.response();
        assertThat(r.statusCode()).isEqualTo(200);
        String logged = c.stderr();
        if (text(r).contains("error ")) {
            String id = text(r).replaceAll("(?s).*error ([0-9A-Z]{8}).*", "$1");
            assertThat(logged).contains(id).contains("\tat ");
        } else {
            assertThat(text(r)).doesNotContain("Exception");
        }
    }
}
