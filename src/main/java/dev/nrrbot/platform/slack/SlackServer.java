package dev.nrrbot.platform.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.servlet.SlackAppServlet;
import com.slack.api.bolt.servlet.WebEndpointServlet;
import dev.nrrbot.platform.Failures;
import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Bolt app on Jetty, as bolt-jetty's {@code SlackAppServer} does, with one difference: Bolt
 * reads the body before any middleware runs, so a body it cannot read (a {@code payload} that is not
 * a JSON object, a button press without a user) throws out of the servlet, where {@link ErrorBoundary}
 * cannot catch it, and Jetty would answer 500. Here it is 400 and one log line; anything else
 * unforeseen is 503 (Slack retries) with an id and the stack trace in the log. (SlackAppServer's own
 * {@code setErrorHandler} takes effect only before its constructor has run, that is never.)
 */
public final class SlackServer implements AutoCloseable {

    public static final String EVENTS_PATH = "/slack/events";
    /** Slack's largest payloads (a modal's state) are a few kilobytes; anything past this is refused unread. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(SlackServer.class);

    private final App app;
    private final Server server;
    private final int port;

    private SlackServer(App app, Server server, int port) {
        this.app = app;
        this.server = server;
        this.port = port;
    }

    /** Starts the app and the server; returns once the port answers, or throws what went wrong. */
    public static SlackServer start(App app, int port) {
        Server server = new Server(port);
        for (var connector : server.getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.ServerConnector c) {
                c.setIdleTimeout(10_000);
            }
        }
        ServletContextHandler handler = new ServletContextHandler();
        app.config().setAppPath(EVENTS_PATH);
        handler.addServlet(new ServletHolder(new GuardedServlet(app)), EVENTS_PATH);
        if (app.getWebEndpointHandlers() != null) {
            app.getWebEndpointHandlers().forEach((endpoint, endpointHandler) -> handler.addServlet(
                    new ServletHolder(new WebEndpointServlet(endpoint, endpointHandler, app.config())), endpoint.getPath()));
        }
        server.setHandler(handler);
        try {
            app.start();
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // it did not start: nothing to stop
            }
            throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        return new SlackServer(app, server, port);
    }

    public int port() {
        return port;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            app.stop();
            server.stop();
        } catch (Exception e) {
            log.warn("stopping the Slack server", e);
        }
    }

    /** Bolt's servlet, with what escapes it turned into an answer without a stack trace. */
    static final class GuardedServlet extends SlackAppServlet {

        GuardedServlet(App app) {
            super(app);
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            byte[] body = BoundedBody.read(req, MAX_BODY_BYTES);
            if (body == null) {
                log.warn("refused a request body over {} bytes", MAX_BODY_BYTES);
                resp.setStatus(413);
                resp.setContentType("application/json");
                resp.getWriter().write("{\"error\":\"request too large\"}");
                return;
            }
            try {
                super.doPost(new BoundedBody(req, body), resp);
            } catch (IOException e) {
                throw e; // the connection: nothing to answer on
            } catch (RuntimeException | StackOverflowError e) {
                if (resp.isCommitted()) {
                    log.error("failure after the answer was sent", e);
                    return;
                }
                resp.reset();
                resp.setContentType("application/json");
                if (thrownWhileReading(e)) {
                    log.warn("refused a request the Slack SDK could not read ({})", e.getClass().getSimpleName());
                    resp.setStatus(400);
                    resp.getWriter().write("{\"error\":\"malformed request\"}");
                } else {
                    String id = Failures.newId();
                    log.error("unexpected failure {} serving a Slack request", id, e);
                    resp.setStatus(503);
                    resp.getWriter().write("{\"error\":\"temporarily unavailable\",\"id\":\"" + id + "\"}");
                }
            }
        }

        /** Whether Bolt failed while turning the HTTP body into a request, before the app saw it. */
        static boolean thrownWhileReading(Throwable e) {
            for (StackTraceElement s : e.getStackTrace()) {
                if (s.getClassName().equals("com.slack.api.bolt.util.SlackRequestParser")
                        || s.getMethodName().equals("buildSlackRequest")) {
                    return true;
                }
            }
            return false;
        }
    }
}
