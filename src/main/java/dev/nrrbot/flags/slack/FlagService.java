package dev.nrrbot.flags.slack;

import dev.nrrbot.flags.FollowUps;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.Cadence;
import dev.nrrbot.flags.db.FlagStore;
import dev.nrrbot.flags.FlagRules;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Movement;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.outbox.db.Outbox;
import dev.nrrbot.outbox.OutboxMessage;
import dev.nrrbot.platform.format.Money;
import dev.nrrbot.flags.render.FlagBlocks;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.revenue.RevenueStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flags and the nudges around them: creating a flag, each button's change, the follow-ups and the
 * digest, and asking CSMs for missing churn reasons. Every message it causes is queued in the outbox
 * in the same transaction as the change.
 */
public final class FlagService {

    private static final Logger log = LoggerFactory.getLogger(FlagService.class);
    static final String BOT = "nrr-bot";
    /** How many reason questions one run may queue: the rest wait for the next run. */
    static final int REASON_REQUESTS_PER_RUN = 100;

    private final FlagStore store;
    private final RevenueStore revenue;
    private final PortfolioCache cache;
    private final Jdbi jdbi;
    private final MethodsClient slack;
    private final Clock clock;
    private final ZoneId zone;

    public FlagService(FlagStore store, RevenueStore revenue, PortfolioCache cache, Jdbi jdbi, MethodsClient slack, Clock clock,
                       ZoneId zone) {
        this.store = store;
        this.revenue = revenue;
        this.cache = cache;
        this.jdbi = jdbi;
        this.slack = slack;
        this.clock = clock;
        this.zone = zone;
    }

    public FlagStore store() {
        return store;
    }

    public Cadence cadence() {
        return Cadence.from(store.settings(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** What the data says of an account: its name, ARR now and renewal date. */
    public record AccountFacts(String id, String name, long arrCents, LocalDate renewal) {
    }

    public Optional<AccountFacts> facts(String accountId) {
        Portfolio p = cache.engine().portfolio();
        Ledger l = p.ledger();
        Optional<Integer> i = l.indexOf(accountId);
        Optional<Account> a = i.map(p::account).or(() -> p.account(accountId));
        if (a.isEmpty()) {
            return Optional.empty();
        }
        long mrr = i.isPresent() && l.latestMonth().isPresent() ? l.mrr(i.get(), l.monthIndex(l.latestMonth().get())) : 0;
        return Optional.of(new AccountFacts(a.get().id(), a.get().name(), mrr * 12, a.get().renewalDate()));
    }

    /** Accounts matching {@code text}, for the modal's searchable select. */
    public List<AccountFacts> search(String text, int limit) {
        Portfolio p = cache.engine().portfolio();
        List<AccountFacts> out = new ArrayList<>();
        for (int i : p.find(text == null ? "" : text)) {
            if (out.size() == limit) {
                break;
            }
            facts(p.ledger().accountId(i)).ifPresent(out::add);
        }
        return out;
    }

    /** The one account with exactly this id or name, ignoring case. */
    public Optional<AccountFacts> exact(String text) {
        Portfolio p = cache.engine().portfolio();
        List<Integer> found = p.find(text);
        if (found.size() != 1) {
            return Optional.empty();
        }
        Account a = p.account(found.get(0));
        boolean exact = a.id().equalsIgnoreCase(text.trim()) || a.name().equalsIgnoreCase(text.trim());
        return exact ? facts(a.id()) : Optional.empty();
    }

    private String name(String accountId) {
        return facts(accountId).map(AccountFacts::name).orElse(accountId);
    }

    /**
     * Flags an account. ARR at risk and renewal default to what the data says. The function's owner
     * gets a DM; without an owner, the escalation contact hears that nobody owns it.
     */
    public Flag flag(AccountFacts account, BusinessFunction function, String reasonCode, String note, Long arrCents,
                     LocalDate renewal, String by) {
        Instant now = clock.instant();
        String owner = store.owner(function).orElse(null);
        Flag draft = new Flag(0, account.id(), function, reasonCode, note, arrCents == null ? account.arrCents() : arrCents,
                renewal == null ? account.renewal() : renewal, Flag.State.OPEN, null, null, null, owner, by, now, now, 0, null,
                null, 0);
        return store.create(draft, now, f -> {
            List<OutboxMessage> out = new ArrayList<>();
            if (owner != null) {
                out.add(dm("flag:" + f.id() + ":new", owner, "At-risk account for " + function.label() + ": " + account.name(),
                        FlagBlocks.ownerDm(":rotating_light: <@" + by + "> flagged an account at risk for *" + function.label()
                                + "*, which you own.", f, account.name(), now, zone)));
            } else {
                store.escalationContact().ifPresent(c -> out.add(dm("flag:" + f.id() + ":no-owner", c,
                        "Nobody owns " + function.label() + ": " + account.name(),
                        FlagBlocks.ownerDm(":warning: An account was flagged for *" + function.label() + "*, which has no owner"
                                + " yet. Set one with `/nrr owner " + function.code() + " @someone`.", f, account.name(), now, zone))));
            }
            return out;
        });
    }

    /** A button or modal action on flag {@code token} ("id:version"); empty when stale or not applicable. */
    public Optional<Flag> act(String token, String actor, String action, String responseUrl, Flag.Outcome outcome,
                              String outcomeNote, String newAssignee) {
        long id;
        int version;
        try {
            String[] parts = token.split(":");
            id = Long.parseLong(parts[0]);
            version = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Cadence c = cadence();
        String detail = switch (action) {
            case "snoozed" -> "until " + now.plus(java.time.Duration.ofDays(c.snoozeDays())).toString().substring(0, 10);
            case "resolved" -> outcome.code() + (outcomeNote == null || outcomeNote.isBlank() ? "" : ": " + outcomeNote);
            case "reassigned" -> "to " + newAssignee;
            default -> null;
        };
        return store.change(id, version, now, actor, action, detail, f -> switch (action) {
            case "acknowledged" -> FlagRules.acknowledge(f, now);
            case "snoozed" -> FlagRules.snooze(f, c, now);
            case "resolved" -> FlagRules.resolve(f, outcome, outcomeNote == null || outcomeNote.isBlank() ? null : outcomeNote, now);
            case "reassigned" -> FlagRules.reassign(f, newAssignee, now);
            default -> Optional.empty();
        }, f -> {
            String account = name(f.accountId());
            List<OutboxMessage> out = new ArrayList<>();
            String what = "<@" + actor + "> " + action + (detail == null ? "" : " (" + detail + ")") + " the flag on *" + account + "*.";
            if (!f.flaggedBy().equals(actor)) {
                out.add(dm("flag:" + f.id() + ":v" + f.version() + ":flagger", f.flaggedBy(), "Your flag on " + account + " was " + action,
                        FlagBlocks.notice(what, f, account, now, zone)));
            }
            if (action.equals("reassigned")) {
                out.add(dm("flag:" + f.id() + ":v" + f.version() + ":assignee", f.assignee(), "At-risk account for you: " + account,
                        FlagBlocks.ownerDm(":rotating_light: <@" + actor + "> handed you this at-risk account.", f, account, now, zone)));
            }
            if (responseUrl != null) {
                out.add(new OutboxMessage("flag:" + f.id() + ":v" + f.version() + ":dm", OutboxMessage.RESPONSE_URL, responseUrl,
                        FlagBlocks.body("Flag #" + f.id() + ": " + action, FlagBlocks.ownerDm(what, f, account, now, zone), true)));
            }
            return out;
        });
    }

    /** Follow-ups, escalations, snoozes that end, flags that found an owner, and the weekly digest. */
    public int runFollowUps() {
        Instant now = clock.instant();
        Cadence c = cadence();
        int queued = 0;
        for (Flag f : store.active()) {
            try {
                queued += followUp(f, now, c);
            } catch (RuntimeException e) {
                log.warn("follow-up of flag #{} failed: {}", f.id(), e.toString()); // another instance may have done it
            }
        }
        String week = FollowUps.digestWeek(now, c);
        if (week != null) {
            Map<String, List<Flag>> byOwner = new HashMap<>();
            for (Flag f : store.active()) {
                if (f.assignee() != null) {
                    byOwner.computeIfAbsent(f.assignee(), k -> new ArrayList<>()).add(f);
                }
            }
            Map<String, String> names = new HashMap<>();
            byOwner.values().forEach(list -> list.forEach(f -> names.computeIfAbsent(f.accountId(), this::name)));
            for (Map.Entry<String, List<Flag>> e : byOwner.entrySet()) {
                String key = "digest:" + e.getKey() + ":" + week;
                jdbi.useTransaction(h -> Outbox.enqueue(h, dm(key, e.getKey(), "Your open flags this week",
                        FlagBlocks.digest(e.getValue(), names, now)), now));
            }
        }
        return queued;
    }

    private int followUp(Flag f, Instant now, Cadence c) {
        String account = name(f.accountId());
        if (f.assignee() == null) {
            Optional<String> owner = store.owner(f.function());
            if (owner.isPresent()) {
                return act(f.token(), BOT, "reassigned", null, null, null, owner.get()).isPresent() ? 1 : 0;
            }
            return 0;
        }
        switch (FollowUps.due(f, now, c)) {
            case NUDGE:
                return store.change(f.id(), f.version(), now, BOT, "nudged", "reminder " + (f.nudges() + 1),
                        x -> Optional.of(FlagRules.nudged(x, now)),
                        x -> List.of(dm("flag:" + x.id() + ":nudge:" + x.nudges(), x.assignee(), "Reminder: " + account + " is at risk",
                                FlagBlocks.ownerDm(":bell: Reminder " + x.nudges() + ": nobody has acknowledged this at-risk account yet.",
                                        x, account, now, zone)))).isPresent() ? 1 : 0;
            case ESCALATE: {
                Optional<String> contact = store.escalationContact();
                return store.change(f.id(), f.version(), now, BOT, "escalated",
                        contact.map(u -> "to " + u).orElse("no escalation contact set"),
                        x -> Optional.of(FlagRules.escalated(x, now)),
                        x -> contact.map(u -> List.of(dm("flag:" + x.id() + ":escalated", u, "Escalation: " + account + " is at risk",
                                FlagBlocks.ownerDm(":rotating_light: Escalated to you: <@" + x.assignee() + "> has not acknowledged"
                                        + " this at-risk account after " + x.nudges() + " nudges.", x, account, now, zone))))
                                .orElse(List.of())).isPresent() ? 1 : 0;
            }
            case SNOOZE_ENDED:
                return store.change(f.id(), f.version(), now, BOT, "snooze ended", null,
                        x -> Optional.of(FlagRules.snoozeEnded(x, now)),
                        x -> List.of(dm("flag:" + x.id() + ":v" + x.version() + ":unsnoozed", x.assignee(), "Back from snooze: " + account,
                                FlagBlocks.ownerDm(":alarm_clock: The snooze is over: this account is still flagged at risk.",
                                        x, account, now, zone)))).isPresent() ? 1 : 0;
            default:
                return 0;
        }
    }

    /**
     * Asks the account's CSM (else the Customer Success owner) for the reason of each churn or
     * contraction of the latest three months of data that has none and was not asked about yet.
     */
    public int runReasonCapture() {
        Portfolio p = cache.engine().portfolio();
        Ledger l = p.ledger();
        if (l.latestMonth().isEmpty()) {
            return 0;
        }
        YearMonth from = l.latestMonth().get().minusMonths(2);
        Instant now = clock.instant();
        Optional<String> csOwner = store.owner(BusinessFunction.CUSTOMER_SUCCESS);
        int queued = 0;
        for (int a = 0; a < l.accountCount() && queued < REASON_REQUESTS_PER_RUN; a++) {
            for (Movement m : p.movements(a)) {
                if (!m.kind().isLoss() || m.reason() != null || m.month().isBefore(from) || queued >= REASON_REQUESTS_PER_RUN) {
                    continue;
                }
                Account account = p.account(a);
                if (asked(account.id(), m.month())) {
                    continue;
                }
                Optional<String> to = csmUser(account.csmEmail()).or(() -> csOwner);
                if (to.isEmpty()) {
                    continue; // nobody to ask yet: asked once a CS owner is set
                }
                String user = to.get();
                jdbi.useTransaction(h -> {
                    h.execute("INSERT INTO reason_request (account_id, movement_month, asked_user, asked_at) VALUES (?, ?, ?, ?)",
                            account.id(), m.month().atDay(1), user, now.atOffset(ZoneOffset.UTC));
                    Outbox.enqueue(h, dm("reason:" + account.id() + ":" + m.month(), user, "Why did " + account.name() + " "
                            + (m.kind().code().equals("churn") ? "churn" : "contract") + "?",
                            FlagBlocks.reasonRequest(account.id(), account.name(), m.month(), m.kind().code(), m.cents())), now);
                });
                queued++;
            }
        }
        return queued;
    }

    private boolean asked(String accountId, YearMonth month) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reason_request WHERE account_id = :a AND movement_month = :m")
                .bind("a", accountId).bind("m", month.atDay(1)).mapTo(Integer.class).one()) > 0;
    }

    /** The Slack user with this e-mail, looked up once (users.lookupByEmail) and remembered. */
    Optional<String> csmUser(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        Optional<Optional<String>> known = jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM slack_user_email WHERE email = :e")
                .bind("e", email.toLowerCase()).map((rs, ctx) -> Optional.ofNullable(rs.getString(1))).findOne());
        if (known.isPresent()) {
            return known.get();
        }
        String user = null;
        try {
            UsersLookupByEmailResponse r = slack.usersLookupByEmail(req -> req.email(email));
            if (r.isOk() && r.getUser() != null) {
                user = r.getUser().getId();
            } else if (!"users_not_found".equals(r.getError())) {
                log.warn("users.lookupByEmail failed: {}", r.getError());
                return Optional.empty(); // a passing problem: try again next run
            }
        } catch (Exception e) {
            log.warn("users.lookupByEmail failed: {}", e.toString());
            return Optional.empty();
        }
        String found = user;
        jdbi.useHandle(h -> h.execute("INSERT INTO slack_user_email (email, user_id, checked_at) VALUES (?, ?, ?)",
                email.toLowerCase(), found, clock.instant().atOffset(ZoneOffset.UTC)));
        return Optional.ofNullable(found);
    }

    /** Attaches a reason to one movement, from the "Set reason" modal. */
    public void setReason(String accountId, YearMonth month, ReasonCode code, String note, String by) {
        revenue.write(w -> {
            w.setMovementReason(accountId, month, code.code(), note, by);
            return null;
        });
    }

    static OutboxMessage dm(String key, String user, String text, List<com.slack.api.model.block.LayoutBlock> blocks) {
        return new OutboxMessage(key, OutboxMessage.POST_MESSAGE, user, FlagBlocks.body(text, blocks, null));
    }

    /** Open flags, for /nrr flags: all, one function's, or the asker's (assigned to or flagged by them). */
    public List<Flag> list(BusinessFunction function, String mine) {
        List<Flag> out = new ArrayList<>();
        for (Flag f : store.active()) {
            if ((function == null || f.function() == function)
                    && (mine == null || mine.equals(f.assignee()) || mine.equals(f.flaggedBy()))) {
                out.add(f);
            }
        }
        return out;
    }

    public Map<String, String> names(List<Flag> flags) {
        Map<String, String> names = new HashMap<>();
        flags.forEach(f -> names.computeIfAbsent(f.accountId(), this::name));
        return names;
    }

    public String money(long cents) {
        return Money.whole(cents);
    }
}
