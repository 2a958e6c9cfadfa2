package dev.nrrbot.outbox.slack;


import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers the outbox every {@code period}, and at once after a change queues something ({@link #kick()}). */
public final class OutboxPump implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxPump.class);

    private final OutboxDelivery delivery;
    /** Set by {@link #close()}: the round in progress stops after the message it is sending. */
    private volatile boolean closing;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nrr-outbox");
        t.setDaemon(true);
        return t;
    });

    public OutboxPump(OutboxDelivery delivery, Duration period) {
        this.delivery = delivery;
        timer.scheduleWithFixedDelay(this::runSafely, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void kick() {
        timer.execute(this::runSafely);
    }

    private void runSafely() {
        try {
            while (!closing && delivery.deliverDue(() -> !closing) > 0) {
                // keep going while there is more to send
            }
        } catch (RuntimeException e) {
            log.warn("outbox delivery round failed", e);
        }
    }

    /**
     * Waits for the rounds queued so far (a kick's, the timer's) to finish; false if they take longer
     * than {@code timeout}. The timer runs one round at a time, so a no-op queued now runs after them.
     */
    public boolean awaitRound(java.time.Duration timeout) throws InterruptedException {
        try {
            timer.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.RejectedExecutionException e) {
            return true; // closed: nothing runs any more
        }
    }

    public OutboxDelivery delivery() {
        return delivery;
    }

    /**
     * Stops taking new rounds and lets the message being sent finish (its outcome recorded), then
     * stops: what is left stays queued for the next start or another instance.
     */
    @Override
    public void close() {
        closing = true;
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
