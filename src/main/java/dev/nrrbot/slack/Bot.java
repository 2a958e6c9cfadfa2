package dev.nrrbot.slack;

import com.slack.api.Slack;
import dev.nrrbot.access.Access;
import dev.nrrbot.access.JdbiAccessStore;
import dev.nrrbot.flags.FlagService;
import dev.nrrbot.flags.FlagStore;
import dev.nrrbot.outbox.Outbox;
import dev.nrrbot.outbox.OutboxDelivery;
import dev.nrrbot.outbox.OutboxPump;
import dev.nrrbot.store.Database;
import dev.nrrbot.store.RevenueStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Everything {@code serve} runs, assembled in one place: the numbers, roles, flags, the outbox and
 * its delivery, the follow-up schedule, and the Bolt app on Jetty.
 */
public final class Bot implements AutoCloseable {

    /** How the background work runs: tests turn the schedule off and move a clock instead. */
    public record Timing(Clock clock, ZoneId configuredZone, Duration deliveryPeriod, Duration followUpPeriod) {
        /** @param configuredZone NRR_TIMEZONE, or null (UTC for follow-ups, each user's zone for schedules) */
        public static Timing production(ZoneId configuredZone) {
            return new Timing(Clock.systemUTC(), configuredZone, Duration.ofSeconds(2), Duration.ofSeconds(30));
        }

        public ZoneId zone() {
            return configuredZone == null ? java.time.ZoneOffset.UTC : configuredZone;
        }
    }

    public final NrrSlackApp.Services services;
    public final SlackServer server;
    public final OutboxDelivery delivery;
    public final Outbox outbox;
    private final PortfolioCache cache;
    private final ExecutorService background;
    private final OutboxPump pump;
    private final PeriodicJobs scheduler;

    private Bot(NrrSlackApp.Services services, SlackServer server, OutboxDelivery delivery, Outbox outbox, PortfolioCache cache,
                ExecutorService background, OutboxPump pump, PeriodicJobs scheduler) {
        this.services = services;
        this.server = server;
        this.delivery = delivery;
        this.outbox = outbox;
        this.cache = cache;
        this.background = background;
        this.pump = pump;
        this.scheduler = scheduler;
    }

    /** Loads the numbers first (so the first question is answered at once), then opens the port. */
    public static Bot start(SlackSettings settings, Database db, RevenueStore store, Timing timing) {
        Slack slack = NrrSlackApp.slackFor(settings);
        PortfolioCache cache = new PortfolioCache(store);
        cache.engine();
        Access access = new Access(new JdbiAccessStore(db), settings.admins());
        ExecutorService background = NrrSlackApp.backgroundPool();
        Outbox outbox = new Outbox(db.jdbi());
        OutboxDelivery delivery = new OutboxDelivery(outbox, slack, settings.botToken(), timing.clock());
        OutboxPump pump = new OutboxPump(delivery, timing.deliveryPeriod());
        FlagService flags = new FlagService(new FlagStore(db.jdbi()), store, cache, db.jdbi(), slack.methods(settings.botToken()),
                timing.clock(), timing.zone());
        dev.nrrbot.readouts.ReadoutService readouts = new dev.nrrbot.readouts.ReadoutService(
                new dev.nrrbot.readouts.ReadoutStore(db.jdbi()), cache, flags.store(), db.jdbi(), timing.clock(), timing.configuredZone());
        NrrSlackApp.Services services = new NrrSlackApp.Services(new Answers(cache, access, flags), access, cache, store,
                background, timing.clock(), flags, readouts, pump::kick);
        PeriodicJobs scheduler = timing.followUpPeriod() == null ? null
                : new PeriodicJobs(List.of(flags::runFollowUps, flags::runReasonCapture, readouts::runDue), pump::kick,
                timing.followUpPeriod());
        try {
            SlackServer server = SlackServer.start(NrrSlackApp.build(settings, slack, services), settings.port());
            return new Bot(services, server, delivery, outbox, cache, background, pump, scheduler);
        } catch (RuntimeException e) {
            if (scheduler != null) {
                scheduler.close();
            }
            pump.close();
            background.shutdownNow();
            cache.close();
            throw e;
        }
    }

    /** Sends what the outbox holds now (tests; production delivers on its own). */
    public int deliverNow() {
        return delivery.deliverDue();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops taking requests, then lets the background work and the outbox round finish. */
    @Override
    public void close() {
        server.close();
        if (scheduler != null) {
            scheduler.close();
        }
        background.shutdown();
        pump.close();
        cache.close();
    }
}
