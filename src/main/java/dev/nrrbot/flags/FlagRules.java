package dev.nrrbot.flags;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What each action does to a flag. Pure: returns the changed flag, or empty when the action does
 * not apply in the flag's state (acknowledging a resolved flag, say), which callers show as "no
 * change" rather than an error.
 */
public final class FlagRules {

    private FlagRules() {
    }

    public static Optional<Flag> acknowledge(Flag f, Instant now) {
        if (f.state() != Flag.State.OPEN && f.state() != Flag.State.SNOOZED) {
            return Optional.empty();
        }
        return Optional.of(f.changed(Flag.State.ACKNOWLEDGED, null, null, null, f.assignee(), f.nudges(), f.lastNudgedAt(),
                f.escalatedAt(), now));
    }

    public static Optional<Flag> snooze(Flag f, Cadence c, Instant now) {
        if (!f.isActive()) {
            return Optional.empty();
        }
        return Optional.of(f.changed(Flag.State.SNOOZED, now.plus(Duration.ofDays(c.snoozeDays())), null, null, f.assignee(),
                f.nudges(), f.lastNudgedAt(), f.escalatedAt(), now));
    }

    public static Optional<Flag> resolve(Flag f, Flag.Outcome outcome, String note, Instant now) {
        if (!f.isActive()) {
            return Optional.empty();
        }
        return Optional.of(f.changed(Flag.State.RESOLVED, null, outcome, note, f.assignee(), f.nudges(), f.lastNudgedAt(),
                f.escalatedAt(), now));
    }

    /** A new owner gets it as a fresh flag: their DM is nudge 1. */
    public static Optional<Flag> reassign(Flag f, String user, Instant now) {
        if (!f.isActive() || user == null || user.equals(f.assignee())) {
            return Optional.empty();
        }
        return Optional.of(f.changed(f.state() == Flag.State.ACKNOWLEDGED ? Flag.State.OPEN : f.state(), f.snoozedUntil(),
                null, null, user, 1, now, null, now));
    }

    public static Flag nudged(Flag f, Instant now) {
        return f.changed(f.state(), f.snoozedUntil(), null, null, f.assignee(), f.nudges() + 1, now, f.escalatedAt(), now);
    }

    public static Flag escalated(Flag f, Instant now) {
        return f.changed(f.state(), f.snoozedUntil(), null, null, f.assignee(), f.nudges(), f.lastNudgedAt(), now, now);
    }

    /** Back from a snooze: open again, and the DM that says so is nudge 1 of a new round. */
    public static Flag snoozeEnded(Flag f, Instant now) {
        return f.changed(Flag.State.OPEN, null, null, null, f.assignee(), 1, now, null, now);
    }
}
