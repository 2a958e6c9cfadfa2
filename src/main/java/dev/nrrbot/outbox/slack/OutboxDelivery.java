package dev.nrrbot.outbox.slack;

import dev.nrrbot.outbox.db.Outbox;
import dev.nrrbot.outbox.OutboxMessage;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import dev.nrrbot.platform.slack.SlackUrls;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds, one message at a time: it claims a message, renews the claim while
 * Slack answers, and records the outcome before it lets go, so no other instance sends it meanwhile.
 *
 * <p>Each answer is one of four outcomes. <b>Sent</b>: Slack said ok. <b>Retry</b>, when Slack
 * surely did not post it: a 429 waits for its Retry-After; HTTP 502/503, {@code ok:false} with
 * {@code ratelimited}, {@code service_unavailable} or {@code request_timeout}, and a connection that
 * was never made back off (2 s doubling, up to 10 minutes, 12 tries). <b>Failed</b>: any other
 * refusal, logged with Slack's error. <b>Unknown</b>, when Slack may have posted it: a timeout or a
 * broken connection after the request went out, HTTP 500 or 504, {@code internal_error} or
 * {@code fatal_error}, and a claim whose instance died during the send ({@link Outbox#settleAbandoned}).
 * Slack has no idempotency key for chat.postMessage, so an unknown message is logged and counted, and
 * not sent again: a message goes out once or, in those cases only, possibly not at all, never twice.
 */
public final class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    /** How long a claim holds: a process that dies holding one gives way to another after this. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    static final int MAX_ATTEMPTS = 12;
    /** Messages one {@link #deliverDue()} handles at most, one after the other. */
    static final int MAX_PER_CALL = 50;
    private static final Set<String> RETRY_ERRORS = Set.of("ratelimited", "service_unavailable", "request_timeout");
    /** Slack: "It's possible some aspect of the operation succeeded before the error was raised." */
    private static final Set<String> UNKNOWN_ERRORS = Set.of("internal_error", "fatal_error");

    private final Outbox outbox;
    private final Slack slack;
    private final MethodsClient client;
    private final Clock clock;
    private final Duration lease;
    private final String owner = "nrr-" + UUID.randomUUID().toString().substring(0, 8);
    private final SlackUrls urls;
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nrr-outbox-lease");
        t.setDaemon(true);
        return t;
    });

    /** @param urls where a response_url or upload URL may point: Slack's hosts, or the API base the bot is pointed at */
    public OutboxDelivery(Outbox outbox, Slack slack, String botToken, Clock clock, SlackUrls urls) {
        this(outbox, slack, botToken, clock, DEFAULT_LEASE, urls);
    }

    public OutboxDelivery(Outbox outbox, Slack slack, String botToken, Clock clock, Duration lease, SlackUrls urls) {
        this.urls = urls;
        this.lease = lease;
        this.outbox = outbox;
        this.slack = slack;
        this.client = slack.methods(botToken);
        this.clock = clock;
    }

    /** Delivers what is due now, one message at a time; returns how many were sent. */
    public int deliverDue() {
        return deliverDue(() -> true);
    }

    /** As {@link #deliverDue()}, stopping between two messages once {@code keepGoing} says so. */
    public int deliverDue(BooleanSupplier keepGoing) {
        for (Outbox.Abandoned a : outbox.settleAbandoned(clock.instant())) {
            failures.incrementAndGet();
            log.warn("outcome of {} unknown: {} began sending it at {} and its claim ended at {} with no answer recorded;"
                    + " not sent again (Slack may have posted it)", a.dedupeKey(), a.owner(), a.sendingSince(), a.leaseEnded());
        }
        int sent = 0;
        for (int i = 0; i < MAX_PER_CALL && keepGoing.getAsBoolean(); i++) {
            Instant now = clock.instant();
            Optional<Outbox.Pending> next = outbox.claimNext(owner, now, now.plus(lease));
            if (next.isEmpty()) {
                break;
            }
            if (deliverHolding(next.get())) {
                sent++;
            }
        }
        return sent;
    }

    /** Sends {@code p}, renewing its claim every third of the lease until the answer is recorded. */
    private boolean deliverHolding(Outbox.Pending p) {
        long every = Math.max(50, lease.toMillis() / 3);
        ScheduledFuture<?> renewal = renewer.scheduleAtFixedRate(() -> renew(p), every, every, TimeUnit.MILLISECONDS);
        try {
            return deliver(p);
        } finally {
            renewal.cancel(false);
        }
    }

    private void renew(Outbox.Pending p) {
        try {
            if (!outbox.renew(p.id(), owner, clock.instant().plus(lease))) {
                log.warn("lost the claim on {} while sending it (the lease lapsed): its outcome may be recorded as unknown",
                        p.message().dedupeKey());
            }
        } catch (RuntimeException e) {
            log.warn("could not renew the claim on {}", p.message().dedupeKey(), e);
        }
    }

    private boolean deliver(Outbox.Pending p) {
        OutboxMessage m = p.message();
        JsonObject body;
        try {
            body = m.method().equals(OutboxMessage.RESPONSE_URL) ? null : JsonParser.parseString(m.body()).getAsJsonObject();
        } catch (RuntimeException e) { // not sent: nothing reached Slack, and it never will parse
            return giveUp(p, "unreadable body: " + e);
        }
        Outcome outcome;
        try {
            outcome = send(m, body);
        } catch (SlackApiException e) {
            int code = e.getResponse() == null ? 0 : e.getResponse().code();
            String retryAfter = e.getResponse() == null ? null : e.getResponse().header("Retry-After");
            outcome = http(code, "HTTP " + code + ": " + e.getMessage(), retryAfter);
        } catch (IOException e) {
            outcome = neverReached(e) ? Outcome.retry(e.toString()) : Outcome.unknown("no answer after the request went out: " + e);
        } catch (RuntimeException e) {
            log.warn("sending {} failed", m.dedupeKey(), e);
            outcome = Outcome.unknown("the client failed during the send: " + e);
        }
        // recorded while the claim is still held (and renewed): only then is it let go
        return switch (outcome.kind()) {
            case SENT -> {
                outbox.sent(p.id(), owner, clock.instant());
                yield true;
            }
            case RATE_LIMITED -> rateLimited(p, outcome.detail());
            case RETRY -> backOff(p, outcome.detail());
            case FAILED -> giveUp(p, outcome.detail());
            case UNKNOWN -> unknown(p, outcome.detail());
        };
    }

    private Outcome send(OutboxMessage m, JsonObject body) throws IOException, SlackApiException {
        if (m.method().equals(OutboxMessage.RESPONSE_URL)) {
            if (!urls.allowed(m.recipient())) {
                return Outcome.failed("response_url is not on Slack's hosts: refused, nothing sent");
            }
            WebhookResponse r = slack.send(m.recipient(), m.body());
            int code = r.getCode();
            return code >= 200 && code < 300 ? Outcome.SENT
                    : http(code, "response_url answered HTTP " + code + ": " + r.getBody(), null);
        }
        boolean ok;
        String error;
        if (m.method().equals(OutboxMessage.FILE_UPLOAD)) {
            byte[] png = java.util.Base64.getDecoder().decode(body.get("png").getAsString());
            FileUpload.Result r = FileUpload.upload(client, urls, m.recipient(), body.get("filename").getAsString(),
                    body.get("title").getAsString(), png);
            if (!r.shared() && r.beforeSharing()) {
                return Outcome.retry(r.error()); // nothing was shared: a second try posts once
            }
            ok = r.shared();
            error = r.error();
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
            return Outcome.SENT;
        }
        log.error("Slack refused {} ({}): {}", m.method(), m.dedupeKey(), error);
        return RETRY_ERRORS.contains(error) ? Outcome.retry(error)
                : UNKNOWN_ERRORS.contains(error) ? Outcome.unknown("Slack answered " + error) : Outcome.failed(error);
    }

    /** What an HTTP status other than 2xx means for a message. */
    private static Outcome http(int code, String detail, String retryAfter) {
        if (code == 429) {
            return new Outcome(Kind.RATE_LIMITED, retryAfter);
        }
        if (code == 502 || code == 503) {
            return Outcome.retry("HTTP " + code); // the front door turned it away
        }
        if (code == 0 || code >= 500) {
            return Outcome.unknown(detail); // 500, 504: Slack may have acted before it failed
        }
        return Outcome.failed(detail);
    }

    /** True when the request cannot have reached Slack: no connection was made. */
    static boolean neverReached(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
            if (t instanceof java.net.SocketTimeoutException && t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect")) {
                return true;
            }
        }
        return false;
    }

    private enum Kind { SENT, RATE_LIMITED, RETRY, FAILED, UNKNOWN }

    private record Outcome(Kind kind, String detail) {
        static final Outcome SENT = new Outcome(Kind.SENT, null);

        static Outcome retry(String detail) {
            return new Outcome(Kind.RETRY, detail);
        }

        static Outcome failed(String detail) {
            return new Outcome(Kind.FAILED, detail);
        }

        static Outcome unknown(String detail) {
            return new Outcome(Kind.UNKNOWN, detail);
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

    private boolean unknown(Outbox.Pending p, String error) {
        failures.incrementAndGet();
        log.warn("outcome of {} unknown ({}): not sent again, Slack may have posted it", p.message().dedupeKey(), error);
        outbox.unknown(p.id(), owner, clock.instant(), error);
        return false;
    }

    public long rateLimitedCount() {
        return rateLimited.get();
    }

    public long failureCount() {
        return failures.get();
    }
}
