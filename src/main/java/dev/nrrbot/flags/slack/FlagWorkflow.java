package dev.nrrbot.flags.slack;

import dev.nrrbot.access.Access;
import dev.nrrbot.access.Viewer;
import dev.nrrbot.flags.AccountFacts;
import dev.nrrbot.flags.Accounts;
import dev.nrrbot.flags.Cadence;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.FlagAction;
import dev.nrrbot.flags.FlagChange;
import dev.nrrbot.flags.FlagKeys;
import dev.nrrbot.flags.FlagMessages;
import dev.nrrbot.flags.FlagStore;
import dev.nrrbot.flags.FlagToken;
import dev.nrrbot.flags.render.FlagBlocks;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A flag's life as people see it: raising one, each change from a button or form, and the lists.
 * Every message a change causes is queued in the outbox in the same transaction as the change.
 */
public final class FlagWorkflow {

    private final FlagStore store;
    private final Accounts accounts;
    private final Access access;
    private final Clock clock;
    private final ZoneId zone;

    public FlagWorkflow(FlagStore store, Accounts accounts, Access access, Clock clock, ZoneId zone) {
        this.store = store;
        this.accounts = accounts;
        this.access = access;
        this.clock = clock;
        this.zone = zone;
    }

    /** Whether {@code user} may change this flag: its assignee, the escalation contact, a CS leader or an admin. */
    public boolean mayChange(Flag f, String user) {
        return access.changesFlag(user, f.assignee());
    }

    /** Whether {@code user} may see this flag's ARR and renewal date. */
    public boolean seesAmounts(Flag f, String user) {
        return seesAmounts(f, access.viewer(user));
    }

    /** As above, for a viewer found once for a whole list. */
    public boolean seesAmounts(Flag f, Viewer viewer) {
        return access.seesFlagAmounts(viewer, f.accountId(), f.function(), f.assignee());
    }

    /**
     * Flags an account. ARR at risk and renewal default to what the data says. The function's owner
     * gets a DM; without an owner, the escalation contact hears that nobody owns it.
     */
    public Flag flag(AccountFacts account, BusinessFunction function, String reasonCode, String note, Long arrCents,
                     LocalDate renewal, String by) {
        Instant now = clock.instant();
        String owner = store.owner(function).orElse(null);
        Flag draft = Flag.draft(account.id(), function, reasonCode, note, arrCents == null ? account.arrCents() : arrCents,
                renewal == null ? account.renewal() : renewal, owner, by, now);
        return store.create(draft, now, f -> {
            List<OutboxMessage> out = new ArrayList<>();
            if (owner != null) {
                out.add(dm(FlagKeys.newFlag(f), owner,
                        FlagBlocks.actionDm(FlagMessages.newFlag(by, function, account.name()), f, account.name(), now, zone)));
            } else {
                store.escalationContact().ifPresent(c -> out.add(dm(FlagKeys.noOwner(f), c,
                        FlagBlocks.actionDm(FlagMessages.noOwner(function, account.name()), f, account.name(), now, zone))));
            }
            return out;
        });
    }

    /**
     * {@code change} by {@code actor} on the flag of {@code token} ("id:version"), answered in place
     * through {@code responseUrl} when there is one. Empty when the token is stale or not one, or the
     * change does not apply.
     */
    public Optional<Flag> act(String token, String actor, FlagChange change, String responseUrl) {
        Optional<FlagToken> t = FlagToken.parse(token);
        if (t.isEmpty()) {
            return Optional.empty();
        }

        Instant now = clock.instant();
        Cadence c = store.cadence(zone);
        String detail = change.detail(c, now);
        return store.change(t.get().id(), t.get().version(), now, actor, change.action(), detail, f -> change.applyTo(f, c, now), f -> {
            String account = accounts.name(f.accountId());
            List<OutboxMessage> out = new ArrayList<>();
            if (!f.flaggedBy().equals(actor) && !f.isAutomatic()) {
                out.add(dm(FlagKeys.flagger(f), f.flaggedBy(), FlagBlocks.noticeDm(
                        FlagMessages.flaggerNotice(actor, change.action(), detail, account), f, account, now, zone,
                        seesAmounts(f, f.flaggedBy()))));
            }
            if (change.action() == FlagAction.REASSIGN) {
                out.add(dm(FlagKeys.assignee(f), f.assignee(),
                        FlagBlocks.actionDm(FlagMessages.reassigned(actor, account), f, account, now, zone)));
            }
            if (responseUrl != null) { // the outbox sends it only if it is Slack's (SlackUrls)
                out.add(new OutboxMessage(FlagKeys.changed(f), OutboxMessage.RESPONSE_URL, responseUrl, FlagBlocks.redrawn(
                        FlagMessages.changed(f.id(), actor, change.action(), detail, account), f, account, now, zone)));
            }
            return out;
        });
    }

    /** The flag of a button's token, whatever its version now. */
    public Optional<Flag> find(String token) {
        return FlagToken.parse(token).flatMap(t -> store.find(t.id()));
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

    public static OutboxMessage dm(String key, String user, String body) {
        return new OutboxMessage(key, OutboxMessage.POST_MESSAGE, user, body);
    }
}
