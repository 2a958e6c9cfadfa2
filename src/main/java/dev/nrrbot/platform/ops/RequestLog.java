package dev.nrrbot.platform.ops;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line and one metric per Slack request: its kind, the command (the first word after /nrr,
 * never the rest, which may name accounts), latency and outcome. Never a token or a secret, and
 * nothing from the request that is not one plain token ({@link LogSafe#token}), so a newline in a
 * payload cannot forge a line. It runs after Bolt's signature check: unsigned requests never get
 * here (the server answers them with one short line at most, see {@code platform/slack/Refusals}). While
 * the bot drains for shutdown, new requests get 503 so Slack retries them on another instance.
 */
public final class RequestLog implements Middleware {

    private static final Logger log = LoggerFactory.getLogger("nrr.requests");

    private final Metrics metrics;
    private final Predicate<String> commandWord;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    /** @param commandWord whether a first word after /nrr is a command (logged as is; anything else is not) */
    public RequestLog(Metrics metrics, Predicate<String> commandWord) {
        this.metrics = metrics;
        this.commandWord = commandWord;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (draining) {
            resp.setStatusCode(503);
            resp.setBody("{\"error\":\"shutting down\"}");
            return resp;
        }
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        String kind = kind(req);
        String command = command(req, commandWord);
        Response out = null;
        try {
            out = chain.next(req);
            return out;
        } finally {
            inFlight.decrementAndGet();
            double seconds = (System.nanoTime() - start) / 1e9;
            int status = out == null || out.getStatusCode() == null ? 500 : out.getStatusCode();
            String outcome = status == 200 ? "ok" : status == 401 ? "refused" : "error";
            metrics.request(kind, command, outcome, seconds);
            log.info("request kind={} command={} status={} outcome={} latency_ms={}", kind, command, status, outcome,
                    Math.round(seconds * 1000));
        }
    }

    /** Stops taking requests; returns once those in flight are done, or after {@code timeoutMillis}. */
    public void drain(long timeoutMillis) throws InterruptedException {
        draining = true;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    static String kind(Request<?> req) {
        return req.getRequestType() == null ? "unknown" : req.getRequestType().name().toLowerCase(Locale.ROOT);
    }

    static String command(Request<?> req, Predicate<String> commandWord) {
        try {
            if (req instanceof SlashCommandRequest r) {
                String text = r.getPayload().getText() == null ? "" : r.getPayload().getText().trim();
                if (text.isEmpty()) {
                    return "(report)";
                }
                String first = text.split("\\s+")[0].toLowerCase(Locale.ROOT);
                if (commandWord.test(first)) {
                    return first;
                }
                return first.matches("[0-9q.-]{1,20}") || first.equals("last") ? "(window)" : "(other)";
            }
            if (req instanceof BlockActionRequest r) {
                return r.getPayload().getActions() == null || r.getPayload().getActions().isEmpty() ? "(none)"
                        : LogSafe.token(r.getPayload().getActions().get(0).getActionId());
            }
            if (req instanceof ViewSubmissionRequest r) {
                return LogSafe.token(r.getPayload().getView().getCallbackId());
            }
            if (req instanceof EventRequest r) {
                return LogSafe.token(r.getEventType());
            }
            JsonObject o = JsonParser.parseString(req.getRequestBodyAsString()).getAsJsonObject();
            return o.has("type") ? LogSafe.token(o.get("type").getAsString()) : "(other)";
        } catch (RuntimeException e) {
            return "(other)";
        }
    }
}
