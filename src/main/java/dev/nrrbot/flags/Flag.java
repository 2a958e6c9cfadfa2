package dev.nrrbot.flags;

import dev.nrrbot.metrics.BusinessFunction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * An account someone flagged as at risk, routed to the owner of the function that holds the fix.
 * {@code version} increases with every change, so a button carries the version it was drawn for and
 * a double click or a retried click changes nothing the second time.
 *
 * <p>A flag changes only through its withers ({@link #withState}, {@link #withSnoozedUntil},
 * {@link #withOutcome}, {@link #withAssignee}, {@link #nudgedAt}, {@link #withEscalatedAt},
 * {@link #reopenedAt}): each is one change, so each moves the version on by one and sets
 * {@code updatedAt}. Which change applies in which state is {@link FlagRules}' business.
 */
public record Flag(long id, String accountId, BusinessFunction function, String reasonCode, String note, long arrCents,
                   LocalDate renewalDate, State state, Instant snoozedUntil, Outcome outcome, String outcomeNote,
                   String assignee, String flaggedBy, Instant createdAt, Instant updatedAt, int nudges,
                   Instant lastNudgedAt, Instant escalatedAt, int version) {

    /** Who raised a flag the bot raised itself from the health score (flagged_by holds it; it is nobody's user id). */
    public static final String AUTOMATIC = "the health score";

    /** Whether the bot raised it from the health score rather than a person. */
    public boolean isAutomatic() {
        return AUTOMATIC.equals(flaggedBy);
    }

    public enum State {
        OPEN, ACKNOWLEDGED, SNOOZED, RESOLVED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public enum Outcome {
        SAVED, LOST, OTHER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Outcome> parse(String code) {
            for (Outcome o : values()) {
                if (o.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A flag not saved yet (id 0, version 0), open since {@code now}. With an assignee, the DM that
     * goes out with it is nudge 1.
     */
    public static Flag draft(String accountId, BusinessFunction function, String reasonCode, String note, long arrCents,
                             LocalDate renewalDate, String assignee, String flaggedBy, Instant now) {
        boolean sent = assignee != null;
        return new Flag(0, accountId, function, reasonCode, note, arrCents, renewalDate, State.OPEN,
                /* snoozedUntil */ null, /* outcome */ null, /* outcomeNote */ null, assignee, flaggedBy, now, now,
                sent ? 1 : 0, sent ? now : null, /* escalatedAt */ null, 0);
    }

    /** Acknowledged or open again: any snooze is over. Snoozing and resolving have withers of their own. */
    public Flag withState(State newState, Instant now) {
        if (newState == State.SNOOZED || newState == State.RESOLVED) {
            throw new IllegalArgumentException("use withSnoozedUntil or withOutcome for " + newState.code());
        }
        return new Flag(id, accountId, function, reasonCode, note, arrCents, renewalDate, newState, null, outcome,
                outcomeNote, assignee, flaggedBy, createdAt, now, nudges, lastNudgedAt, escalatedAt, version + 1);
    }

    /** Snoozed until {@code until}. */
    public Flag withSnoozedUntil(Instant until, Instant now) {
        return new Flag(id, accountId, function, reasonCode, note, arrCents, renewalDate, State.SNOOZED, until, outcome,
                outcomeNote, assignee, flaggedBy, createdAt, now, nudges, lastNudgedAt, escalatedAt, version + 1);
    }

    /** Resolved with {@code newOutcome} and an optional note. */
    public Flag withOutcome(Outcome newOutcome, String newOutcomeNote, Instant now) {
        return new Flag(id, accountId, function, reasonCode, note, arrCents, renewalDate, State.RESOLVED, null, newOutcome,
                newOutcomeNote, assignee, flaggedBy, createdAt, now, nudges, lastNudgedAt, escalatedAt, version + 1);
    }

    /**
     * With a new assignee, who gets it as a fresh flag: an acknowledgement was the previous owner's,
     * so it is open again (a snooze stays), their DM is nudge 1 and it was not escalated.
     */
    public Flag withAssignee(String newAssignee, Instant now) {
        State next = state == State.ACKNOWLEDGED ? State.OPEN : state;
        return new Flag(id, accountId, function, reasonCode, note, arrCents, renewalDate, next, snoozedUntil, outcome,
                outcomeNote, newAssignee, flaggedBy, createdAt, now, 1, now, null, version + 1);
    }

    /** One more reminder went out at {@code now}. */
    public Flag nudgedAt(Instant now) {
        return new Flag(id, accountId, function, reasonCode, note, arrCents, renewalDate, state, snoozedUntil, outcome,
                outcomeNote, assignee, flaggedBy, createdAt, now, nudges + 1, now, escalatedAt, version + 1);
    }

    /** Went to the escalation contact at {@code now}. */
    public Flag withEscalatedAt(Instant now) {
        return new Flag(id, accountId, function, reasonCode, note, arrCents, renewalDate, state, snoozedUntil, outcome,
                outcomeNote, assignee, flaggedBy, createdAt, now, nudges, lastNudgedAt, now, version + 1);
    }

    /** Back from a snooze: open again, and the DM that says so is nudge 1 of a new round. */
    public Flag reopenedAt(Instant now) {
        return new Flag(id, accountId, function, reasonCode, note, arrCents, renewalDate, State.OPEN, null, outcome,
                outcomeNote, assignee, flaggedBy, createdAt, now, 1, now, null, version + 1);
    }

    /** Days until the renewal date, or null when none is known; negative once it has passed. */
    public Long daysToRenewal(Instant now, ZoneId zone) {
        return renewalDate == null ? null : ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), renewalDate);
    }

    /** Whole days since it was flagged. */
    public long ageDays(Instant now) {
        return Duration.between(createdAt, now).toDays();
    }

    public boolean isActive() {
        return state != State.RESOLVED;
    }

    /** The button value: which flag, at which version. */
    public String token() {
        return FlagToken.of(this).toString();
    }
}
