package dev.nrrbot.flags.slack;

import dev.nrrbot.flags.FlagKeys;
import dev.nrrbot.flags.FlagStore;
import dev.nrrbot.flags.SlackDirectory;
import dev.nrrbot.flags.db.ReasonRequests;
import dev.nrrbot.flags.render.FlagBlocks;
import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Movement;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.revenue.RevenueStore;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Missing churn reasons, asked of the people who know: the account's CSM (found by the e-mail in
 * the data), else the Customer Success owner, gets a DM with a Set reason button; the answer
 * attaches to that movement.
 */
public final class ReasonCapture {

    /** How many reason questions one run may queue: the rest wait for the next run. */
    static final int REASON_REQUESTS_PER_RUN = 100;

    private final PortfolioCache cache;
    private final RevenueStore revenue;
    private final FlagStore owners;
    private final ReasonRequests requests;
    private final SlackDirectory directory;
    private final Clock clock;

    public ReasonCapture(PortfolioCache cache, RevenueStore revenue, FlagStore owners, ReasonRequests requests,
                         SlackDirectory directory, Clock clock) {
        this.cache = cache;
        this.revenue = revenue;
        this.owners = owners;
        this.requests = requests;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Asks about each churn or contraction of the latest three months of data that has no reason and
     * was not asked about yet, up to {@link #REASON_REQUESTS_PER_RUN}; returns how many it asked.
     */
    public int run() {
        Portfolio p = cache.engine().portfolio();
        Ledger l = p.ledger();
        if (l.latestMonth().isEmpty()) {
            return 0;
        }
        YearMonth from = l.latestMonth().get().minusMonths(2);
        Instant now = clock.instant();
        Optional<String> csOwner = owners.owner(BusinessFunction.CUSTOMER_SUCCESS);
        int queued = 0;
        for (int a = 0; a < l.accountCount() && queued < REASON_REQUESTS_PER_RUN; a++) {
            for (Movement m : p.movements(a)) {
                if (!m.kind().isLoss() || m.reason() != null || m.month().isBefore(from) || queued >= REASON_REQUESTS_PER_RUN) {
                    continue;
                }
                Account account = p.account(a);
                if (requests.asked(account.id(), m.month())) {
                    continue;
                }
                Optional<String> to = directory.userIdForEmail(account.csmEmail()).or(() -> csOwner);
                if (to.isEmpty()) {
                    continue; // nobody to ask yet: asked once a CS owner is set
                }
                requests.ask(account.id(), m.month(), to.get(), FlagWorkflow.dm(FlagKeys.reasonRequest(account.id(), m.month()),
                        to.get(), FlagBlocks.reasonRequestDm(account.id(), account.name(), m.month(), m.kind().code(), m.cents())), now);
                queued++;
            }
        }
        return queued;
    }

    /** Who was asked for the reason of this account's movement in {@code month}; empty when nobody was. */
    public Optional<String> asked(String accountId, YearMonth month) {
        return requests.askedUser(accountId, month);
    }

    /** The answer from the "Set reason" form: attaches the reason to that one movement. */
    public void answer(String accountId, YearMonth month, ReasonCode code, String note, String by) {
        revenue.write(w -> {
            w.setMovementReason(accountId, month, code.code(), note, by);
            return null;
        });
    }
}
