package dev.nrrbot.health.slack;

import dev.nrrbot.flags.AccountFacts;
import dev.nrrbot.flags.Accounts;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.FlagMessages;
import dev.nrrbot.flags.FlagStore;
import dev.nrrbot.flags.render.FlagBlocks;
import dev.nrrbot.flags.slack.FlagWorkflow;
import dev.nrrbot.health.AutoFlagRule;
import dev.nrrbot.health.AutoFlagStore;
import dev.nrrbot.health.Checkup;
import dev.nrrbot.health.HealthCache;
import dev.nrrbot.health.HealthComponent;
import dev.nrrbot.health.HealthModel;
import dev.nrrbot.health.HealthScore;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.outbox.db.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The round that raises flags itself: after each import (and once a day for recoveries), every
 * account's parts are checked against the rules ({@link AutoFlagRule}); a new trigger opens a flag
 * routed to the owning function's owner, or adds to the open one; a flag whose signals stayed back
 * above their thresholds long enough offers its owner a one-click resolve. The owner's DMs go
 * through the outbox, so the daily cap and the digest apply. Off unless the backtest shows the score
 * predicts, or an admin turned it on.
 */
public final class AutoFlagRound {

    private static final Logger log = LoggerFactory.getLogger(AutoFlagRound.class);
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);

    private final HealthCache health;
    private final AutoFlagStore autoFlags;
    private final FlagStore flags;
    private final FlagWorkflow workflow;
    private final Accounts accounts;
    private final Outbox outbox;
    private final Clock clock;
    private final ZoneId zone;
    private volatile String lastRound;

    public AutoFlagRound(HealthCache health, AutoFlagStore autoFlags, FlagStore flags, FlagWorkflow workflow, Accounts accounts,
                         Outbox outbox, Clock clock, ZoneId zone) {
        this.health = health;
        this.autoFlags = autoFlags;
        this.flags = flags;
        this.workflow = workflow;
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * One round; does nothing when neither the data, the settings nor the day changed since the last.
     *
     * @return the messages it queued (flags raised, resolves offered)
     */
    public int run() {
        health.backtest(); // computed once per data version and settings: /nrr health reads its verdict
        if (!health.autoFlagsOn()) {
            return 0;
        }
        Optional<Checkup> c = health.checkup();
        if (c.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String round = System.identityHashCode(c.get()) + "|" + today;
        if (round.equals(lastRound)) {
            return 0;
        }
        Instant now = clock.instant();
        autoFlags.dropStaleClaims(now.minus(STALE_CLAIM));
        HealthModel model = health.model();
        Map<String, AutoFlagStore.Open> open = new HashMap<>();
        for (AutoFlagStore.Open o : autoFlags.open()) {
            Optional<Flag> f = o.flagId() == null ? Optional.empty() : flags.find(o.flagId());
            if (o.flagId() != null && (f.isEmpty() || !f.get().isActive())) {
                autoFlags.closed(o.id()); // resolved by its owner: the account and function may be flagged again
                continue;
            }
            open.put(o.accountId() + "|" + o.function().code(), o);
        }
        int raised = 0;
        for (HealthScore s : c.get().scores()) {
            Map<BusinessFunction, List<AutoFlagRule.Trigger>> triggers = AutoFlagRule.triggers(s,
                    c.get().scoreBefore(s.accountId()),
                    c.get().arrCents(s.accountId()), model);
            for (Map.Entry<BusinessFunction, List<AutoFlagRule.Trigger>> e : triggers.entrySet()) {
                AutoFlagStore.Open existing = open.remove(s.accountId() + "|" + e.getKey().code());
                if (existing == null) {
                    raised += raise(s, e.getKey(), e.getValue(), model, now) ? 1 : 0;
                } else {
                    addTo(existing, e.getValue(), model);
                }
            }
        }
        // what is left open had no trigger this round: its signals may have recovered
        int offered = 0;
        for (AutoFlagStore.Open o : open.values()) {
            offered += recover(o, c.get().of(o.accountId()), model, today, now) ? 1 : 0;
        }
        lastRound = round;
        if (raised > 0) {
            log.info("health score: {} automatic flags raised", raised);
        }
        return raised + offered;
    }

    private boolean raise(HealthScore s, BusinessFunction f, List<AutoFlagRule.Trigger> triggers, HealthModel model, Instant now) {
        Optional<AccountFacts> facts = accounts.facts(s.accountId());
        if (facts.isEmpty()) {
            return false;
        }
        Set<HealthComponent> parts = triggers.stream().map(t -> t.part().component())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(HealthComponent.class)));
        String evidence = evidence(s, triggers, model);
        Optional<Long> claim = autoFlags.claim(s.accountId(), f, parts, evidence, now);
        if (claim.isEmpty()) {
            return false;
        }
        try {
            Flag flag = workflow.flag(facts.get(), f, null, evidence, null, null, Flag.AUTOMATIC);
            autoFlags.attach(claim.get(), flag.id());
            return true;
        } catch (RuntimeException e) {
            autoFlags.release(claim.get());
            log.error("could not raise an automatic flag", e);
            return false;
        }
    }

    /** "Health 38 (at risk). usage trend 0 (below 40): usage -46% over 90 days (...)". */
    static String evidence(HealthScore s, List<AutoFlagRule.Trigger> triggers, HealthModel model) {
        StringBuilder b = new StringBuilder("Health " + s.health() + " (" + s.band().label() + ") on " + s.asOf() + ". ");
        for (int i = 0; i < triggers.size(); i++) {
            b.append(i == 0 ? "" : "; ").append(triggers.get(i).describe(model));
        }
        return b.append('.').toString();
    }

    /** A new part triggering on an account and function already flagged: it joins the open flag, without another DM. */
    private void addTo(AutoFlagStore.Open o, List<AutoFlagRule.Trigger> triggers, HealthModel model) {
        Set<HealthComponent> parts = EnumSet.copyOf(o.components());
        boolean added = false;
        for (AutoFlagRule.Trigger t : triggers) {
            added |= parts.add(t.part().component());
        }
        if (o.recoveredSince() != null) {
            autoFlags.recoveredSince(o.id(), null);
        }
        if (added) {
            StringBuilder more = new StringBuilder(o.evidence());
            for (AutoFlagRule.Trigger t : triggers) {
                if (!o.components().contains(t.part().component())) {
                    more.append(" Then: ").append(t.describe(model)).append('.');
                }
            }
            autoFlags.update(o.id(), parts, more.toString());
        }
    }

    /** Whether it offered the owner to resolve. */
    private boolean recover(AutoFlagStore.Open o, Optional<HealthScore> now, HealthModel model, LocalDate today, Instant at) {
        if (now.isPresent() && !AutoFlagRule.recovered(now.get(), o.components(), model)) {
            if (o.recoveredSince() != null) {
                autoFlags.recoveredSince(o.id(), null);
            }
            return false;
        }
        if (o.recoveredSince() == null) {
            autoFlags.recoveredSince(o.id(), today);
            return false;
        }
        long days = ChronoUnit.DAYS.between(o.recoveredSince(), today);
        if (days < model.recoverDays() || o.resolveOfferedAt() != null || o.flagId() == null) {
            return false;
        }
        Optional<Flag> f = flags.find(o.flagId());
        if (f.isEmpty() || f.get().assignee() == null) {
            return false;
        }
        String name = accounts.name(o.accountId());
        outbox.enqueue(FlagWorkflow.dm("flag:" + f.get().id() + ":recovered:" + o.recoveredSince(), f.get().assignee(),
                FlagBlocks.recoveredDm(FlagMessages.recovered(o.function(), name, (int) days), f.get(), name, at, zone)), at);
        autoFlags.resolveOffered(o.id(), at);
        return true;
    }
}
