package dev.nrrbot.serve;

import dev.nrrbot.platform.Settings;
import dev.nrrbot.platform.slack.SlackServer;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.platform.jobs.PeriodicJobs;

import com.slack.api.Slack;
import dev.nrrbot.access.Access;
import dev.nrrbot.access.db.JdbiAccessStore;
import dev.nrrbot.flags.slack.FlagParts;
import dev.nrrbot.outbox.db.Outbox;
import dev.nrrbot.outbox.slack.OutboxDelivery;
import dev.nrrbot.outbox.slack.OutboxPump;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.RevenueStore;
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
    public record Timing(Clock clock, ZoneId configuredZone, Duration deliveryPeriod, Duration followUpPeriod, Duration lease) {
        public Timing(Clock clock, ZoneId configuredZone, Duration deliveryPeriod, Duration followUpPeriod) {
            this(clock, configuredZone, deliveryPeriod, followUpPeriod, OutboxDelivery.DEFAULT_LEASE);
        }

        /**
         * @param configuredZone NRR_TIMEZONE, or null (UTC for follow-ups, each user's zone for schedules)
         * @param jobPeriod      how often follow-ups, reason capture and schedules run (30 s)
         * @param lease          how long an outbox claim holds (60 s)
         */
        public static Timing production(ZoneId configuredZone, Duration jobPeriod, Duration lease) {
            return new Timing(Clock.systemUTC(), configuredZone, Duration.ofSeconds(2), jobPeriod, lease);
        }

        public ZoneId zone() {
            return configuredZone == null ? java.time.ZoneOffset.UTC : configuredZone;
        }
    }

    /** How Slack reaches the bot: over HTTP (Slack calls PORT) or Socket Mode (the bot dials out). */
    public record Mode(String appToken) {
        public static final Mode HTTP = new Mode(null);

        public boolean socket() {
            return appToken != null;
        }
    }

    public final NrrSlackApp.Parts services;
    public final SlackServer server;
    public final dev.nrrbot.platform.ops.Metrics metrics;
    private final dev.nrrbot.platform.ops.RequestLog requestLog;
    private final com.slack.api.bolt.socket_mode.SocketModeApp socketMode;
    private final dev.nrrbot.platform.ops.OpsServer opsServer;
    public final OutboxDelivery delivery;
    public final Outbox outbox;
    private final PortfolioCache cache;
    private final dev.nrrbot.platform.jobs.TrackedExecutor background;
    private final OutboxPump pump;
    private final PeriodicJobs scheduler;
    /** The round that raises flags from the health score (tests run it; production on the schedule). */
    public final dev.nrrbot.health.slack.AutoFlagRound autoFlags;

    private Bot(NrrSlackApp.Parts services, SlackServer server, com.slack.api.bolt.socket_mode.SocketModeApp socketMode,
                dev.nrrbot.platform.ops.OpsServer opsServer, dev.nrrbot.platform.ops.Metrics metrics, dev.nrrbot.platform.ops.RequestLog requestLog,
                OutboxDelivery delivery, Outbox outbox, PortfolioCache cache,
                dev.nrrbot.platform.jobs.TrackedExecutor background, OutboxPump pump, PeriodicJobs scheduler,
                dev.nrrbot.health.slack.AutoFlagRound autoFlags) {
        this.services = services;
        this.server = server;
        this.socketMode = socketMode;
        this.opsServer = opsServer;
        this.metrics = metrics;
        this.requestLog = requestLog;
        this.delivery = delivery;
        this.outbox = outbox;
        this.cache = cache;
        this.background = background;
        this.pump = pump;
        this.scheduler = scheduler;
        this.autoFlags = autoFlags;
    }

    /** Loads the numbers first (so the first question is answered at once), then opens the port. */
    public static Bot start(Settings settings, Database db, RevenueStore store, Timing timing) {
        return start(settings, db, store, timing, Mode.HTTP);
    }

    public static Bot start(Settings settings, Database db, RevenueStore store, Timing timing, Mode mode) {
        Slack slack = NrrSlackApp.slackFor(settings);
        PortfolioCache cache = new PortfolioCache(store);
        try {
            cache.engine();
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
        dev.nrrbot.platform.jobs.TrackedExecutor background = new dev.nrrbot.platform.jobs.TrackedExecutor(NrrSlackApp.backgroundPool());
        Outbox outbox = new Outbox(db.jdbi());
        dev.nrrbot.platform.slack.SlackUrls urls = new dev.nrrbot.platform.slack.SlackUrls(settings.apiUrl());
        OutboxDelivery delivery = new OutboxDelivery(outbox, slack, settings.botToken(), timing.clock(), timing.lease(), urls);
        OutboxPump pump = new OutboxPump(delivery, timing.deliveryPeriod());
        var flagStore = new dev.nrrbot.flags.db.JdbiFlagStore(db.jdbi());
        var directory = new dev.nrrbot.flags.slack.SlackUserDirectory(slack.methods(settings.botToken()),
                new dev.nrrbot.flags.db.SlackUserEmails(db.jdbi()), timing.clock());
        Access access = new Access(new JdbiAccessStore(db, timing.clock()), settings.admins(),
                new dev.nrrbot.access.Policy(settings.minGroupSize()), new dev.nrrbot.flags.AccountScopes(cache, flagStore, directory));
        FlagParts flags = flags(flagStore, directory, access, db, store, cache, outbox, timing);
        dev.nrrbot.comp.CompStore comp = new dev.nrrbot.comp.db.JdbiCompStore(db.jdbi());
        dev.nrrbot.health.HealthCache health = health(db, store, cache, timing);
        dev.nrrbot.readouts.slack.ReadoutService readouts = new dev.nrrbot.readouts.slack.ReadoutService(
                new dev.nrrbot.readouts.db.JdbiReadoutStore(db.jdbi()), cache, flags.store()::active, comp, timing.clock(),
                timing.configuredZone(), dev.nrrbot.readouts.render.Charts.RENDERER, settings.minGroupSize(), Outlooks.weekly(health, store));
        dev.nrrbot.health.slack.AutoFlagRound autoFlags = new dev.nrrbot.health.slack.AutoFlagRound(health, new dev.nrrbot.health.db.JdbiAutoFlagStore(db.jdbi()),
                flagStore, flags.workflow(), flags.accounts(), outbox, timing.clock(), timing.zone());
        // a signature's five minutes are about real time, not the (movable) clock of follow-ups
        NrrSlackApp.Parts services = new NrrSlackApp.Parts(access, cache, store,
                background, timing.clock(), flags, readouts, comp, pump::kick,
                new dev.nrrbot.platform.db.SeenRequests(db, java.time.Clock.systemUTC()), urls, health);
        // DMs held over the day's cap go out in each person's digest, at the owners' digest hour
        dev.nrrbot.outbox.slack.DmDigest digests = new dev.nrrbot.outbox.slack.DmDigest(outbox, timing.clock(), timing.zone(),
                () -> flagStore.cadence(timing.zone()).digestHour());
        PeriodicJobs scheduler = timing.followUpPeriod() == null ? null
                : new PeriodicJobs(List.of(flags.followUps()::run, flags.reasons()::run, readouts::runDue, autoFlags::run, digests::run), pump::kick,
                timing.followUpPeriod());
        dev.nrrbot.platform.slack.CommandTable table = NrrSlackApp.commands(services);
        dev.nrrbot.platform.ops.Metrics metrics = new dev.nrrbot.platform.ops.Metrics();
        metrics.gauge("nrr_outbox_depth", "Messages queued and not yet sent nor given up", outbox::depth);
        metrics.gauge("nrr_outbox_oldest_age_seconds", "Age of the oldest queued message", () -> outbox.oldestPending()
                .map(t -> (double) java.time.Duration.between(t, timing.clock().instant()).toSeconds()).orElse(0.0));
        metrics.gauge("nrr_outbox_unknown", "Messages whose send began and whose outcome is unknown (not sent again)",
                outbox::unknownCount);
        metrics.counter("nrr_delivery_failures", "Failed delivery attempts (retried or given up)", delivery::failureCount);
        metrics.counter("nrr_slack_rate_limited", "Slack answers of HTTP 429", delivery::rateLimitedCount);
        metrics.gauge("nrr_imported_rows", "Rows imported into this database, all imports", () -> (double) store.importedRows());
        metrics.counter("nrr_db_connections_opened", "Physical database connections opened by the pool", db::connectionsOpened);
        metrics.gauge("nrr_db_connections_active", "Pooled database connections in use", () -> db.poolState().active());
        metrics.gauge("nrr_db_connections_idle", "Pooled database connections open and idle", () -> db.poolState().idle());
        dev.nrrbot.platform.ops.RequestLog requestLog = new dev.nrrbot.platform.ops.RequestLog(metrics, table::isCommandWord);
        dev.nrrbot.platform.ops.OpsEndpoints ops = new dev.nrrbot.platform.ops.OpsEndpoints(db, metrics);
        try {
            com.slack.api.bolt.App app = NrrSlackApp.build(settings, slack, services, table, requestLog, ops);
            if (mode.socket()) {
                var socketMode = new com.slack.api.bolt.socket_mode.SocketModeApp(mode.appToken(), app,
                        com.slack.api.socket_mode.SocketModeClient.Backend.Tyrus);
                socketMode.startAsync();
                dev.nrrbot.platform.ops.OpsServer opsServer = settings.opsAddress() != null
                        ? new dev.nrrbot.platform.ops.OpsServer(ops, settings.opsAddress())
                        : new dev.nrrbot.platform.ops.OpsServer(ops, settings.port());
                return new Bot(services, null, socketMode, opsServer, metrics, requestLog, delivery, outbox, cache, background, pump,
                        scheduler, autoFlags);
            }
            dev.nrrbot.platform.ops.OpsServer opsServer = settings.opsAddress() == null ? null
                    : new dev.nrrbot.platform.ops.OpsServer(ops, settings.opsAddress());
            SlackServer server;
            try {
                server = SlackServer.start(app, settings.port(), metrics);
            } catch (RuntimeException e) {
                if (opsServer != null) {
                    opsServer.close();
                }
                throw e;
            }
            return new Bot(services, server, null, opsServer, metrics, requestLog, delivery, outbox, cache, background, pump, scheduler, autoFlags);
        } catch (Exception e) {
            if (scheduler != null) {
                scheduler.close();
            }
            pump.close();
            background.shutdownNow();
            cache.close();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The health score over the signals, its settings, and the caches that keep it quick. */
    static dev.nrrbot.health.HealthCache health(Database db, RevenueStore store, PortfolioCache cache, Timing timing) {
        return new dev.nrrbot.health.HealthCache(signalStore(db), store::dataVersion, () -> cache.engine().portfolio(),
                new dev.nrrbot.health.db.JdbiHealthSettings(db.jdbi(), timing.clock()), timing.clock());
    }

    public static dev.nrrbot.signals.SignalStore signalStore(Database db) {
        return new dev.nrrbot.signals.db.JdbiSignalStore(db.jdbi());
    }

    /** The flag capability: its store, the workflow, the follow-ups and reason capture. */
    private static FlagParts flags(dev.nrrbot.flags.FlagStore flagStore, dev.nrrbot.flags.SlackDirectory directory, Access access,
                                   Database db, RevenueStore store, PortfolioCache cache,
                                   Outbox outbox, Timing timing) {
        var accounts = new dev.nrrbot.flags.Accounts(cache);
        var workflow = new dev.nrrbot.flags.slack.FlagWorkflow(flagStore, accounts, access, timing.clock(), timing.zone());
        return new FlagParts(flagStore, accounts, workflow, directory,
                new dev.nrrbot.flags.slack.FollowUpRound(flagStore, workflow, accounts, outbox, timing.clock(), timing.zone()),
                new dev.nrrbot.flags.slack.ReasonCapture(cache, store, flagStore, new dev.nrrbot.flags.db.ReasonRequests(db.jdbi()),
                        directory, timing.clock(), timing.zone()));
    }

    /** Sends what the outbox holds now (tests; production delivers on its own). */
    public int deliverNow() {
        return delivery.deliverDue();
    }

    /**
     * Waits until nothing is left to do: the work after acks has finished and the outbox holds nothing
     * due (what waits on a Retry-After does not count). Tests call it instead of sleeping; false when
     * {@code timeout} passed first.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (background.awaitIdle(left) && pump.awaitRound(left) && background.busy() == 0
                    && outbox.due(services.clock().instant()) == 0) {
                return true;
            }
            pump.kick();
            Thread.sleep(10); // a message became due while we looked: let the round that was just kicked start
        }
        return false;
    }

    /** Blocks while the bot runs. */
    public void join() throws InterruptedException {
        if (server != null) {
            server.join();
        } else {
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }

    /**
     * Stops taking requests, lets those in flight finish (up to 10 s), stops the schedule, lets the
     * background work and the current outbox round finish, then closes.
     */
    @Override
    public void close() {
        try {
            requestLog.drain(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (server != null) {
            server.close();
        }
        if (socketMode != null) {
            try {
                socketMode.stop();
            } catch (Exception e) {
                // stopping anyway
            }
        }
        if (opsServer != null) {
            opsServer.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        background.shutdown();
        try {
            background.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pump.close();
        cache.close();
    }

    /** The port Slack or the operator reaches: Bolt's HTTP server, or in Socket Mode the ops server. */
    public int port() {
        return server != null ? server.port() : opsServer.port();
    }

    /** Where /health, /ready and /metrics answer: NRR_OPS_ADDRESS's port, else {@link #port()}. */
    public int opsPort() {
        return opsServer != null ? opsServer.port() : port();
    }
}
