package dev.nrrbot.readouts.slack;

import dev.nrrbot.readouts.render.Readout;
import dev.nrrbot.readouts.ReadoutCalendar;
import dev.nrrbot.readouts.db.ReadoutStore;
import dev.nrrbot.readouts.Schedule;
import dev.nrrbot.readouts.render.Readouts;

import dev.nrrbot.flags.db.FlagStore;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.ReportUnavailable;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.outbox.db.Outbox;
import dev.nrrbot.outbox.OutboxMessage;
import dev.nrrbot.revenue.PortfolioCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each schedule's readout once per period: across restarts and with several instances on one
 * database (the period's row is claimed in the same transaction that queues the messages). A post
 * missed by less than 24 hours goes out late, once; an older one is skipped with a log line.
 */
public final class ReadoutService {

    private static final Logger log = LoggerFactory.getLogger(ReadoutService.class);

    private final ReadoutStore store;
    private final PortfolioCache cache;
    private final FlagStore flags;
    private final Jdbi jdbi;
    private final Clock clock;
    private final ZoneId configuredZone;
    private final dev.nrrbot.comp.CompStore comp;

    /** @param configuredZone NRR_TIMEZONE, or null to use each scheduling user's Slack time zone */
    public ReadoutService(ReadoutStore store, PortfolioCache cache, FlagStore flags, Jdbi jdbi, Clock clock, ZoneId configuredZone) {
        this(store, cache, flags, jdbi, clock, configuredZone, new dev.nrrbot.comp.db.JdbiCompStore(jdbi));
    }

    public ReadoutService(ReadoutStore store, PortfolioCache cache, FlagStore flags, Jdbi jdbi, Clock clock, ZoneId configuredZone,
                          dev.nrrbot.comp.CompStore comp) {
        this.comp = comp;
        this.store = store;
        this.cache = cache;
        this.flags = flags;
        this.jdbi = jdbi;
        this.clock = clock;
        this.configuredZone = configuredZone;
    }

    public ReadoutStore store() {
        return store;
    }

    public Optional<ZoneId> configuredZone() {
        return Optional.ofNullable(configuredZone);
    }

    /** Handles every schedule whose latest occurrence has not been handled; returns how many were posted. */
    public int runDue() {
        Instant now = clock.instant();
        int posted = 0;
        for (Schedule s : store.active()) {
            Optional<ReadoutCalendar.Occurrence> due = ReadoutCalendar.latest(s, now);
            if (due.isEmpty() || due.get().dueAt().isBefore(s.createdAt()) || store.handled(s.id(), due.get().periodKey())) {
                continue;
            }
            ReadoutCalendar.Occurrence o = due.get();
            if (o.tooLate(now)) {
                if (store.claim(s.id(), o, now, "skipped", null, List.of())) {
                    log.info("skipped readout #{} for {}: {} hours late (the limit is {} hours)", s.id(), o.periodKey(),
                            Duration.between(o.dueAt(), now).toHours(), ReadoutCalendar.CATCH_UP.toHours());
                }
                continue;
            }
            try {
                Readout r = build(s, o, now);
                if (store.claim(s.id(), o, now, "posted", r.nrrMicros(), r.messages("readout:" + s.id() + ":" + o.periodKey(),
                        s.channelId(), null, null))) {
                    posted++;
                }
            } catch (ReportUnavailable e) {
                store.claim(s.id(), o, now, "no data", null, List.of(new OutboxMessage("readout:" + s.id() + ":" + o.periodKey()
                        + ":message", OutboxMessage.POST_MESSAGE, s.channelId(), dev.nrrbot.platform.slack.MessageBody.json(
                        "No readout this time", dev.nrrbot.platform.slack.Reply.notice("No readout this time: " + e.getMessage()).blocks(), null))));
            }
        }
        return posted;
    }

    Readout build(Schedule s, ReadoutCalendar.Occurrence o, Instant now) {
        NrrEngine e = cache.engine();
        if (s.kind() == Schedule.Kind.REASONS) {
            return Readouts.reasons(e, s.cadence());
        }
        return Readouts.weekly(e, store.lastPostedNrr(s.id()).orElse(null),
                store.monthsImportedBetween(o.dueAt().minus(Duration.ofDays(7)), now), s.showNames(), flags.active(), now);
    }

    /** The readout of one kind now, for the command line's {@code post}. */
    public Readout now(String kind, String window, boolean showNames) {
        NrrEngine e = cache.engine();
        Instant now = clock.instant();
        return switch (kind) {
            case "weekly" -> Readouts.weekly(e, null, store.monthsImportedBetween(now.minus(Duration.ofDays(7)), now), showNames,
                    flags.active(), now);
            case "reasons" -> Readouts.reasons(e, "monthly".equals(window) ? Schedule.Cadence.MONTHLY : Schedule.Cadence.WEEKLY);
            case "quarterly" -> quarterly(e.window(window == null ? "last quarter" : window), null, null);
            default -> throw new IllegalArgumentException("unknown readout '" + kind + "': use weekly, reasons or quarterly");
        };
    }

    /** A quarter's readout; the quarter must be a calendar quarter. */
    public Readout quarterly(Window quarter, String commentary, String leaderId) {
        if (quarter.months() != 3 || !quarter.label().contains("Q")) {
            throw new IllegalArgumentException("a quarterly readout needs a quarter such as 2026-Q3, not " + quarter.label());
        }
        Instant from = quarter.start().plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant to = quarter.end().plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        NrrEngine e = cache.engine();
        dev.nrrbot.comp.CompStore.Plan plan = comp.plan(quarter.label());
        dev.nrrbot.comp.Scorecard card = dev.nrrbot.comp.Scorecard.of(e.report(quarter, dev.nrrbot.metrics.Segment.ALL),
                plan.companyTarget(), plan.curve(), plan.weights(), plan.functionTargets());
        return Readouts.quarterly(e, quarter, store.flagCounts(from, to), commentary, leaderId, card);
    }

    /** Queues a readout for a channel (once per key). */
    public void post(Readout r, String key, String channel, String username, String iconUrl) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            for (OutboxMessage m : r.messages(key, channel, username, iconUrl)) {
                Outbox.enqueue(h, m, now);
            }
        });
    }
}
