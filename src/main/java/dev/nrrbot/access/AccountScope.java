package dev.nrrbot.access;

import dev.nrrbot.metrics.BusinessFunction;
import java.util.Set;

/**
 * What the {@link Policy} must know of one account to say who sees its amounts.
 *
 * @param csmUserId   the Slack user whose e-mail is the account's CSM in the data; null when unknown
 * @param flaggedFor  the functions that active flags on the account are routed to
 * @param assignees   who holds those flags now
 */
public record AccountScope(String csmUserId, Set<BusinessFunction> flaggedFor, Set<String> assignees) {

    public AccountScope {
        flaggedFor = Set.copyOf(flaggedFor);
        assignees = Set.copyOf(assignees);
    }

    public static final AccountScope UNKNOWN = new AccountScope(null, Set.of(), Set.of());

    /** This scope with one more flag, routed to {@code function} and held by {@code assignee} (null: nobody). */
    public AccountScope withFlag(BusinessFunction function, String assignee) {
        Set<BusinessFunction> functions = new java.util.HashSet<>(flaggedFor);
        functions.add(function);
        Set<String> holders = new java.util.HashSet<>(assignees);
        if (assignee != null) {
            holders.add(assignee);
        }
        return new AccountScope(csmUserId, functions, holders);
    }
}
