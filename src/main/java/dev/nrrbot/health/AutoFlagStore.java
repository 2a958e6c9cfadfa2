package dev.nrrbot.health;

import dev.nrrbot.metrics.BusinessFunction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The automatic flags' own state beside the flag itself (migrations/V15__health.sql). */
public interface AutoFlagStore {

    /** An open automatic flag: which parts raised it, and whether its signals have recovered since when. */
    record Open(long id, Long flagId, String accountId, BusinessFunction function, Set<HealthComponent> components,
                String evidence, LocalDate recoveredSince, Instant resolveOfferedAt) {
    }

    List<Open> open();

    /** Claims account and function for a new flag; empty when another instance (or an earlier round) holds it. */
    Optional<Long> claim(String accountId, BusinessFunction function, Set<HealthComponent> components, String evidence, Instant now);

    void attach(long id, long flagId);

    /** Gives a claim up: the flag could not be raised. */
    void release(long id);

    /** The parts and the evidence now, after a new signal added to the flag. */
    void update(long id, Set<HealthComponent> components, String evidence);

    /** Since when the signals are back above their thresholds; null when they fell again. */
    void recoveredSince(long id, LocalDate since);

    void resolveOffered(long id, Instant at);

    /** The flag was resolved: the account and function may be flagged again. */
    void closed(long id);

    /** Drops claims older than {@code before} that never got their flag (a crash between the two steps). */
    void dropStaleClaims(Instant before);
}
