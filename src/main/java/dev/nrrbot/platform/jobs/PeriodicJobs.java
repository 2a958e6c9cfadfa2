package dev.nrrbot.platform.jobs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the bot's periodic jobs (follow-ups, reason capture, scheduled readouts) every {@code period};
 * each job returns how many messages it queued, and any queued message kicks the outbox.
 */
public final class PeriodicJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJobs.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nrr-jobs");
        t.setDaemon(true);
        return t;
    });

    public PeriodicJobs(List<IntSupplier> jobs, Runnable afterRound, Duration period) {
        timer.scheduleWithFixedDelay(() -> {
            int queued = 0;
            for (IntSupplier job : jobs) {
                try {
                    queued += job.getAsInt();
                } catch (RuntimeException e) {
                    log.warn("a periodic job failed; it runs again next round", e);
                }
            }
            if (queued > 0) {
                afterRound.run();
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
