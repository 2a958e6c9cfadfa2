package dev.nrrbot.serve;

import dev.nrrbot.platform.Settings;
import dev.nrrbot.platform.slack.SlackServer;

import dev.nrrbot.demo.SyntheticCompany;
import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import dev.nrrbot.revenue.RevenueStore;
import dev.nrrbot.platform.db.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The real bot as Slack sees it: the real Bolt app on bolt-jetty on a free port, a real database
 * (an H2 file, or a PostgreSQL schema: see {@link TestDatabase}) with a small synthetic company in it,
 * and a fake Slack Web API over HTTP.
 */
public final class RunningBot implements AutoCloseable {

    public static final String SECRET = "test-signing-secret-8f2c";
    public static final String ADMIN = "U0ADMIN";

    public final FakeSlack slack;
    public final SlackServer server;
    public final SignedClient client;
    public final RevenueStore store;
    public final Database db;
    public final Bot bot;
    public final MovableClock clock;
    /** The database this bot owns and drops on {@link #close()}, or null when the test passed its own. */
    private final TestDatabase owned;

    private RunningBot(FakeSlack slack, Bot bot, RevenueStore store, Database db, MovableClock clock, TestDatabase owned) {
        this.slack = slack;
        this.bot = bot;
        this.server = bot.server;
        this.client = new SignedClient(bot.port(), SECRET);
        this.store = store;
        this.db = db;
        this.clock = clock;
        this.owned = owned;
    }

    /** Starts the bot on the synthetic company (300 accounts, 24 months to 2026-10), in a database of its own. */
    public static RunningBot start(Path dir) throws Exception {
        return start(dir, s -> s);
    }

    /** As {@link #start(Path)}, with more environment for the bot (NRR_OPS_ADDRESS, say). */
    public static RunningBot start(Path dir, Map<String, String> env) throws Exception {
        TestDatabase database = TestDatabase.file(dir.resolve("nrr"));
        try {
            return start(dir, database, s -> s, database, null, null, env);
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    /** As {@link #start(Path)}, with a chance to wrap the store (to slow it down, say). */
    public static RunningBot start(Path dir, UnaryOperator<RevenueStore> wrap) throws Exception {
        return startOwning(dir, wrap, null, null);
    }

    /** In Socket Mode: {@code slackReady} lets the test point apps.connections.open at its WebSocket server. */
    public static RunningBot startSocketMode(Path dir, java.util.function.Consumer<FakeSlack> slackReady) throws Exception {
        return startOwning(dir, s -> s, "xapp-1-test-app-token", slackReady);
    }

    private static RunningBot startOwning(Path dir, UnaryOperator<RevenueStore> wrap, String appToken,
                                          java.util.function.Consumer<FakeSlack> slackReady) throws Exception {
        TestDatabase database = TestDatabase.file(dir.resolve("nrr"));
        try {
            return start(dir, database, wrap, database, appToken, slackReady, Map.of());
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    /**
     * Starts the bot on {@code database}, which the caller closes: a second start on it is a restart that
     * finds the company (and the queued messages) where the first left them.
     */
    public static RunningBot start(Path dir, TestDatabase database) throws Exception {
        return start(dir, database, s -> s, null, null, null, Map.of());
    }

    private static RunningBot start(Path dir, TestDatabase database, UnaryOperator<RevenueStore> wrap, TestDatabase owned,
                                    String appToken, java.util.function.Consumer<FakeSlack> slackReady, Map<String, String> more)
            throws Exception {
        Database db = database.open();
        // Monday 2026-11-23 10:00 UTC; the follow-up schedule is driven by the test, delivery runs on its own.
        // The store stamps imports with it too, so "this week" in a readout is the clock's week, not the machine's.
        MovableClock clock = new MovableClock(START);
        RevenueStore real = new JdbiRevenueStore(db, clock);
        if (real.importedFiles().isEmpty()) {
            SyntheticCompany.Files3 files = new SyntheticCompany(300, YearMonth.of(2026, 10), 24, 11L).writeTo(dir.resolve("csv"));
            Importer importer = new Importer(real);
            importer.run(ImportKind.ACCOUNTS, files.accounts(), ImportOptions.DEFAULTS, null);
            importer.run(ImportKind.MRR, files.mrr(), ImportOptions.DEFAULTS, null);
            importer.run(ImportKind.REASONS, files.reasons(), ImportOptions.DEFAULTS, null);
        }
        RevenueStore store = wrap.apply(real);
        FakeSlack slack = new FakeSlack();
        if (slackReady != null) {
            slackReady.accept(slack);
        }
        java.util.Map<String, String> env = new java.util.HashMap<>(Map.of(
                "SLACK_BOT_TOKEN", "xoxb-test-token", "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", slack.apiUrl(), "PORT", Integer.toString(freePort()), "NRR_ADMINS", ADMIN));
        if (appToken != null) {
            env.put("SLACK_APP_TOKEN", appToken);
        }
        env.putAll(more);
        Settings settings = Settings.fromEnvironment(env, appToken != null);
        Bot bot = Bot.start(settings, db, store, new Bot.Timing(clock, java.time.ZoneOffset.UTC,
                java.time.Duration.ofMillis(100), null), appToken == null ? Bot.Mode.HTTP : new Bot.Mode(appToken));
        return new RunningBot(slack, bot, store, db, clock, owned);
    }

    /** {@code /nrr TEXT} from {@code user}, signed as Slack signs it: the ephemeral answer; anything but HTTP 200 fails. */
    public com.google.gson.JsonObject ask(String user, String text) throws Exception {
        java.net.http.HttpResponse<String> r = client.command(user, text, slack.responseUrl("cmd"));
        if (r.statusCode() != 200) {
            throw new AssertionError("/nrr " + text + " answered HTTP " + r.statusCode() + ": " + r.body());
        }
        return com.google.gson.JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** Where the clock starts: Monday 2026-11-23 10:00 UTC. */
    public static final java.time.Instant START = java.time.Instant.parse("2026-11-23T10:00:00Z");

    /**
     * Back to how the bot started, for a class that shares one bot between its tests: the background
     * work finished, no roles, owners, flags, schedules, settings or queued messages, the clock at
     * {@link #START}, no recorded Slack calls. The revenue data stays as imported.
     */
    public void reset() throws InterruptedException {
        if (!bot.awaitIdle(java.time.Duration.ofSeconds(20))) {
            throw new AssertionError("the bot did not become idle before the reset");
        }
        db.jdbi().useTransaction(h -> {
            for (String table : java.util.List.of("flag_event", "risk_flag", "outbox", "reason_request", "slack_user_email",
                    "function_owner", "slack_role", "app_setting", "readout_run", "readout_schedule", "comp_setting_history",
                    "comp_setting", "slack_request", "function_member", "taxonomy_change", "setting_change", "auto_flag")) {
                h.execute("DELETE FROM " + table);
            }
        });
        clock.set(START);
        slack.reset();
    }

    /** The engine over the same data, to compute what the answers must say. */
    public NrrEngine engine() {
        return new NrrEngine(store.loadPortfolio());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            bot.close();
            slack.close();
            db.close();
        } finally {
            if (owned != null) {
                owned.close();
            }
        }
    }
}
