package dev.nrrbot.flags;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A change someone asks for on a flag: acknowledge, snooze, resolve (with an outcome and a note) or
 * reassign (to a person). Pure: what it does is {@link FlagRules}'; what the history says of it is
 * {@link #detail}.
 */
public record FlagChange(FlagAction action, Flag.Outcome outcome, String note, String assignee) {

    public FlagChange {
        if (action != FlagAction.ACKNOWLEDGE && action != FlagAction.SNOOZE && action != FlagAction.RESOLVE
                && action != FlagAction.REASSIGN) {
            throw new IllegalArgumentException(action + " is the bot's, not a change to ask for");
        }
        note = note == null || note.isBlank() ? null : note;
    }

    public static FlagChange acknowledge() {
        return new FlagChange(FlagAction.ACKNOWLEDGE, null, null, null);
    }

    public static FlagChange snooze() {
        return new FlagChange(FlagAction.SNOOZE, null, null, null);
    }

    public static FlagChange resolve(Flag.Outcome outcome, String note) {
        return new FlagChange(FlagAction.RESOLVE, outcome, note, null);
    }

    public static FlagChange reassign(String user) {
        return new FlagChange(FlagAction.REASSIGN, null, null, user);
    }

    /** The changed flag, or empty when the change does not apply in the flag's state. */
    public Optional<Flag> applyTo(Flag f, Cadence c, Instant now) {
        return switch (action) {
            case ACKNOWLEDGE -> FlagRules.acknowledge(f, now);
            case SNOOZE -> FlagRules.snooze(f, c, now);
            case RESOLVE -> FlagRules.resolve(f, outcome, note, now);
            default -> FlagRules.reassign(f, assignee, now);
        };
    }

    /** What the history and the notices add: "until 2026-11-30", "saved: Shipped SSO", "to U0DANA"; null for none. */
    public String detail(Cadence c, Instant now) {
        return switch (action) {
            case SNOOZE -> "until " + now.plus(Duration.ofDays(c.snoozeDays())).toString().substring(0, 10);
            case RESOLVE -> outcome.code() + (note == null ? "" : ": " + note);
            case REASSIGN -> "to " + assignee;
            default -> null;
        };
    }
}
