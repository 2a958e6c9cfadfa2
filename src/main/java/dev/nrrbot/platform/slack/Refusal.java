package dev.nrrbot.platform.slack;

import java.io.IOException;
import javax.servlet.http.HttpServletResponse;

/**
 * The answers the server gives a request it will not, or cannot yet, hand to Bolt: a status and a
 * short JSON body, never a stack trace. Each closes the connection: what is left of the body is
 * never read, and a refused client starts afresh.
 */
enum Refusal {
    MALFORMED(400, "malformed request", "a body the Slack SDK could not read"),
    UNSIGNED(401, "invalid request", "no valid Slack signature"),
    TOO_SLOW(408, "request too slow", "a body that did not arrive in time"),
    TOO_LARGE(413, "request too large", "a body over " + SlackServer.MAX_BODY_BYTES + " bytes"),
    BUSY(503, "busy", "every worker busy and the queue full"),
    TOO_MANY_BODIES(503, "busy", "too many bodies arriving at once"),
    WAITED_TOO_LONG(503, "busy", "a request that waited past Slack's deadline in the queue");

    final int status;
    final String error;
    /** What the log says: never anything from the request. */
    final String words;

    Refusal(int status, String error, String words) {
        this.status = status;
        this.error = error;
        this.words = words;
    }

    void answer(HttpServletResponse resp) throws IOException {
        resp.setStatus(status);
        resp.setHeader("Connection", "close");
        if (status == 503) {
            resp.setHeader("Retry-After", "1");
        }
        resp.setContentType("application/json");
        resp.getWriter().write("{\"error\":\"" + error + "\"}");
    }
}
