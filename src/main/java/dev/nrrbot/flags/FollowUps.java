package dev.nrrbot.flags;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/** When a flag comes back to someone. Pure: the time is always passed in. */
public final class FollowUps {

    public enum Due { NOTHING, NUDGE, ESCALATE, SNOOZE_ENDED }

    private FollowUps() {
    }

    /**
     * An open flag nobody acknowledged is nudged again {@code followUpBusinessDays} after its last
     * nudge (the first DM is nudge 1); once it has had {@code nudgesBeforeEscalation} nudges, the next
     * one goes to the escalation contact instead, once. A snoozed flag comes back when its snooze ends.
     */
    public static Due due(Flag f, Instant now, Cadence c) {
        switch (f.state()) {
            case SNOOZED:
                return f.snoozedUntil() != null && !now.isBefore(f.snoozedUntil()) ? Due.SNOOZE_ENDED : Due.NOTHING;
            case OPEN: {
                Instant last = f.lastNudgedAt() == null ? f.createdAt() : f.lastNudgedAt();
                if (now.isBefore(addBusinessDays(last, c.followUpBusinessDays(), c))) {
                    return Due.NOTHING;
                }
                if (f.nudges() >= c.nudgesBeforeEscalation()) {
                    return f.escalatedAt() == null ? Due.ESCALATE : Due.NOTHING;
                }
                return Due.NUDGE;
            }
            default:
                return Due.NOTHING;
        }
    }

    /** {@code from} plus {@code days} working days (Saturday and Sunday do not count), same time of day. */
    public static Instant addBusinessDays(Instant from, int days, Cadence c) {
        ZonedDateTime t = from.atZone(c.zone());
        int added = 0;
        while (added < days) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return t.toInstant();
    }

    /** The digest's key for the week of {@code now}, or null when it is not digest time. */
    public static String digestWeek(Instant now, Cadence c) {
        ZonedDateTime t = now.atZone(c.zone());
        int dayIndex = t.getDayOfWeek().getValue();
        int due = c.digestDay().getValue();
        // only on the digest day itself: a bot that was down that day skips the week rather than send it late
        if (dayIndex != due || t.getHour() < c.digestHour()) {
            return null;
        }
        return t.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
