package dev.nrrbot.platform.slack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body with no thread waiting on the network: Jetty calls back as bytes arrive
 * (Servlet 3.1 non-blocking input), so connections that trickle a byte every two seconds hold no
 * thread at all. The whole body must be in within a deadline counted from its headers, or it is
 * answered 408: a deadline on the whole body rather than a minimum data rate, which Jetty measures
 * from the first byte and so cut a 4-byte body that was merely read a few milliseconds late. A
 * body may be at most {@code limit} bytes (413), and all bodies being read share a {@link BodyBudget}.
 * Exactly one outcome is reported, whichever comes first.
 */
final class AsyncBody implements ReadListener {

    /** What became of the body. */
    interface Outcome {
        /** The whole body arrived (on a Jetty thread). */
        void read(byte[] body);

        /** Too slow, too large, or too many at once (on any thread): answer and complete. */
        void refused(Refusal why);

        /** The connection failed or idled out: there is nobody to answer. */
        void broken();
    }

    private final ServletInputStream in;
    private final int limit;
    private final BodyBudget budget;
    private final Outcome outcome;
    private final ByteArrayOutputStream body;
    private final byte[] buffer = new byte[8192];
    private final AtomicBoolean settled = new AtomicBoolean();
    private final AtomicLong taken = new AtomicLong();
    private volatile Scheduler.Task deadline;

    private AsyncBody(ServletInputStream in, long contentLength, int limit, BodyBudget budget, Outcome outcome) {
        this.in = in;
        this.limit = limit;
        this.budget = budget;
        this.outcome = outcome;
        this.body = new ByteArrayOutputStream(contentLength > 0 ? (int) Math.min(contentLength, limit) : 1024);
    }

    /** Starts reading; the request must already be in async mode. */
    static void read(ServletInputStream in, long contentLength, int limit, BodyBudget budget, Duration within,
                     Scheduler scheduler, Outcome outcome) {
        AsyncBody b = new AsyncBody(in, contentLength, limit, budget, outcome);
        b.deadline = scheduler.schedule(() -> b.refuse(Refusal.TOO_SLOW), within.toMillis(), TimeUnit.MILLISECONDS);
        in.setReadListener(b);
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!settled.get() && in.isReady()) {
            int n = in.read(buffer);
            if (n < 0) {
                return; // onAllDataRead follows
            }
            if (body.size() + n > limit) {
                refuse(Refusal.TOO_LARGE);
                return;
            }
            if (!budget.take(n)) {
                refuse(Refusal.TOO_MANY_BODIES);
                return;
            }
            taken.addAndGet(n);
            if (settled.get()) {
                budget.give(taken.getAndSet(0)); // refused meanwhile, by the deadline
                return;
            }
            body.write(buffer, 0, n);
        }
    }

    @Override
    public void onAllDataRead() {
        if (settle()) {
            outcome.read(body.toByteArray());
        }
    }

    @Override
    public void onError(Throwable t) {
        if (settle()) {
            outcome.broken();
        }
    }

    private void refuse(Refusal why) {
        if (settle()) {
            outcome.refused(why);
        }
    }

    /** True for the first outcome only; it stops the clock and gives back the budget. */
    private boolean settle() {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        Scheduler.Task t = deadline;
        if (t != null) {
            t.cancel();
        }
        budget.give(taken.getAndSet(0));
        return true;
    }
}
