package dev.nrrbot.outbox.db;

import dev.nrrbot.outbox.OutboxMessage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable outbox. Messages are queued inside the caller's transaction, so a change and the
 * messages it causes commit together; delivery claims them with a lease, so several instances can
 * deliver without sending one twice, and a claim left by a dead process expires and is taken over.
 */
public final class Outbox {

    /** A queued message as delivery sees it. */
    public record Pending(long id, OutboxMessage message, int attempts, Instant createdAt) {
    }

    private final Jdbi jdbi;

    public Outbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Queues {@code m} in the transaction of {@code h}, unless a message with its key was queued before. */
    public static void enqueue(Handle h, OutboxMessage m, Instant now) {
        OffsetDateTime t = at(now);
        h.execute("INSERT INTO outbox (dedupe_key, method, recipient, body, created_at, next_attempt_at, attempts)"
                        + " SELECT ?, ?, ?, ?, ?, ?, 0 WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE dedupe_key = ?)",
                m.dedupeKey(), m.method(), m.recipient(), m.body(), t, t, m.dedupeKey());
    }

    public void enqueue(OutboxMessage m, Instant now) {
        jdbi.useTransaction(h -> enqueue(h, m, now));
    }

    /** Claims up to {@code limit} due messages for {@code owner} until {@code leaseUntil}. */
    public List<Pending> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        List<Long> candidates = jdbi.withHandle(h -> h.createQuery("SELECT id FROM outbox WHERE sent_at IS NULL"
                        + " AND failed_at IS NULL AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)"
                        + " ORDER BY id")
                .bind("now", at(now)).setMaxRows(limit).mapTo(Long.class).list());
        List<Pending> claimed = new java.util.ArrayList<>();
        for (long id : candidates) {
            int won = jdbi.withHandle(h -> h.execute("UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ?"
                    + " AND sent_at IS NULL AND failed_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)",
                    owner, at(leaseUntil), id, at(now)));
            if (won == 1) {
                jdbi.withHandle(h -> h.createQuery("SELECT id, dedupe_key, method, recipient, body, attempts, created_at"
                                + " FROM outbox WHERE id = :id").bind("id", id)
                        .map((rs, ctx) -> new Pending(rs.getLong(1), new OutboxMessage(rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)), rs.getInt(6), rs.getObject(7, OffsetDateTime.class).toInstant()))
                        .findOne()).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    public void sent(long id, String owner, Instant now) {
        jdbi.useHandle(h -> h.execute("UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?", at(now), id, owner));
    }

    public void retryAt(long id, String owner, Instant next, String error) {
        jdbi.useHandle(h -> h.execute("UPDATE outbox SET next_attempt_at = ?, attempts = attempts + 1, last_error = ?,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?", at(next), clip(error), id, owner));
    }

    public void failed(long id, String owner, Instant now, String error) {
        jdbi.useHandle(h -> h.execute("UPDATE outbox SET failed_at = ?, attempts = attempts + 1, last_error = ?,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?", at(now), clip(error), id, owner));
    }

    /** Messages not yet sent nor given up on. */
    public int depth() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL")
                .mapTo(Integer.class).one());
    }

    /** Messages a delivery round would take now: due, and not claimed by a live lease. */
    public int due(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL"
                        + " AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)")
                .bind("now", at(now)).mapTo(Integer.class).one());
    }

    /** Messages whose key starts with {@code keyPrefix} and that are neither sent nor given up on. */
    public int pendingWithPrefix(String keyPrefix) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE :k"
                + " AND sent_at IS NULL AND failed_at IS NULL").bind("k", keyPrefix + "%").mapTo(Integer.class).one());
    }

    /** Messages whose key starts with {@code keyPrefix} that Slack refused for good. */
    public int failedWithPrefix(String keyPrefix) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE :k AND failed_at IS NOT NULL")
                .bind("k", keyPrefix + "%").mapTo(Integer.class).one());
    }

    public Optional<Instant> oldestPending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT MIN(created_at) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL")
                .mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant));
    }

    static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
