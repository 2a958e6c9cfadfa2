package dev.nrrbot.flags.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import dev.nrrbot.flags.SlackDirectory;
import dev.nrrbot.flags.db.SlackUserEmails;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SlackDirectory} over users.lookupByEmail. Each e-mail is looked up once and the answer
 * remembered, "nobody" included; a passing failure is not remembered, so the next run asks again.
 */
public final class SlackUserDirectory implements SlackDirectory {

    private static final Logger log = LoggerFactory.getLogger(SlackUserDirectory.class);

    private final MethodsClient slack;
    private final SlackUserEmails known;
    private final Clock clock;

    public SlackUserDirectory(MethodsClient slack, SlackUserEmails known, Clock clock) {
        this.slack = slack;
        this.known = known;
        this.clock = clock;
    }

    @Override
    public Optional<String> userIdForEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        Optional<SlackUserEmails.Known> remembered = known.find(email);
        if (remembered.isPresent()) {
            return Optional.ofNullable(remembered.get().userId());
        }
        String user;
        try {
            UsersLookupByEmailResponse r = slack.usersLookupByEmail(req -> req.email(email));
            if (r.isOk() && r.getUser() != null) {
                user = r.getUser().getId();
            } else if ("users_not_found".equals(r.getError())) {
                user = null;
            } else {
                log.warn("users.lookupByEmail failed: {}", r.getError());
                return Optional.empty(); // a passing problem: try again next run
            }
        } catch (Exception e) {
            log.warn("users.lookupByEmail failed", e);
            return Optional.empty();
        }
        known.remember(email, user, clock.instant());
        return Optional.ofNullable(user);
    }
}
