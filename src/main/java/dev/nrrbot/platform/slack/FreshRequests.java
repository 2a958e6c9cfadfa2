package dev.nrrbot.platform.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.time.Clock;

/**
 * Refuses requests signed more than five minutes from now, in either direction. Bolt's signature
 * check refuses old timestamps but lets future ones through, which would let a captured request be
 * replayed later.
 */
public final class FreshRequests implements Middleware {

    static final long TOLERANCE_SECONDS = 5 * 60;
    private final Clock clock;

    public FreshRequests(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String ts = req.getHeaders() == null ? null : req.getHeaders().getFirstValue("X-Slack-Request-Timestamp");
        if (ts == null) {
            return chain.next(req); // Socket Mode: no HTTP signature to check
        }
        long seconds;
        try {
            seconds = Long.parseLong(ts.trim());
        } catch (NumberFormatException e) {
            return refuse(resp);
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE_SECONDS) {
            return refuse(resp);
        }
        return chain.next(req);
    }

    private static Response refuse(Response resp) {
        resp.setStatusCode(401);
        resp.setContentType("application/json");
        resp.setBody("{\"error\":\"invalid request\"}");
        return resp;
    }
}
