package dev.nrrbot.flags;

import dev.nrrbot.access.Access;
import dev.nrrbot.access.AccountScope;
import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.revenue.PortfolioCache;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the access policy must know of an account, from what the flag capability holds: its CSM as
 * a Slack user (by the e-mail in the data) and the functions its active flags are routed to.
 */
public final class AccountScopes implements Access.AccountScopes {

    private final PortfolioCache cache;
    private final FlagStore flags;
    private final SlackDirectory directory;

    public AccountScopes(PortfolioCache cache, FlagStore flags, SlackDirectory directory) {
        this.cache = cache;
        this.flags = flags;
        this.directory = directory;
    }

    @Override
    public AccountScope of(String accountId) {
        if (accountId == null) {
            return AccountScope.UNKNOWN;
        }
        String csm = cache.engine().portfolio().account(accountId).map(Account::csmEmail)
                .flatMap(email -> email == null || email.isBlank() ? Optional.empty() : directory.userIdForEmail(email))
                .orElse(null);
        Set<BusinessFunction> flagged = EnumSet.noneOf(BusinessFunction.class);
        Set<String> holders = new HashSet<>();
        for (Flag f : flags.forAccount(accountId)) {
            if (f.isActive()) {
                flagged.add(f.function());
                if (f.assignee() != null) {
                    holders.add(f.assignee());
                }
            }
        }
        return new AccountScope(csm, flagged, holders);
    }
}
