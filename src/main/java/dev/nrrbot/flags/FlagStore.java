package dev.nrrbot.flags;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.outbox.OutboxMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Flags, their history, the functions' owners and the cadence settings. Every change is written with
 * its history line and the messages it causes in one transaction; a change carries the version it
 * expects, so a stale button changes nothing.
 */
public interface FlagStore {

    /** One line of a flag's history. */
    record Event(long flagId, Instant at, String actor, String action, String detail) {
    }

    /** The owner code of the escalation contact, beside the functions' codes. */
    String ESCALATION = "escalation";

    /** Saves a new flag with its first history line and the messages built for it (which need its id). */
    Flag create(Flag draft, Instant now, Function<Flag, List<OutboxMessage>> messages);

    /**
     * Applies {@code change} to flag {@code id} if it is still at {@code expectedVersion} (any version
     * when negative), and records it as {@code action} with {@code detail} by {@code actor}. Returns
     * the changed flag, or empty when it was stale or the change did not apply.
     */
    Optional<Flag> change(long id, int expectedVersion, Instant now, String actor, FlagAction action, String detail,
                          Function<Flag, Optional<Flag>> change, Function<Flag, List<OutboxMessage>> messages);

    Optional<Flag> find(long id);

    /** Flags not resolved yet, oldest first. */
    List<Flag> active();

    List<Flag> forAccount(String accountId);

    List<Event> history(long flagId);

    /** Sets the owner of a function, or the escalation contact with {@link #ESCALATION}. */
    void setOwner(String functionCode, String userId, String by, Instant now);

    Optional<String> owner(BusinessFunction f);

    Optional<String> escalationContact();

    /** Every owner, by function code (and "escalation"), in code order. */
    Map<String, String> owners();

    void setSetting(String name, String value);

    /** The stored settings, by name (see {@link Cadence#SETTINGS}). */
    Map<String, String> settings();

    /** How often flags come back, from the stored settings. */
    default Cadence cadence(ZoneId zone) {
        return Cadence.from(settings(), zone);
    }
}
