package dev.nrrbot.platform.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on each signed request once. Bolt checks the signature but not whether the same signed
 * bytes came before: within the five minutes a signature is good for, a captured request replayed
 * would raise a second flag or a second schedule. A request's signature covers its timestamp and
 * body, so the signature is its key; the keys live in the database, so a replay to another
 * instance is caught too. Runs after Bolt's signature check, so only signed requests are recorded.
 * Events are deduplicated by their event id elsewhere (Slack's retries are signed anew).
 */
public final class TakenOnce implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(TakenOnce.class);
    private final Predicate<String> firstTime;

    /** @param firstTime true the first time a key is seen, on any instance */
    public TakenOnce(Predicate<String> firstTime) {
        this.firstTime = firstTime;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String signature = req.getHeaders() == null ? null : req.getHeaders().getFirstValue("X-Slack-Signature");
        if (signature == null || req.getRequestType() == RequestType.Event || req.getRequestType() == RequestType.UrlVerification
                || req.getRequestType() == RequestType.SSLCheck) {
            return chain.next(req); // Socket Mode has no signature; events carry their own id
        }
        if (firstTime.test("sig:" + signature)) { // a signature that got here is RequestSignature's checked 67 characters
            return chain.next(req);
        }
        log.warn("a {} request with a signature already taken arrived again (a replay); acknowledged and ignored",
                req.getRequestType());
        resp.setStatusCode(200);
        resp.setContentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8);
        resp.setBody("");
        return resp;
    }
}
