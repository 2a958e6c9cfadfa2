package dev.nrrbot.flags;

import java.util.Optional;

/** Who someone is in Slack: reason capture finds each account's CSM by the e-mail in the data. */
public interface SlackDirectory {

    /** The Slack user with this e-mail; empty when there is none, or when Slack could not say just now. */
    Optional<String> userIdForEmail(String email);
}
