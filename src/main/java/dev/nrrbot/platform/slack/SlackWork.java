package dev.nrrbot.platform.slack;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run Bolt (the listeners, the database, writing the answer), apart from Jetty's,
 * which only move bytes and so are never all blocked. A request that has arrived whole and signed
 * waits here in a bounded queue; when the queue is full it is answered 503 at once rather than held
 * in memory without end or dropped with a reset.
 */
final class SlackWork implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    /**
     * Requests admitted (running or waiting): the bound is here rather than in the executor's queue,
     * which refuses a job whenever it is full at that instant, even with idle workers about to empty it.
     */
    private final Semaphore admitted;

    SlackWork(int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        admitted = new Semaphore(threads + queue);
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "nrr-slack-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.prestartAllCoreThreads(); // the first burst after start finds its threads waiting
    }

    /** Queues {@code job}; false when {@code threads + queue} requests are already in (or the server is stopping). */
    boolean offer(Runnable job) {
        if (!admitted.tryAcquire()) {
            return false;
        }
        try {
            pool.execute(() -> {
                try {
                    job.run();
                } finally {
                    admitted.release();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            admitted.release();
            return false;
        }
    }

    int busy() {
        return pool.getActiveCount();
    }

    int queued() {
        return pool.getQueue().size();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
