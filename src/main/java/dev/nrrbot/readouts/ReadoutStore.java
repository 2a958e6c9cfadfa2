package dev.nrrbot.readouts;

import dev.nrrbot.outbox.OutboxMessage;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Schedules, the record of each period's post, what the readouts count, and queueing their messages. */
public interface ReadoutStore {

    /** Flags opened, flags resolved, and the ARR of those resolved as saved, between two instants. */
    record FlagCounts(int opened, int resolved, long savedArrCents) {
    }

    /** Stores a new active schedule created at {@code now}; the result carries its id. */
    Schedule add(Schedule s, Instant now);

    /** Active schedules, oldest first. */
    List<Schedule> active();

    /** Stops a schedule; false when there is no active schedule with that id. */
    boolean deactivate(long id);

    /** Whether the schedule's period was handled (posted, skipped, or found without data). */
    boolean handled(long scheduleId, String periodKey);

    /**
     * Records the period as handled and queues its messages, in one transaction. False when this period
     * was handled already, here or by another instance: only one gets through.
     */
    boolean claim(long scheduleId, ReadoutCalendar.Occurrence o, Instant now, String outcome, Long nrrMicros,
                  List<OutboxMessage> messages);

    /** The NRR the schedule posted most recently, for "change against last week". */
    Optional<Long> lastPostedNrr(long scheduleId);

    /** When the schedule last posted, so its next readout covers what arrived since. */
    Optional<Instant> lastPostedAt(long scheduleId);

    /** Months whose data arrived in (from, to]: what moved "this week". */
    List<YearMonth> monthsImportedBetween(Instant from, Instant to);

    /** Flags opened in [from, to), and those resolved in it. */
    FlagCounts flagCounts(Instant from, Instant to);

    /** Whether a message with this key was queued (sent or not). */
    boolean queued(String dedupeKey);

    /**
     * Queues messages in one transaction, all or none, once per key: however many callers race with
     * the same messages, the outbox holds one copy. False when the first one's key was queued before
     * this call (here or by another instance); a caller that loses a race may still see true.
     */
    boolean queue(List<OutboxMessage> messages, Instant now);
}
