package dev.nrrbot.platform.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.servlet.SlackAppServletAdapter;
import dev.nrrbot.platform.Failures;
import dev.nrrbot.platform.ops.LogSafe;
import java.io.IOException;
import java.time.Clock;
import javax.servlet.AsyncContext;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}, in the order that costs a stranger most and the bot least:
 * <ol>
 * <li>a Content-Length over 1 MiB: 413, unread;</li>
 * <li>the signature headers, absent or stale: 401, unread ({@link RequestSignature});</li>
 * <li>the body, read with no thread waiting on it ({@link AsyncBody}): 408 past the deadline, 413
 * past 1 MiB;</li>
 * <li>the signature over the body: 401 (an unsigned {@code ssl_check} is answered 200);</li>
 * <li>a worker ({@link SlackWork}): 503 when the queue is full, or when the request waited there
 * past Slack's deadline and its answer would come too late;</li>
 * <li>Bolt: a body it cannot read is 400, an unforeseen failure 503 with an id (Slack retries), never
 * a 500.</li>
 * </ol>
 * Bolt's own servlet would answer 500 for anything thrown past its adapter, so this one calls the
 * adapter and the app itself. Refusals are one short line a minute at most ({@link Refusals}); no
 * request text is ever logged, and failures are logged without their messages ({@link LogSafe}).
 */
final class SlackEventsServlet extends HttpServlet {

    /** Only Slack's ssl_check comes without a signature, and it is a few dozen bytes. */
    static final int MAX_UNSIGNED_BODY_BYTES = 1024;
    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

    private final transient App app;
    private final transient SlackAppServletAdapter adapter;
    private final transient RequestSignature signature;
    private final transient SlackWork work;
    private final transient Refusals refusals;
    private final transient BodyBudget budget;
    private final transient Scheduler scheduler;
    private final transient SlackServer.Limits limits;

    SlackEventsServlet(App app, SlackWork work, Refusals refusals, Scheduler scheduler, SlackServer.Limits limits) {
        this.app = app;
        this.adapter = new SlackAppServletAdapter(app.config());
        this.signature = new RequestSignature(app.config().getSigningSecret(), Clock.systemUTC());
        this.work = work;
        this.refusals = refusals;
        this.budget = new BodyBudget(limits.bodiesInFlightBytes());
        this.scheduler = scheduler;
        this.limits = limits;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long length = req.getContentLengthLong();
        if (length > SlackServer.MAX_BODY_BYTES) {
            refuse(resp, Refusal.TOO_LARGE);
            return;
        }
        String timestamp = req.getHeader(RequestSignature.TIMESTAMP);
        String sig = req.getHeader(RequestSignature.SIGNATURE);
        RequestSignature.Headers headers = signature.headers(timestamp, sig);
        boolean unsigned = headers == RequestSignature.Headers.ABSENT;
        if (headers == RequestSignature.Headers.REFUSED || unsigned && length > MAX_UNSIGNED_BODY_BYTES) {
            refuse(resp, Refusal.UNSIGNED);
            return;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(0); // the body has its own deadline; a worker always completes
        try {
            startReading(req, resp, async, length, unsigned, timestamp, sig);
        } catch (IOException | RuntimeException e) {
            refuseAndComplete(async, resp, Refusal.MALFORMED); // never an async request left open
        }
    }

    private void startReading(HttpServletRequest req, HttpServletResponse resp, AsyncContext async, long length, boolean unsigned,
                              String timestamp, String sig) throws IOException {
        AsyncBody.read(req.getInputStream(), length, unsigned ? MAX_UNSIGNED_BODY_BYTES : SlackServer.MAX_BODY_BYTES, budget,
                limits.bodyDeadline(), scheduler, new AsyncBody.Outcome() {
                    @Override
                    public void read(byte[] body) {
                        arrived(async, req, resp, unsigned, timestamp, sig, body);
                    }

                    @Override
                    public void refused(Refusal why) {
                        refuseAndComplete(async, resp, why);
                    }

                    @Override
                    public void broken() {
                        async.complete();
                    }
                });
    }

    /** The whole body is in: its signature, then a worker. */
    private void arrived(AsyncContext async, HttpServletRequest req, HttpServletResponse resp, boolean unsigned, String timestamp,
                         String sig, byte[] body) {
        if (unsigned) {
            if (RequestSignature.isSslCheck(body)) {
                resp.setStatus(200); // Slack checks the certificate; nothing else to do
                async.complete();
            } else {
                refuseAndComplete(async, resp, Refusal.UNSIGNED);
            }
            return;
        }
        if (!signature.signs(timestamp, sig, body)) {
            refuseAndComplete(async, resp, Refusal.UNSIGNED);
            return;
        }
        long queued = System.nanoTime();
        if (!work.offer(() -> serve(async, req, resp, body, queued))) {
            refuseAndComplete(async, resp, Refusal.BUSY);
        }
    }

    /** On a worker: Bolt reads the request and the app answers it. */
    private void serve(AsyncContext async, HttpServletRequest req, HttpServletResponse resp, byte[] body, long queued) {
        try {
            if (System.nanoTime() - queued > limits.maxQueueWait().toNanos()) {
                refuse(resp, Refusal.WAITED_TOO_LONG);
                return;
            }
            Request<?> slackRequest;
            try {
                slackRequest = adapter.buildSlackRequest(new BoundedBody(req, body));
            } catch (RuntimeException | StackOverflowError e) {
                slackRequest = null; // a payload that is not JSON, a button press without a user...
            }
            if (slackRequest == null) {
                refuse(resp, Refusal.MALFORMED);
                return;
            }
            Response answer;
            try {
                answer = app.run(slackRequest);
            } catch (Exception | StackOverflowError e) {
                String id = Failures.newId();
                log.error("unexpected failure {} serving a Slack request", id, LogSafe.withoutMessages(e));
                resp.setStatus(503);
                resp.setContentType("application/json");
                resp.getWriter().write("{\"error\":\"temporarily unavailable\",\"id\":\"" + id + "\"}");
                return;
            }
            adapter.writeResponse(resp, answer);
        } catch (IOException e) {
            // the client has gone: nothing to answer
        } finally {
            async.complete();
        }
    }

    private void refuseAndComplete(AsyncContext async, HttpServletResponse resp, Refusal why) {
        try {
            refuse(resp, why);
        } catch (IOException | RuntimeException e) {
            // the client has gone: nothing to answer
        } finally {
            async.complete();
        }
    }

    private void refuse(HttpServletResponse resp, Refusal why) throws IOException {
        refusals.count(why);
        why.answer(resp);
    }
}
