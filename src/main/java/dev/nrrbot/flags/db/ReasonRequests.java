package dev.nrrbot.flags.db;

import dev.nrrbot.outbox.OutboxMessage;
import dev.nrrbot.outbox.db.Outbox;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The churn and contraction whose reason someone was asked for (reason_request): each is asked once. */
public final class ReasonRequests {

    private final Jdbi jdbi;

    public ReasonRequests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Whether someone was asked about the account's movement of {@code month}. */
    public boolean asked(String accountId, YearMonth month) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reason_request WHERE account_id = :a AND movement_month = :m")
                .bind("a", accountId).bind("m", month.atDay(1)).mapTo(Integer.class).one()) > 0;
    }

    /** Who was asked about the account's movement of {@code month}. */
    public Optional<String> askedUser(String accountId, YearMonth month) {
        return jdbi.withHandle(h -> h.createQuery("SELECT asked_user FROM reason_request WHERE account_id = :a AND movement_month = :m")
                .bind("a", accountId).bind("m", month.atDay(1)).mapTo(String.class).findOne());
    }

    /** Whether {@code user} was sent reason questions since {@code since} (the start of their day). */
    public boolean askedSince(String user, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reason_request WHERE asked_user = :u AND asked_at >= :t")
                .bind("u", user).bind("t", JdbiFlagStore.at(since)).mapTo(Integer.class).one()) > 0;
    }

    /** Records that {@code user} is asked each of {@code questions}, and queues their list, in one transaction. */
    public void askAll(java.util.List<dev.nrrbot.flags.ReasonQuestion> questions, String user, OutboxMessage list, Instant now) {
        jdbi.useTransaction(h -> {
            for (dev.nrrbot.flags.ReasonQuestion q : questions) {
                h.execute("INSERT INTO reason_request (account_id, movement_month, asked_user, asked_at) VALUES (?, ?, ?, ?)",
                        q.accountId(), q.month().atDay(1), user, JdbiFlagStore.at(now));
            }
            Outbox.enqueue(h, list, now);
        });
    }
}
