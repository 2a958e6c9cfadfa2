package dev.nrrbot.platform.jobs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An executor that knows whether it is busy: the work that continues after an ack (late answers,
 * shares, the Home tab). {@link #awaitIdle} lets a test, or a shutdown, wait for it to finish
 * instead of sleeping and hoping.
 */
public final class TrackedExecutor extends AbstractExecutorService {

    private final ExecutorService delegate;
    private final AtomicInteger busy = new AtomicInteger();

    public TrackedExecutor(ExecutorService delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        busy.incrementAndGet();
        try {
            delegate.execute(() -> {
                try {
                    task.run();
                } finally {
                    synchronized (busy) {
                        busy.decrementAndGet();
                        busy.notifyAll();
                    }
                }
            });
        } catch (RuntimeException e) {
            busy.decrementAndGet();
            throw e;
        }
    }

    /** Tasks submitted and not finished. */
    public int busy() {
        return busy.get();
    }

    /** Waits until no task is queued or running; false if that took longer than {@code timeout}. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (busy) {
            while (busy.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(busy, left);
            }
        }
        return true;
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
    }
}
