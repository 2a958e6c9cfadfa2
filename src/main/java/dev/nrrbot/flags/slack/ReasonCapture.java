package dev.nrrbot.flags.slack;

import dev.nrrbot.flags.Cadence;
import dev.nrrbot.flags.FlagKeys;
import dev.nrrbot.flags.ReasonQuestion;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Missing churn reasons, asked of the people who know: the account's CSM (found by the e-mail in
 * the data), else the Customer Success owner. Each person gets at most one list a day, largest loss
 * first, each with a Set reason button; what does not fit waits for the next day's list, and a loss
 * under the {@code reason_floor_mrr} setting is not asked about. The answer attaches to that movement.
 */
public final class ReasonCapture {

    /** The most questions in one person's list (two blocks each, within Block Kit's 50). */
    static final int QUESTIONS_PER_LIST = 15;

    private final PortfolioCache cache;
    private final RevenueStore revenue;
    private final FlagStore owners;
    private final ReasonRequests requests;
    private final SlackDirectory directory;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone where a person's day starts (NRR_TIMEZONE, else UTC) */
    public ReasonCapture(PortfolioCache cache, RevenueStore revenue, FlagStore owners, ReasonRequests requests,
                         SlackDirectory directory, Clock clock, ZoneId zone) {
        this.cache = cache;
        this.revenue = revenue;
        this.owners = owners;
        this.requests = requests;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Sends each person not yet asked today their list of the churn and contraction of the latest
     * three months of data that has no reason and was not asked about; returns how many questions it
     * asked.
     */
    public int run() {
        Portfolio p = cache.engine().portfolio();
        Ledger l = p.ledger();
        if (l.latestMonth().isEmpty()) {
            return 0;
        }
        YearMonth from = l.latestMonth().get().minusMonths(2);
        Instant now = clock.instant();
        long floor = Cadence.reasonFloorCents(owners.settings());
        Optional<String> csOwner = owners.owner(BusinessFunction.CUSTOMER_SUCCESS);
        Map<String, List<ReasonQuestion>> byPerson = new LinkedHashMap<>();
        Map<String, Optional<String>> csms = new HashMap<>();
        for (int a = 0; a < l.accountCount(); a++) {
            for (Movement m : p.movements(a)) {
                if (!m.kind().isLoss() || m.reason() != null || m.month().isBefore(from) || m.cents() < floor) {
                    continue;
                }
                Account account = p.account(a);
                if (requests.asked(account.id(), m.month())) {
                    continue;
                }
                Optional<String> to = csms.computeIfAbsent(account.csmEmail() == null ? "" : account.csmEmail(),
                        e -> e.isEmpty() ? Optional.empty() : directory.userIdForEmail(e)).or(() -> csOwner);
                if (to.isEmpty()) {
                    continue; // nobody to ask yet: asked once a CS owner is set
                }
                byPerson.computeIfAbsent(to.get(), k -> new ArrayList<>())
                        .add(new ReasonQuestion(account.id(), account.name(), m.month(), m.kind().code(), m.cents()));
            }
        }
        java.time.LocalDate today = now.atZone(zone).toLocalDate();
        Instant startOfDay = today.atStartOfDay(zone).toInstant();
        int asked = 0;
        for (Map.Entry<String, List<ReasonQuestion>> e : byPerson.entrySet()) {
            if (requests.askedSince(e.getKey(), startOfDay)) {
                continue; // one list a day: the rest waits for tomorrow's
            }
            List<ReasonQuestion> all = new ArrayList<>(e.getValue());
            all.sort(Comparator.comparingLong(ReasonQuestion::cents).reversed().thenComparing(ReasonQuestion::accountId));
            List<ReasonQuestion> today_ = all.subList(0, Math.min(QUESTIONS_PER_LIST, all.size()));
            requests.askAll(today_, e.getKey(), FlagWorkflow.dm(FlagKeys.reasonDigest(e.getKey(), today), e.getKey(),
                    FlagBlocks.reasonDigestDm(today_, all.size() - today_.size())), now);
            asked += today_.size();
        }
        return asked;
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
