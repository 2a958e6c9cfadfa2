package dev.nrrbot.numbers;

import java.util.List;

/**
 * What other capabilities know of an account, shown under its revenue history (its flags, say). The
 * composition root supplies it, so the numbers need not know who keeps those notes.
 */
@FunctionalInterface
public interface AccountNotes {

    AccountNotes NONE = accountId -> List.of();

    /** Lines of mrkdwn, oldest first; empty when there is nothing. */
    List<String> linesFor(String accountId);
}
