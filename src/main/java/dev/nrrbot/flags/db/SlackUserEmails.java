package dev.nrrbot.flags.db;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** What users.lookupByEmail answered for each e-mail (slack_user_email), so each is asked once. */
public final class SlackUserEmails {

    /** What is remembered of an e-mail: its Slack user, or null when Slack has nobody with it. */
    public record Known(String userId) {
    }

    private final Jdbi jdbi;

    public SlackUserEmails(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What was remembered of {@code email} (e-mails compare in lower case); empty when it was never looked up. */
    public Optional<Known> find(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM slack_user_email WHERE email = :e")
                .bind("e", key(email)).map((rs, ctx) -> new Known(rs.getString("user_id"))).findOne());
    }

    /** Remembers the answer for {@code email}: a user id, or null for nobody. */
    public void remember(String email, String userId, Instant now) {
        jdbi.useHandle(h -> h.execute("INSERT INTO slack_user_email (email, user_id, checked_at) VALUES (?, ?, ?)",
                key(email), userId, JdbiFlagStore.at(now)));
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
