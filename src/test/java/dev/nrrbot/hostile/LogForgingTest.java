package dev.nrrbot.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.serve.RunningBot;
import dev.nrrbot.serve.SharedBot;
import dev.nrrbot.serve.SignedClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Text from a request never reaches the log, so a newline in it cannot forge a line: not from an
 * unsigned body, and not from the fields of a signed one that the request log or a failure would name.
 */
@Tag("hostile")
class LogForgingTest extends SharedBot {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String FORGED = "\n[main] INFO nrr.requests - request kind=command command=FORGED status=200";

    @Test
    void aNewlineInAnyRequestDoesNotForgeALogLine() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        String logged;
        try (CapturedLog log = CapturedLog.start()) {
            // unsigned
            statuses.add(post("text=hello" + FORGED, "not-the-secret"));
            statuses.add(post("ssl_check=1&token=x" + FORGED, "not-the-secret"));
            // signed, with the newline where the request log or an error might look
            statuses.add(post(payload("{\"type\":\"block_actions\",\"team\":{\"id\":\"T0ACME\"},\"user\":{\"id\":\"U0ADMIN\"},"
                    + "\"actions\":[{\"action_id\":" + json("flag_ack" + FORGED) + ",\"value\":\"1:0\"}]}"), RunningBot.SECRET));
            statuses.add(post(payload("{\"type\":\"view_submission\",\"team\":{\"id\":\"T0ACME\"},\"user\":{\"id\":\"U0ADMIN\"},"
                    + "\"view\":{\"id\":\"V1\",\"type\":\"modal\",\"callback_id\":" + json("flag_modal" + FORGED) + ",\"state\":{\"values\":{}}}}"),
                    RunningBot.SECRET));
            statuses.add(post(payload("{\"type\":" + json("nonsense" + FORGED) + "}"), RunningBot.SECRET));
            statuses.add(post(payload("{\"type\":\"block_actions\",\"user\":{" + json("id" + FORGED) + ":[1,}}"), RunningBot.SECRET));
            statuses.add(post(SignedClient.form(Map.of("command", "/nrr", "text", "account ACME" + FORGED, "user_id", "U0ADMIN",
                    "team_id", "T0ACME", "response_url", bot.slack.responseUrl("f"))), RunningBot.SECRET));
            statuses.add(post(SignedClient.form(Map.of("command", "/nrr", "text", "segment plan=" + FORGED, "user_id", "U0VIEWER",
                    "team_id", "T0ACME", "response_url", bot.slack.responseUrl("f"))), RunningBot.SECRET));
            statuses.add(postJson("{\"type\":\"event_callback\",\"team_id\":\"T0ACME\",\"event_id\":\"EvF\",\"event\":{\"type\":"
                    + json("app_home_opened" + FORGED) + ",\"user\":\"U0ADMIN\"}}"));
            // a command without a user fails in a listener: the stack trace is logged, with no text from the request
            statuses.add(post(SignedClient.form(Map.of("command", "/nrr", "text", "account ACME-00003" + FORGED, "team_id", "T0ACME",
                    "response_url", bot.slack.responseUrl("f"))), RunningBot.SECRET));
            bot.bot.awaitIdle(java.time.Duration.ofSeconds(10));
            logged = log.text();
        }
        long forged = logged.lines().filter(l -> l.contains("FORGED")).count();
        Figures.record("newline in a request", statuses.size() + " requests, statuses " + Figures.counts(statuses)
                + ", log lines holding the forged text: " + forged);
        assertThat(statuses).allSatisfy(s -> assertThat(s).isLessThan(500));
        assertThat(logged).doesNotContain("FORGED");
    }

    private static String json(String s) {
        return new com.google.gson.JsonPrimitive(s).toString();
    }

    private static String payload(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private static int post(String body, String secret) throws Exception {
        HttpResponse<String> r = bot.client.post(body, FORM, SignedClient.now(), secret, Map.of());
        return r.statusCode();
    }

    private static int postJson(String body) throws Exception {
        return bot.client.post(body, "application/json", SignedClient.now(), RunningBot.SECRET, Map.of()).statusCode();
    }
}
