package dev.nrrbot.platform.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.servlet.WebEndpointServlet;
import dev.nrrbot.platform.ops.Metrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Bolt app on Jetty, assembled here rather than by bolt-jetty's {@code SlackAppServer} so
 * that anyone who can reach the port, signature or not, cannot stop the answers to Slack:
 * <ul>
 * <li>Jetty's threads only move bytes: bodies are read without blocking ({@link AsyncBody}), so slow
 * bodies hold no thread, and each has a deadline; Bolt runs on its own workers ({@link SlackWork})
 * behind a bounded queue, 503 when full. Jetty's own job queue is bounded too.</li>
 * <li>The signature is checked before the body is read where the headers allow, and otherwise the
 * moment the body is in ({@link RequestSignature}); only signed requests reach a worker or Bolt.</li>
 * <li>The listening socket has an accept queue large enough for a burst, and the port opens last,
 * once the workers, Bolt and the servlet are ready, so the first requests are answered, not reset.</li>
 * </ul>
 * See {@link SlackEventsServlet} for the order of the checks and what each answers.
 */
public final class SlackServer implements AutoCloseable {

    public static final String EVENTS_PATH = "/slack/events";
    /** Slack's largest payloads (a modal's state) are a few kilobytes; anything past this is refused unread. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /**
     * Connections the kernel holds before Jetty accepts them: Java's default of 50 overflowed in a
     * burst of 200 (the overflow is dropped and retried a second later, or reset where the kernel is
     * set to abort). Linux caps it at net.core.somaxconn (4096 on current kernels, 128 on old ones).
     */
    static final int ACCEPT_QUEUE = 1024;
    /** A connection silent this long is closed (a body also has its own, shorter, deadline). */
    static final int IDLE_TIMEOUT_MS = 10_000;
    /** Jetty's threads read, write and answer /health: never blocked on a body or on Bolt. */
    static final int IO_THREADS = 200;
    /** Jetty's jobs waiting for one of its threads; past this Jetty closes the connection (a last resort). */
    static final int IO_QUEUE = 4096;
    private static final Logger log = LoggerFactory.getLogger(SlackServer.class);

    /**
     * How much the server takes on at once.
     *
     * @param workers             threads running Bolt; more than the database pool would only wait for it
     * @param queue               signed requests waiting for a worker; past it, 503
     * @param bodyDeadline        a whole body must arrive within this of its headers, or 408
     * @param maxQueueWait        a request that waited longer is answered 503: Slack has given up on it
     * @param bodiesInFlightBytes the bytes of all bodies being read at once; past it, 503
     */
    public record Limits(int workers, int queue, Duration bodyDeadline, Duration maxQueueWait, long bodiesInFlightBytes) {
        /** Slack sends a few KB at once and waits 3 s for the answer. */
        public static final Limits DEFAULT = new Limits(16, 256, Duration.ofSeconds(5), Duration.ofMillis(2_500), 64L << 20);
    }

    private final App app;
    private final Server server;
    private final SlackWork work;
    private final int port;

    private SlackServer(App app, Server server, SlackWork work, int port) {
        this.app = app;
        this.server = server;
        this.work = work;
        this.port = port;
    }

    /** As {@link #start(App, int, Metrics)}, its figures in a registry of its own (tests that need no /metrics). */
    public static SlackServer start(App app, int port) {
        return start(app, port, new Metrics(), Limits.DEFAULT);
    }

    /** Starts the app and the server, its figures in {@code metrics}; returns once the port answers, or throws what went wrong. */
    public static SlackServer start(App app, int port, Metrics metrics) {
        return start(app, port, metrics, Limits.DEFAULT);
    }

    public static SlackServer start(App app, int port, Metrics metrics, Limits limits) {
        QueuedThreadPool threads = new QueuedThreadPool(IO_THREADS, 8, 60_000, new BlockingArrayQueue<>(64, 64, IO_QUEUE));
        threads.setName("nrr-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        // Jetty would wait for the first byte of a body before calling the servlet; the servlet reads
        // bodies without blocking anyway, and seeing the headers at once lets it refuse unread.
        http.setDelayDispatchUntilContent(false);
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        server.addConnector(connector);

        SlackWork work = new SlackWork(limits.workers(), limits.queue());
        Refusals refusals = new Refusals();
        ServletContextHandler handler = new ServletContextHandler();
        app.config().setAppPath(EVENTS_PATH);
        ServletHolder events = new ServletHolder(new SlackEventsServlet(app, work, refusals, connector.getScheduler(), limits));
        events.setAsyncSupported(true);
        handler.addServlet(events, EVENTS_PATH);
        if (app.getWebEndpointHandlers() != null) {
            app.getWebEndpointHandlers().forEach((endpoint, endpointHandler) -> handler.addServlet(
                    new ServletHolder(new WebEndpointServlet(endpoint, endpointHandler, app.config())), endpoint.getPath()));
        }
        server.setHandler(handler);
        publish(metrics, work, refusals);
        try {
            // Bolt first (its auth.test), then Jetty, which starts its connector after the handlers: the
            // port is bound only when every request on it can be served.
            app.start();
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // it did not start: nothing to stop
            }
            work.close();
            throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        return new SlackServer(app, server, work, port);
    }

    private static void publish(Metrics metrics, SlackWork work, Refusals refusals) {
        metrics.gauge("nrr_http_workers_busy", "Workers running a Slack request now", work::busy);
        metrics.gauge("nrr_http_queue_depth", "Signed Slack requests waiting for a worker", work::queued);
        Map<String, DoubleSupplier> byReason = new LinkedHashMap<>();
        for (Refusal r : Refusal.values()) {
            byReason.put(r.name().toLowerCase(Locale.ROOT), () -> refusals.total(r));
        }
        metrics.counter("nrr_refused_requests", "Requests answered before Bolt saw them (too large, too slow, unsigned, busy)",
                "reason", byReason);
    }

    public int port() {
        return port;
    }

    /** Workers running a request now, and requests waiting for one. */
    public int busyWorkers() {
        return work.busy();
    }

    public int queuedRequests() {
        return work.queued();
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
        work.close();
    }
}
