package dev.nrrbot.platform.slack;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each kind of {@link Refusal} (for {@code /metrics}) and logs it in one short line at most
 * once a minute per kind, with how many there were: a flood of bad requests cannot grow the log,
 * and the log never holds anything the request said.
 */
final class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);
    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Map<Refusal, AtomicLong> total = new EnumMap<>(Refusal.class);
    private final Map<Refusal, AtomicLong> unlogged = new EnumMap<>(Refusal.class);
    private final Map<Refusal, AtomicLong> lastLine = new EnumMap<>(Refusal.class);

    Refusals() {
        for (Refusal r : Refusal.values()) {
            total.put(r, new AtomicLong());
            unlogged.put(r, new AtomicLong());
            lastLine.put(r, new AtomicLong(System.nanoTime() - QUIET_NANOS));
        }
    }

    void count(Refusal r) {
        total.get(r).incrementAndGet();
        unlogged.get(r).incrementAndGet();
        AtomicLong last = lastLine.get(r);
        long before = last.get();
        long now = System.nanoTime();
        if (now - before >= QUIET_NANOS && last.compareAndSet(before, now)) {
            long n = unlogged.get(r).getAndSet(0);
            log.warn("refused {} request{} with HTTP {}: {} (at most one such line a minute)", n, n == 1 ? "" : "s", r.status, r.words);
        }
    }

    long total(Refusal r) {
        return total.get(r).get();
    }
}
