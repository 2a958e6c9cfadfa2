package dev.nrrbot.outbox;

import dev.nrrbot.outbox.slack.OutboxDelivery;

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
            while (delivery.deliverDue() > 0) {
                // keep going while there is more to send
            }
        } catch (RuntimeException e) {
            log.warn("outbox delivery round failed: {}", e.toString());
        }
    }

    public OutboxDelivery delivery() {
        return delivery;
    }

    /** Stops taking new rounds and lets the current one finish. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
