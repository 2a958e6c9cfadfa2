package dev.nrrbot.platform.slack;

import com.google.gson.JsonObject;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import dev.nrrbot.platform.Failures;
import dev.nrrbot.platform.ops.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line behind every listener: a failure nobody foresaw (a payload missing a field Slack
 * always sends, a bug) is logged once with an id and its stack trace, and Slack gets a 200 rather
 * than a 500, so it neither shows "dispatch_failed" nor retries a request that will fail again. A
 * slash command also gets a short apology with the id.
 */
public final class ErrorBoundary implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(ErrorBoundary.class);

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        try {
            return chain.next(req);
        } catch (Exception | StackOverflowError e) {
            String id = Failures.newId();
            RequestType type = req.getRequestType();
            // the stack trace, not the messages: they may quote the request (LogSafe)
            log.error("unexpected failure {} handling a {} request", id, type == null ? "unknown" : type.name(), LogSafe.withoutMessages(e));
            Response ok = Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8).build();
            if (type == RequestType.Command) {
                JsonObject body = new JsonObject();
                body.addProperty("response_type", "ephemeral");
                body.addProperty("text", Failures.apology(id));
                ok.setBody(body.toString());
            } else {
                ok.setBody("");
            }
            return ok;
        }
    }
}
