package dev.nrrbot.flags;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs follow-ups, the digest and reason capture every {@code period}. */
public final class FlagScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FlagScheduler.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nrr-follow-ups");
        t.setDaemon(true);
        return t;
    });

    public FlagScheduler(FlagService flags, Runnable afterRound, Duration period) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                int queued = flags.runFollowUps() + flags.runReasonCapture();
                if (queued > 0) {
                    afterRound.run();
                }
            } catch (RuntimeException e) {
                log.warn("follow-up round failed: {}", e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
