package dev.nrrbot.platform.slack;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of all request bodies being read at once, bounded: each body is at most 1 MiB, but a
 * thousand connections each holding one nearly whole would still fill the heap, so past the budget
 * a body is refused (503) instead of buffered.
 */
final class BodyBudget {

    private final long max;
    private final AtomicLong used = new AtomicLong();

    BodyBudget(long max) {
        this.max = max;
    }

    boolean take(long bytes) {
        if (used.addAndGet(bytes) > max) {
            used.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    void give(long bytes) {
        used.addAndGet(-bytes);
    }
}
