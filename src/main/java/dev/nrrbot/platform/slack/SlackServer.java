package dev.nrrbot.platform.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jetty.SlackAppServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the Bolt app on bolt-jetty. {@link SlackAppServer#start()} blocks (it joins Jetty), so it runs
 * on its own thread; {@link #start} returns once the port answers, or throws what went wrong.
 */
public final class SlackServer implements AutoCloseable {

    public static final String EVENTS_PATH = "/slack/events";

    private final SlackAppServer server;
    private final Thread thread;
    private final int port;

    private SlackServer(SlackAppServer server, Thread thread, int port) {
        this.server = server;
        this.thread = thread;
        this.port = port;
    }

    public static SlackServer start(App app, int port) {
        SlackAppServer server = new SlackAppServer(app, EVENTS_PATH, port);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                server.start();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "nrr-slack-server");
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (failure.get() != null) {
                Throwable e = failure.get();
                throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
            }
            if (listening(port)) {
                return new SlackServer(server, thread, port);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the server did not start listening on port " + port + " within 20 seconds");
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping: nothing more to do
        }
    }
}
