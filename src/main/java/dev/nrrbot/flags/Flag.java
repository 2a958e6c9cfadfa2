package dev.nrrbot.flags;

import dev.nrrbot.metrics.BusinessFunction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * An account someone flagged as at risk, routed to the owner of the function that holds the fix.
 * {@code version} increases with every change, so a button carries the version it was drawn for and
 * a double click or a retried click changes nothing the second time.
 */
public record Flag(long id, String accountId, BusinessFunction function, String reasonCode, String note, long arrCents,
                   LocalDate renewalDate, State state, Instant snoozedUntil, Outcome outcome, String outcomeNote,
                   String assignee, String flaggedBy, Instant createdAt, Instant updatedAt, int nudges,
                   Instant lastNudgedAt, Instant escalatedAt, int version) {

    public enum State {
        OPEN, ACKNOWLEDGED, SNOOZED, RESOLVED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static State of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public enum Outcome {
        SAVED, LOST, OTHER;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Outcome> parse(String code) {
            for (Outcome o : values()) {
                if (o.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                    return java.util.Optional.of(o);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** Days until the renewal date, or null when none is known; negative once it has passed. */
    public Long daysToRenewal(Instant now, ZoneId zone) {
        return renewalDate == null ? null : ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), renewalDate);
    }

    /** Whole days since it was flagged. */
    public long ageDays(Instant now) {
        return java.time.Duration.between(createdAt, now).toDays();
    }

    /** The same flag after a change: the version moves on and {@code updatedAt} becomes {@code now}. */
    Flag changed(State newState, Instant newSnoozedUntil, Outcome newOutcome, String newOutcomeNote, String newAssignee,
                 int newNudges, Instant newLastNudgedAt, Instant newEscalatedAt, Instant now) {
        return new Flag(id, accountId, function, reasonCode, note, arrCents, renewalDate, newState, newSnoozedUntil,
                newOutcome, newOutcomeNote, newAssignee, flaggedBy, createdAt, now, newNudges, newLastNudgedAt,
                newEscalatedAt, version + 1);
    }

    public boolean isActive() {
        return state != State.RESOLVED;
    }

    /** The button value: which flag, at which version. */
    public String token() {
        return id + ":" + version;
    }
}
