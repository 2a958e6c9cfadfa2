package dev.nrrbot.flags.slack;

import dev.nrrbot.flags.Accounts;
import dev.nrrbot.flags.Cadence;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.FlagAction;
import dev.nrrbot.flags.FlagChange;
import dev.nrrbot.flags.FlagKeys;
import dev.nrrbot.flags.FlagMessages;
import dev.nrrbot.flags.FlagRules;
import dev.nrrbot.flags.FlagStore;
import dev.nrrbot.flags.FollowUps;
import dev.nrrbot.flags.render.FlagBlocks;
import dev.nrrbot.outbox.db.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of the bot's follow-ups: reminders of flags nobody acknowledged, escalations, snoozes
 * that end, flags whose function found an owner, and each owner's weekly digest. Every instance runs
 * rounds; versions and dedupe keys make each message go out once.
 */
public final class FollowUpRound {

    private static final Logger log = LoggerFactory.getLogger(FollowUpRound.class);
    /** Who the history says made the bot's changes. */
    static final String BOT = "nrr-bot";

    private final FlagStore store;
    private final FlagWorkflow workflow;
    private final Accounts accounts;
    private final Outbox outbox;
    private final Clock clock;
    private final ZoneId zone;

    public FollowUpRound(FlagStore store, FlagWorkflow workflow, Accounts accounts, Outbox outbox, Clock clock, ZoneId zone) {
        this.store = store;
        this.workflow = workflow;
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
        this.zone = zone;
    }

    /** Runs one round; returns how many flags it moved. */
    public int run() {
        Instant now = clock.instant();
        Cadence c = store.cadence(zone);
        int moved = 0;
        for (Flag f : store.active()) {
            try {
                moved += followUp(f, now, c) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("follow-up of flag #{} failed (another instance may have done it)", f.id(), e);
            }
        }
        String week = FollowUps.digestWeek(now, c);
        if (week != null) {
            digests(week, now);
        }
        return moved;
    }

    private boolean followUp(Flag f, Instant now, Cadence c) {
        if (f.assignee() == null) {
            Optional<String> owner = store.owner(f.function());
            return owner.isPresent() && workflow.act(f.token(), BOT, FlagChange.reassign(owner.get()), null).isPresent();
        }
        String account = accounts.name(f.accountId());
        return switch (FollowUps.due(f, now, c)) {
            case NUDGE -> store.change(f.id(), f.version(), now, BOT, FlagAction.NUDGE, "reminder " + (f.nudges() + 1),
                    x -> FlagRules.nudge(x, now),
                    x -> List.of(FlagWorkflow.dm(FlagKeys.nudge(x), x.assignee(),
                            FlagBlocks.actionDm(FlagMessages.nudge(x.nudges(), account), x, account, now, zone)))).isPresent();
            case ESCALATE -> {
                Optional<String> contact = store.escalationContact();
                yield store.change(f.id(), f.version(), now, BOT, FlagAction.ESCALATE,
                        contact.map(u -> "to " + u).orElse("no escalation contact set"),
                        x -> FlagRules.escalate(x, now),
                        x -> contact.map(u -> List.of(FlagWorkflow.dm(FlagKeys.escalation(x), u, FlagBlocks.actionDm(
                                FlagMessages.escalation(x.assignee(), x.nudges(), account), x, account, now, zone)))).orElse(List.of()))
                        .isPresent();
            }
            case SNOOZE_ENDED -> store.change(f.id(), f.version(), now, BOT, FlagAction.SNOOZE_END, null,
                    x -> FlagRules.endSnooze(x, now),
                    x -> List.of(FlagWorkflow.dm(FlagKeys.snoozeOver(x), x.assignee(),
                            FlagBlocks.actionDm(FlagMessages.snoozeOver(account), x, account, now, zone)))).isPresent();
            case NOTHING -> false;
        };
    }

    /** Each assignee's open flags, once per ISO week. */
    private void digests(String week, Instant now) {
        Map<String, List<Flag>> byOwner = new HashMap<>();
        for (Flag f : store.active()) {
            if (f.assignee() != null) {
                byOwner.computeIfAbsent(f.assignee(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, String> names = new HashMap<>();
        byOwner.values().forEach(list -> names.putAll(accounts.names(list)));
        for (Map.Entry<String, List<Flag>> e : byOwner.entrySet()) {
            outbox.enqueue(FlagWorkflow.dm(FlagKeys.digest(e.getKey(), week), e.getKey(),
                    FlagBlocks.digestDm(e.getValue(), names, now)), now);
        }
    }
}
