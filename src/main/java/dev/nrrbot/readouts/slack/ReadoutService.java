package dev.nrrbot.readouts.slack;

import dev.nrrbot.comp.CompStore;
import dev.nrrbot.comp.Scorecard;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.ReportUnavailable;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.metrics.WindowSpec;
import dev.nrrbot.outbox.OutboxMessage;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.slack.MessageBody;
import dev.nrrbot.platform.slack.Reply;
import dev.nrrbot.readouts.ReadoutCalendar;
import dev.nrrbot.readouts.ReadoutStore;
import dev.nrrbot.readouts.Schedule;
import dev.nrrbot.readouts.render.ChartRenderer;
import dev.nrrbot.readouts.render.Charts;
import dev.nrrbot.readouts.render.Readout;
import dev.nrrbot.readouts.render.Readouts;
import dev.nrrbot.revenue.PortfolioCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds readouts from the numbers and queues them. Each schedule's readout is posted once per
 * period: across restarts and with several instances on one database (the period's row is claimed in
 * the same transaction that queues the messages). A post missed by less than 24 hours goes out late,
 * once; an older one is skipped with a log line. Charts are drawn only when a readout is queued.
 */
public final class ReadoutService {

    private static final Logger log = LoggerFactory.getLogger(ReadoutService.class);

    /** A quarterly readout's preview: the quarter asked for, and its message with no chart drawn. */
    public record Preview(Window quarter, Readout readout) {
    }

    private final int smallGroup;
    private final java.util.function.Function<java.util.function.IntPredicate, List<String>> outlook;
    private final ReadoutStore store;
    private final PortfolioCache cache;
    private final Supplier<List<Flag>> openFlags;
    private final CompStore comp;
    private final Clock clock;
    private final ZoneId configuredZone;
    private final ChartRenderer charts;

    /**
     * @param openFlags      the flags open now, for the weekly readout
     * @param configuredZone NRR_TIMEZONE, or null to use each scheduling user's Slack time zone
     */
    public ReadoutService(ReadoutStore store, PortfolioCache cache, Supplier<List<Flag>> openFlags, CompStore comp, Clock clock,
                          ZoneId configuredZone) {
        this(store, cache, openFlags, comp, clock, configuredZone, Charts.RENDERER);
    }

    /** @param charts draws the charts of a readout when it is queued */
    public ReadoutService(ReadoutStore store, PortfolioCache cache, Supplier<List<Flag>> openFlags, CompStore comp, Clock clock,
                          ZoneId configuredZone, ChartRenderer charts) {
        this(store, cache, openFlags, comp, clock, configuredZone, charts, dev.nrrbot.access.Policy.DEFAULT_MIN_GROUP_SIZE);
    }

    /**
     * @param smallGroup readout lines about fewer accounts than this show no amounts, unless the
     *                   schedule's channel was allowed account names ({@code Policy.minGroupSize})
     */
    public ReadoutService(ReadoutStore store, PortfolioCache cache, Supplier<List<Flag>> openFlags, CompStore comp, Clock clock,
                          ZoneId configuredZone, ChartRenderer charts, int smallGroup) {
        this(store, cache, openFlags, comp, clock, configuredZone, charts, smallGroup, seesGroup -> List.of());
    }

    /**
     * @param outlook the weekly readout's lines on what is ahead, given which group sizes may show
     *                amounts (the quarter-end forecast, the at-risk ARR per function)
     */
    public ReadoutService(ReadoutStore store, PortfolioCache cache, Supplier<List<Flag>> openFlags, CompStore comp, Clock clock,
                          ZoneId configuredZone, ChartRenderer charts, int smallGroup,
                          java.util.function.Function<java.util.function.IntPredicate, List<String>> outlook) {
        this.outlook = outlook;
        this.smallGroup = smallGroup;
        this.store = store;
        this.cache = cache;
        this.openFlags = openFlags;
        this.comp = comp;
        this.clock = clock;
        this.configuredZone = configuredZone;
        this.charts = charts;
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
            String key = "readout:" + s.id() + ":" + o.periodKey();
            try {
                Readout r = build(s, o, now);
                if (store.claim(s.id(), o, now, "posted", r.nrrMicros(), r.messages(key, s.channelId(), null, null, charts))) {
                    posted++;
                }
            } catch (ReportUnavailable e) {
                store.claim(s.id(), o, now, "no data", null, List.of(notice(Readout.messageKey(key), s.channelId(),
                        "No readout this time", "No readout this time: " + e.getMessage())));
            } catch (RuntimeException e) {
                // the next run tries again; the other schedules go out meanwhile
                log.error("readout #{} for {} failed", s.id(), o.periodKey(), e);
            }
        }
        return posted;
    }

    private Readout build(Schedule s, ReadoutCalendar.Occurrence o, Instant now) {
        NrrEngine e = cache.engine();
        if (s.kind() == Schedule.Kind.REASONS) {
            return Readouts.reasons(e, s.cadence(), s.showNames() ? 0 : smallGroup);
        }
        // what is new since this schedule's previous readout (a week, for its first)
        Instant since = store.lastPostedAt(s.id()).orElse(o.dueAt().minus(Duration.ofDays(7)));
        return Readouts.weekly(e, store.lastPostedNrr(s.id()).orElse(null),
                store.monthsImportedBetween(since, now), s.showNames(), openFlags.get(), now,
                s.showNames() ? 0 : smallGroup, outlook(s.showNames() ? 0 : smallGroup));
    }

    /**
     * The readout of one kind now, for the command line's {@code post}. {@code window}: none for weekly;
     * for reasons weekly or monthly (or none: the latest three months), or a window such as 2026-Q3 whose
     * reasons it shows; a quarter for quarterly. Anything else is refused, never replaced by another period.
     */
    public Readout now(String kind, String window, boolean showNames) {
        if ("weekly".equals(kind) && window != null) {
            throw new IllegalArgumentException("the weekly readout takes no window, not '" + window + "'");
        }
        NrrEngine e = cache.engine();
        if ("reasons".equals(kind) && window != null && !window.equals("weekly") && !window.equals("monthly")) {
            Window w = e.window(WindowSpec.parse(window)); // a window that is not one: IllegalArgumentException
            return Readouts.reasons(e, w, showNames ? 0 : smallGroup);
        }
        Instant now = clock.instant();
        return switch (kind) {
            case "weekly" -> Readouts.weekly(e, null, store.monthsImportedBetween(now.minus(Duration.ofDays(7)), now), showNames,
                    openFlags.get(), now, showNames ? 0 : smallGroup, outlook(showNames ? 0 : smallGroup));
            case "reasons" -> Readouts.reasons(e, "monthly".equals(window) ? Schedule.Cadence.MONTHLY : Schedule.Cadence.WEEKLY,
                    showNames ? 0 : smallGroup);
            case "quarterly" -> quarterly(e, e.window(window == null ? "last quarter" : window), null, null);
            default -> throw new IllegalArgumentException("unknown readout '" + kind + "': use weekly, reasons or quarterly");
        };
    }

    /** What is ahead, for a readout whose lines about fewer accounts than {@code smallGroup} show no amounts. */
    private List<String> outlook(int smallGroup) {
        return outlook.apply(n -> n >= smallGroup);
    }

        /** The preview of a quarter's readout, without commentary: the numbers read once, no chart drawn. */
    public Preview preview(WindowSpec quarter, String leaderId) {
        NrrEngine e = cache.engine();
        Window w = e.window(quarter);
        return new Preview(w, quarterly(e, w, null, leaderId));
    }

    /**
     * The quarter a preview was for, checked before its post is acknowledged: a calendar quarter that
     * still has data. Throws {@link IllegalArgumentException} or {@link ReportUnavailable} with a sentence.
     */
    public Window requirePostable(WindowSpec quarter) {
        NrrEngine e = cache.engine();
        Window w = e.window(quarter);
        requireQuarter(w);
        e.report(w, Segment.ALL);
        return w;
    }

    /** A quarter's readout (charts not drawn); the quarter must be a calendar quarter. */
    public Readout quarterly(Window quarter, String commentary, String leaderId) {
        return quarterly(cache.engine(), quarter, commentary, leaderId);
    }

    private Readout quarterly(NrrEngine e, Window quarter, String commentary, String leaderId) {
        requireQuarter(quarter);
        Instant from = quarter.start().plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = quarter.end().plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Scorecard card = Scorecard.of(e.report(quarter, Segment.ALL), comp.plan(quarter.label()));
        return Readouts.quarterly(e, quarter, store.flagCounts(from, to), commentary, leaderId, card, smallGroup);
    }

    private static void requireQuarter(Window quarter) {
        if (quarter.months() != 3 || !quarter.label().contains("Q")) {
            throw new IllegalArgumentException("a quarterly readout needs a quarter such as 2026-Q3, not " + quarter.label());
        }
    }

    /**
     * Draws the readout's charts and queues it for a channel, once per key: false, and nothing drawn,
     * when that key was queued before (a double submit, a retry, or another instance).
     */
    public boolean post(Readout r, String key, String channel, String username, String iconUrl) {
        if (store.queued(Readout.messageKey(key))) {
            return false;
        }
        return store.queue(r.messages(key, channel, username, iconUrl, charts), clock.instant());
    }

    /** Queues a short notice to a person or channel, once per key. */
    public boolean tell(String recipient, String key, String sentence) {
        return store.queue(List.of(notice(key, recipient, sentence, sentence)), clock.instant());
    }

    private static OutboxMessage notice(String key, String recipient, String text, String sentence) {
        return new OutboxMessage(key, OutboxMessage.POST_MESSAGE, recipient, MessageBody.json(BlockKit.escape(text),
                Reply.notice(sentence).blocks(), null));
    }
}
