package dev.nrrbot.serve;

import dev.nrrbot.platform.slack.SlackServer;

import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Sends requests the way Slack does: form-encoded or JSON, signed with the SDK's {@link SlackSignature.Generator}. */
public final class SignedClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String secret;

    public SignedClient(int port, String secret) {
        this.base = "http://127.0.0.1:" + port;
        this.secret = secret;
    }

    /** A slash command from {@code user}, with {@code responseUrl} for late answers. */
    public HttpResponse<String> command(String user, String text, String responseUrl) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-token-unused");
        form.put("team_id", "T0ACME");
        form.put("team_domain", "acme");
        form.put("channel_id", "C0GENERAL");
        form.put("channel_name", "general");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/nrr");
        form.put("text", text);
        form.put("api_app_id", "A0NRR");
        form.put("response_url", responseUrl);
        form.put("trigger_id", trigger());
        return post(form(form), "application/x-www-form-urlencoded", now(), secret, Map.of());
    }

    /** A button click: Slack sends block_actions as a form field {@code payload} holding JSON. */
    public HttpResponse<String> blockAction(String user, String actionId, String value, String responseUrl) throws Exception {
        JsonObject payload = JsonParser.parseString("""
                {"type":"block_actions","team":{"id":"T0ACME","domain":"acme"},"user":{"id":"%s","username":"u","team_id":"T0ACME"},
                 "api_app_id":"A0NRR","token":"legacy","trigger_id":"1337.42.trigger","container":{"type":"message"},
                 "channel":{"id":"C0GENERAL","name":"general"},
                 "actions":[{"action_id":"%s","block_id":"b1","type":"button","value":"","action_ts":"1700000000.1",
                   "text":{"type":"plain_text","text":"Button"}}]}
                """.formatted(user, actionId)).getAsJsonObject();
        payload.getAsJsonArray("actions").get(0).getAsJsonObject().addProperty("value", value);
        payload.addProperty("trigger_id", trigger());
        if (responseUrl != null) {
            payload.addProperty("response_url", responseUrl);
        }
        return post("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", now(), secret, Map.of());
    }

    /** Any interactive payload (block_actions, block_suggestion, view_submission) as Slack sends it. */
    public HttpResponse<String> interactive(JsonObject payload) throws Exception {
        payload = payload.deepCopy();
        payload.addProperty("trigger_id", trigger()); // as Slack does: no two requests carry the same bytes
        return post("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", now(), secret, Map.of());
    }

    /** An Events API delivery; {@code retryNum} > 0 adds Slack's retry headers. */
    public HttpResponse<String> event(String eventId, String eventJson, int retryNum) throws Exception {
        String body = """
                {"token":"legacy","team_id":"T0ACME","api_app_id":"A0NRR","event":%s,"type":"event_callback",
                 "event_id":"%s","event_time":1700000000,"authorizations":[{"team_id":"T0ACME","user_id":"UBOT","is_bot":true}]}
                """.formatted(eventJson, eventId);
        // Slack sends compact JSON on one line (Bolt's servlet reads the body line by line)
        body = JsonParser.parseString(body).toString();
        Map<String, String> headers = retryNum > 0 ? Map.of("X-Slack-Retry-Num", Integer.toString(retryNum),
                "X-Slack-Retry-Reason", "http_timeout") : Map.of();
        return post(body, "application/json", now(), secret, headers);
    }

    public HttpResponse<String> post(String body, String contentType, long timestamp, String signingSecret,
                                     Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + SlackServer.EVENTS_PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", sign(signingSecret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final java.util.concurrent.atomic.AtomicLong TRIGGERS = new java.util.concurrent.atomic.AtomicLong();

    /** A trigger id no other request of this run has: Slack's differ per request, so two requests are never the same bytes. */
    static String trigger() {
        return "1337." + TRIGGERS.incrementAndGet() + "." + Long.toHexString(System.nanoTime());
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** Signs as Slack does, with the SDK's own generator (v0=HMAC-SHA256 of v0:timestamp:body). */
    static String sign(String secret, long timestamp, String body) {
        return new SlackSignature.Generator(secret).generate(Long.toString(timestamp), body);
    }

    public static String form(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }
}
