package dev.nrrbot.platform.db;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Keys of requests already taken (a request's signature, a form's view id, an event's id), kept for {@link #KEPT}
 * in the database so every instance sees them. The primary key decides who was first.
 */
public final class SeenRequests {

    /** Slack's signatures are good for five minutes either side of now: ten minutes covers a replay. */
    public static final Duration KEPT = Duration.ofMinutes(10);
    private static final int PURGE_EVERY = 200;

    private final Jdbi jdbi;
    private final Clock clock;
    private final AtomicInteger sincePurge = new AtomicInteger();

    /** @param clock real time: a signature's window is about the wall clock */
    public SeenRequests(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    /** True the first time {@code key} is seen within {@link #KEPT}; false for a repeat, on any instance. */
    public boolean firstTime(String key) {
        Instant now = clock.instant();
        if (sincePurge.incrementAndGet() >= PURGE_EVERY) {
            sincePurge.set(0);
            jdbi.useHandle(h -> h.execute("DELETE FROM slack_request WHERE received_at < ?",
                    OffsetDateTime.ofInstant(now.minus(KEPT), ZoneOffset.UTC)));
        }
        try {
            jdbi.useHandle(h -> h.execute("INSERT INTO slack_request (request_key, received_at) VALUES (?, ?)", key,
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC)));
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return false; // the primary key: taken already
            }
            throw e;
        }
    }

    /** Forgets {@code key}, so a form whose work failed can be submitted again. */
    public void forget(String key) {
        jdbi.useHandle(h -> h.execute("DELETE FROM slack_request WHERE request_key = ?", key));
    }
}
