package dev.nrrbot.hostile;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slowloris on the body: {@code count} connections that send their headers (with a fresh timestamp
 * and a signature that is not one) at once, then their body one byte every {@code interval}. A
 * connection the server answers or closes is opened again, so the attack keeps its size. One thread
 * drives them all, and it stops when closed.
 */
final class SlowBodies implements AutoCloseable {

    /** Long enough that no body ends while a test runs: at one byte every 2 s, about half an hour. */
    static final int BODY_BYTES = 1_000;

    private final int port;
    private final long intervalNanos;
    private final Slot[] slots;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slow-bodies");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger reopened = new AtomicInteger();

    private static final class Slot {
        Socket socket;
        volatile int sent;
        long nextByteAt;
    }

    private SlowBodies(int port, int count, Duration interval) {
        this.port = port;
        this.intervalNanos = interval.toNanos();
        this.slots = new Slot[count];
    }

    static SlowBodies open(int port, int count, Duration interval) throws IOException {
        SlowBodies b = new SlowBodies(port, count, interval);
        for (int i = 0; i < count; i++) {
            b.slots[i] = new Slot();
            b.connect(b.slots[i]);
        }
        b.ticker.scheduleWithFixedDelay(b::tick, 50, 50, TimeUnit.MILLISECONDS);
        return b;
    }

    private void connect(Slot s) throws IOException {
        s.socket = RawHttp.connect(port, Duration.ofSeconds(1));
        RawHttp.send(s.socket, RawHttp.unsignedHead(BODY_BYTES) + "p");
        s.sent = 1;
        s.nextByteAt = System.nanoTime() + intervalNanos;
    }

    private void tick() {
        long now = System.nanoTime();
        for (Slot s : slots) {
            try {
                if (s.socket.getInputStream().available() > 0) {
                    answered.incrementAndGet();
                    reopen(s);
                } else if (now >= s.nextByteAt && s.sent < BODY_BYTES) {
                    s.socket.getOutputStream().write('a');
                    s.socket.getOutputStream().flush();
                    s.sent++;
                    s.nextByteAt = now + intervalNanos;
                }
            } catch (IOException e) {
                try {
                    reopen(s);
                } catch (IOException again) {
                    // the server refuses connections: try this slot again next tick
                }
            }
        }
    }

    private void reopen(Slot s) throws IOException {
        try {
            s.socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        reopened.incrementAndGet();
        connect(s);
    }

    /** Waits until every connection has sent at least {@code bytes} of its body: all of them are mid-body. */
    boolean awaitEachSent(int bytes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (Slot s : slots) {
                all &= s.sent >= bytes;
            }
            if (all) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Connections the server answered (a 408, say) before their body ended. */
    int answered() {
        return answered.get();
    }

    int reopened() {
        return reopened.get();
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        for (Slot s : slots) {
            try {
                if (s != null && s.socket != null) {
                    s.socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
