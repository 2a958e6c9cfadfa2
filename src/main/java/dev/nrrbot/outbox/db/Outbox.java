package dev.nrrbot.outbox.db;

import dev.nrrbot.outbox.DmAllowance;
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
 * messages it causes commit together. Delivery claims one message at a time with a lease that it
 * renews while Slack answers, so several instances never hold one message at once, and records the
 * outcome before it lets go. A claim that lapsed during a send (its instance died) is marked unknown
 * rather than sent again: Slack may have posted it, and chat.postMessage has no idempotency key.
 */
public final class Outbox {

    /** A queued message as delivery sees it. */
    public record Pending(long id, OutboxMessage message, int attempts, Instant createdAt) {
    }

    /** Neither sent, nor given up on, nor of unknown outcome, nor held for a digest. */
    private static final String OPEN = "sent_at IS NULL AND failed_at IS NULL AND unknown_at IS NULL AND held_at IS NULL";

    /** A DM held over the day's cap, waiting for its recipient's digest. */
    public record Held(long id, OutboxMessage message, Instant heldAt) {
    }

    private final Jdbi jdbi;

    public Outbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Queues {@code m} in the transaction of {@code h}, unless a message with its key was queued before.
     * A DM over its recipient's cap ({@link DmAllowance}) is kept as held: it goes out in their next digest.
     */
    public static void enqueue(Handle h, OutboxMessage m, Instant now) {
        OffsetDateTime t = at(now);
        OffsetDateTime held = null;
        if (DmAllowance.counts(m)) {
            int cap = DmAllowance.cap(h.createQuery("SELECT setting_value FROM app_setting WHERE setting_name = ?")
                    .bind(0, DmAllowance.SETTING).mapTo(String.class).findOne().orElse(null));
            int recent = h.createQuery("SELECT COUNT(*) FROM outbox WHERE recipient = ? AND method = ? AND created_at > ?"
                            + " AND held_at IS NULL AND dedupe_key NOT LIKE ?")
                    .bind(0, m.recipient()).bind(1, OutboxMessage.POST_MESSAGE).bind(2, at(now.minus(DmAllowance.WINDOW)))
                    .bind(3, DmAllowance.DIGEST_KEY + "%").mapTo(Integer.class).one();
            held = DmAllowance.allows(recent, cap) ? null : t;
        }
        h.execute("INSERT INTO outbox (dedupe_key, method, recipient, body, created_at, next_attempt_at, attempts, held_at)"
                        + " SELECT ?, ?, ?, ?, ?, ?, 0, ? WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE dedupe_key = ?)",
                m.dedupeKey(), m.method(), m.recipient(), m.body(), t, t, held, m.dedupeKey());
    }

    /** The people with DMs held for a digest, each with when the oldest was held. */
    public java.util.Map<String, Instant> heldRecipients() {
        java.util.Map<String, Instant> out = new java.util.TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT recipient, MIN(held_at) FROM outbox WHERE held_at IS NOT NULL"
                        + " AND digested_in IS NULL GROUP BY recipient")
                .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** The DMs held for {@code recipient}, oldest first. */
    public List<Held> held(String recipient) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, dedupe_key, method, recipient, body, held_at FROM outbox"
                        + " WHERE recipient = :r AND held_at IS NOT NULL AND digested_in IS NULL ORDER BY id")
                .bind("r", recipient)
                .map((rs, ctx) -> new Held(rs.getLong(1), new OutboxMessage(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list());
    }

    /**
     * Queues {@code digest} and marks the held messages it carries as digested, in one transaction:
     * each held message is in exactly one digest or still held. Returns false when another instance
     * made this digest first (its key was taken).
     */
    public boolean digest(OutboxMessage digest, List<Long> carried, Instant now) {
        return jdbi.inTransaction(h -> {
            int queued = h.execute("INSERT INTO outbox (dedupe_key, method, recipient, body, created_at, next_attempt_at, attempts)"
                            + " SELECT ?, ?, ?, ?, ?, ?, 0 WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE dedupe_key = ?)",
                    digest.dedupeKey(), digest.method(), digest.recipient(), digest.body(), at(now), at(now), digest.dedupeKey());
            if (queued == 0) {
                return false;
            }
            for (long id : carried) {
                if (h.execute("UPDATE outbox SET digested_in = ? WHERE id = ? AND digested_in IS NULL", digest.dedupeKey(), id) != 1) {
                    throw new IllegalStateException("held message " + id + " is in another digest"); // rolls this one back
                }
            }
            return true;
        });
    }

    public void enqueue(OutboxMessage m, Instant now) {
        jdbi.useTransaction(h -> enqueue(h, m, now));
    }

    /**
     * Claims the oldest due message for {@code owner} until {@code leaseUntil}, and records that its
     * send begins now ({@code sending_since}): from here on, until an outcome is recorded, Slack may have
     * it. Only a message with no send under way is claimed; see {@link #settleAbandoned} for the others.
     */
    public Optional<Pending> claimNext(String owner, Instant now, Instant leaseUntil) {
        List<Long> candidates = jdbi.withHandle(h -> h.createQuery("SELECT id FROM outbox WHERE " + OPEN
                        + " AND next_attempt_at <= :now AND sending_since IS NULL AND (claimed_until IS NULL OR claimed_until < :now)"
                        + " ORDER BY id")
                .bind("now", at(now)).setMaxRows(5).mapTo(Long.class).list());
        for (long id : candidates) {
            int won = jdbi.withHandle(h -> h.execute("UPDATE outbox SET claimed_by = ?, claimed_until = ?, sending_since = ?"
                    + " WHERE id = ? AND " + OPEN + " AND sending_since IS NULL AND (claimed_until IS NULL OR claimed_until < ?)",
                    owner, at(leaseUntil), at(now), id, at(now)));
            if (won == 1) {
                return jdbi.withHandle(h -> h.createQuery("SELECT id, dedupe_key, method, recipient, body, attempts, created_at"
                                + " FROM outbox WHERE id = :id").bind("id", id)
                        .map((rs, ctx) -> new Pending(rs.getLong(1), new OutboxMessage(rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)), rs.getInt(6), rs.getObject(7, OffsetDateTime.class).toInstant()))
                        .findOne());
            }
        }
        return Optional.empty();
    }

    /** A send whose claim lapsed: who held it, since when it was sending, and when its lease ended. */
    public record Abandoned(long id, String dedupeKey, String owner, Instant sendingSince, Instant leaseEnded) {
    }

    /**
     * Marks unknown every message whose send began and whose claim lapsed with no outcome recorded
     * (its instance died, or lost the database, while Slack had the message), so that it is not sent
     * again: Slack may have posted it. Returns what it marked.
     */
    public List<Abandoned> settleAbandoned(Instant now) {
        List<Abandoned> lapsed = jdbi.withHandle(h -> h.createQuery("SELECT id, dedupe_key, claimed_by, sending_since, claimed_until"
                        + " FROM outbox WHERE " + OPEN + " AND sending_since IS NOT NULL AND claimed_until < :now ORDER BY id")
                .bind("now", at(now))
                .map((rs, ctx) -> new Abandoned(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list());
        List<Abandoned> marked = new java.util.ArrayList<>();
        for (Abandoned a : lapsed) {
            String why = "unknown: " + a.owner() + " began sending at " + a.sendingSince() + " and recorded no answer by the end"
                    + " of its claim at " + a.leaseEnded() + "; Slack may have posted it, so it is not sent again";
            // claimed_by stays: should that instance still hear from Slack, it records the real outcome
            int n = jdbi.withHandle(h -> h.execute("UPDATE outbox SET unknown_at = ?, last_error = ? WHERE id = ? AND " + OPEN
                    + " AND sending_since IS NOT NULL AND claimed_until < ?", at(now), clip(why), a.id(), at(now)));
            if (n == 1) {
                marked.add(a);
            }
        }
        return marked;
    }

    /** Extends {@code owner}'s claim while its send is under way; false when the claim is no longer its own. */
    public boolean renew(long id, String owner, Instant leaseUntil) {
        return jdbi.withHandle(h -> h.execute("UPDATE outbox SET claimed_until = ? WHERE id = ? AND claimed_by = ? AND " + OPEN,
                at(leaseUntil), id, owner)) == 1;
    }

    /** Slack took it: recorded before the claim is released (and over an 'unknown' another instance wrote meanwhile). */
    public void sent(long id, String owner, Instant now) {
        jdbi.useHandle(h -> h.execute("UPDATE outbox SET sent_at = ?, unknown_at = NULL, attempts = attempts + 1, last_error = NULL,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ? AND sent_at IS NULL", at(now), id, owner));
    }

    /** Slack did not take it (429, unavailable, never reached): send again at {@code next}. */
    public void retryAt(long id, String owner, Instant next, String error) {
        jdbi.useHandle(h -> h.execute("UPDATE outbox SET next_attempt_at = ?, attempts = attempts + 1, last_error = ?,"
                + " sending_since = NULL, unknown_at = NULL, claimed_by = NULL, claimed_until = NULL"
                + " WHERE id = ? AND claimed_by = ? AND sent_at IS NULL", at(next), clip(error), id, owner));
    }

    /** Slack refused it for good. */
    public void failed(long id, String owner, Instant now, String error) {
        jdbi.useHandle(h -> h.execute("UPDATE outbox SET failed_at = ?, unknown_at = NULL, attempts = attempts + 1, last_error = ?,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ? AND sent_at IS NULL",
                at(now), clip(error), id, owner));
    }

    /** Slack may or may not have taken it (a timeout after the request went out, a 500): not sent again. */
    public void unknown(long id, String owner, Instant now, String error) {
        jdbi.useHandle(h -> h.execute("UPDATE outbox SET unknown_at = ?, attempts = attempts + 1, last_error = ?,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ? AND sent_at IS NULL",
                at(now), clip("unknown: " + error), id, owner));
    }

    /** Messages whose outcome is unknown: their send began and no answer was recorded (see {@link #settleAbandoned}). */
    public int unknownCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE unknown_at IS NOT NULL")
                .mapTo(Integer.class).one());
    }

    /** Messages not yet sent nor given up on (nor of unknown outcome). */
    public int depth() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE " + OPEN)
                .mapTo(Integer.class).one());
    }

    /** Messages a delivery round would take (or settle as unknown) now: due, and not claimed by a live lease. */
    public int due(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE " + OPEN
                        + " AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)")
                .bind("now", at(now)).mapTo(Integer.class).one());
    }

    /** Messages whose key starts with {@code keyPrefix} and that are neither sent nor given up on. */
    public int pendingWithPrefix(String keyPrefix) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE :k AND " + OPEN)
                .bind("k", keyPrefix + "%").mapTo(Integer.class).one());
    }

    /** Messages whose key starts with {@code keyPrefix} that Slack refused for good, or whose outcome is unknown. */
    public int failedWithPrefix(String keyPrefix) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE :k"
                        + " AND (failed_at IS NOT NULL OR unknown_at IS NOT NULL)")
                .bind("k", keyPrefix + "%").mapTo(Integer.class).one());
    }

    public Optional<Instant> oldestPending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT MIN(created_at) FROM outbox WHERE " + OPEN)
                .mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant));
    }

    static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
