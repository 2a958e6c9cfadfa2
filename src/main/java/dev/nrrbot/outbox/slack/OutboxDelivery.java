package dev.nrrbot.outbox.slack;

import dev.nrrbot.outbox.db.Outbox;
import dev.nrrbot.outbox.OutboxMessage;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds. Slack's 429 waits for its Retry-After; 5xx and network errors back
 * off (2 s doubling, up to 10 minutes, 12 tries); an {@code ok:false} answer is logged with its
 * error and retried only when the error is a passing one.
 */
public final class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    /** How long a claim holds: a process that dies holding one gives way to another after this. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    static final int MAX_ATTEMPTS = 12;
    private static final Set<String> PASSING_ERRORS = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");

    private final Outbox outbox;
    private final Slack slack;
    private final MethodsClient client;
    private final Clock clock;
    private final Duration lease;
    private final String owner = "nrr-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public OutboxDelivery(Outbox outbox, Slack slack, String botToken, Clock clock) {
        this(outbox, slack, botToken, clock, DEFAULT_LEASE);
    }

    public OutboxDelivery(Outbox outbox, Slack slack, String botToken, Clock clock, Duration lease) {
        this.lease = lease;
        this.outbox = outbox;
        this.slack = slack;
        this.client = slack.methods(botToken);
        this.clock = clock;
    }

    /** Delivers what is due now; returns how many were sent. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<Outbox.Pending> due = outbox.claim(owner, now, now.plus(lease), 50);
        int sent = 0;
        for (Outbox.Pending p : due) {
            if (deliver(p)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(Outbox.Pending p) {
        OutboxMessage m = p.message();
        try {
            if (m.method().equals(OutboxMessage.RESPONSE_URL)) {
                WebhookResponse r = slack.send(m.recipient(), m.body());
                int code = r.getCode();
                if (code >= 200 && code < 300) {
                    outbox.sent(p.id(), owner, clock.instant());
                    return true;
                }
                if (code == 429) {
                    return rateLimited(p, null);
                }
                if (code >= 500) {
                    return backOff(p, "HTTP " + code);
                }
                return giveUp(p, "response_url answered HTTP " + code + ": " + r.getBody());
            }
            JsonObject body = JsonParser.parseString(m.body()).getAsJsonObject();
            boolean ok;
            String error;
            if (m.method().equals(OutboxMessage.FILE_UPLOAD)) {
                byte[] png = java.util.Base64.getDecoder().decode(body.get("png").getAsString());
                var r = client.filesUploadV2(req -> req.channel(m.recipient()).filename(body.get("filename").getAsString())
                        .title(body.get("title").getAsString()).fileData(png));
                ok = r.isOk();
                error = r.getError();
            } else {
                ChatPostMessageResponse r = client.chatPostMessage(req -> req.channel(m.recipient())
                        .text(body.has("text") ? body.get("text").getAsString() : null)
                        .blocksAsString(body.has("blocks") ? body.get("blocks").toString() : null)
                        .username(body.has("username") ? body.get("username").getAsString() : null)
                        .iconUrl(body.has("icon_url") ? body.get("icon_url").getAsString() : null));
                ok = r.isOk();
                error = r.getError();
            }
            if (ok) {
                outbox.sent(p.id(), owner, clock.instant());
                return true;
            }
            log.error("Slack refused {} ({}): {}", m.method(), m.dedupeKey(), error);
            return PASSING_ERRORS.contains(error) ? backOff(p, error) : giveUp(p, error);
        } catch (SlackApiException e) {
            int code = e.getResponse() == null ? 0 : e.getResponse().code();
            if (code == 429) {
                return rateLimited(p, e.getResponse().header("Retry-After"));
            }
            if (code == 0 || code >= 500) {
                return backOff(p, code == 0 ? e.getMessage() : "HTTP " + code);
            }
            return giveUp(p, "HTTP " + code + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return backOff(p, e.toString());
        }
    }

    private boolean rateLimited(Outbox.Pending p, String retryAfter) {
        rateLimited.incrementAndGet();
        long seconds = 30;
        try {
            seconds = retryAfter == null ? 30 : Math.max(1, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            // keep 30 s
        }
        log.warn("Slack rate limit on {}: retrying in {} s", p.message().dedupeKey(), seconds);
        outbox.retryAt(p.id(), owner, clock.instant().plusSeconds(seconds), "ratelimited");
        return false;
    }

    private boolean backOff(Outbox.Pending p, String error) {
        failures.incrementAndGet();
        if (p.attempts() + 1 >= MAX_ATTEMPTS) {
            return giveUp(p, error);
        }
        long seconds = Math.min(600, 2L << Math.min(p.attempts(), 10));
        log.warn("delivery of {} failed ({}); retry {} in {} s", p.message().dedupeKey(), error, p.attempts() + 1, seconds);
        outbox.retryAt(p.id(), owner, clock.instant().plusSeconds(seconds), error);
        return false;
    }

    private boolean giveUp(Outbox.Pending p, String error) {
        failures.incrementAndGet();
        log.error("gave up delivering {}: {}", p.message().dedupeKey(), error);
        outbox.failed(p.id(), owner, clock.instant(), error);
        return false;
    }

    public long rateLimitedCount() {
        return rateLimited.get();
    }

    public long failureCount() {
        return failures.get();
    }
}
