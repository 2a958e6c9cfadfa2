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

    /**
     * Whether {@code action} applies to a flag in {@code state}: acknowledging only what is open or
     * snoozed; snoozing, resolving and reassigning anything not resolved; the bot's reminders and
     * escalations only what is open; a snooze ends only on a snoozed flag. A flag is flagged once.
     */
    public static boolean accepts(FlagAction action, Flag.State state) {
        return switch (action) {
            case FLAG -> false;
            case ACKNOWLEDGE -> state == Flag.State.OPEN || state == Flag.State.SNOOZED;
            case SNOOZE, RESOLVE, REASSIGN -> state != Flag.State.RESOLVED;
            case NUDGE, ESCALATE -> state == Flag.State.OPEN;
            case SNOOZE_END -> state == Flag.State.SNOOZED;
        };
    }

    public static Optional<Flag> acknowledge(Flag f, Instant now) {
        return accepts(FlagAction.ACKNOWLEDGE, f.state()) ? Optional.of(f.withState(Flag.State.ACKNOWLEDGED, now)) : Optional.empty();
    }

    public static Optional<Flag> snooze(Flag f, Cadence c, Instant now) {
        return accepts(FlagAction.SNOOZE, f.state())
                ? Optional.of(f.withSnoozedUntil(now.plus(Duration.ofDays(c.snoozeDays())), now)) : Optional.empty();
    }

    public static Optional<Flag> resolve(Flag f, Flag.Outcome outcome, String note, Instant now) {
        return accepts(FlagAction.RESOLVE, f.state()) ? Optional.of(f.withOutcome(outcome, note, now)) : Optional.empty();
    }

    /** A new owner gets it as a fresh flag: their DM is nudge 1. Handing it to whoever has it is no change. */
    public static Optional<Flag> reassign(Flag f, String user, Instant now) {
        if (!accepts(FlagAction.REASSIGN, f.state()) || user == null || user.equals(f.assignee())) {
            return Optional.empty();
        }
        return Optional.of(f.withAssignee(user, now));
    }

    /** Another reminder to the assignee. */
    public static Optional<Flag> nudge(Flag f, Instant now) {
        return accepts(FlagAction.NUDGE, f.state()) ? Optional.of(f.nudgedAt(now)) : Optional.empty();
    }

    /** To the escalation contact, once. */
    public static Optional<Flag> escalate(Flag f, Instant now) {
        return accepts(FlagAction.ESCALATE, f.state()) && f.escalatedAt() == null ? Optional.of(f.withEscalatedAt(now)) : Optional.empty();
    }

    /** Back from a snooze: open again, and the DM that says so is nudge 1 of a new round. */
    public static Optional<Flag> endSnooze(Flag f, Instant now) {
        return accepts(FlagAction.SNOOZE_END, f.state()) ? Optional.of(f.reopenedAt(now)) : Optional.empty();
    }
}
