package dev.nrrbot.serve.cli;

import dev.nrrbot.serve.Bot;
import dev.nrrbot.platform.slack.SlackServer;
import dev.nrrbot.platform.Settings;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the Slack app: /nrr, the Share button and the App Home tab on " + SlackServer.EVENTS_PATH
                + ", GET /health.",
                "Environment: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (required), PORT (default 3000), NRR_ADMINS"
                        + " (comma-separated member ids), NRR_TIMEZONE, NRR_DATABASE_URL, NRR_MIN_GROUP_SIZE (default 5),"
                        + " NRR_OPS_ADDRESS (HOST:PORT for /health, /ready and /metrics), NRR_JOB_PERIOD_SECONDS,"
                        + " NRR_OUTBOX_LEASE_SECONDS, SLACK_API_URL; SLACK_APP_TOKEN with --socket-mode.",
                "Exit codes: 2 for a setting to fix (a port in use, a token Slack refuses), 1 when Slack cannot be reached."})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Mixin
    DatabaseOption db;

    @CommandLine.Option(names = "--socket-mode",
            description = "Connect to Slack over Socket Mode (needs SLACK_APP_TOKEN, xapp-...): no public URL needed."
                    + " /health, /ready and /metrics are still served on PORT.")
    boolean socketMode;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment the settings are read from: the process's, or a test's. */
    private final Map<String, String> environment;
    private volatile boolean stopping;

    ServeCommand() {
        this(System.getenv());
    }

    ServeCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        Settings settings;
        try {
            settings = Settings.fromEnvironment(environment, socketMode ? Settings.Needs.SERVE_SOCKET_MODE : Settings.Needs.SERVE);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("nrr-bot: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        Optional<ServeStart> busy = ServeStart.portsFree(settings, socketMode);
        if (busy.isPresent()) {
            return refuse(busy.get());
        }
        Database database = db.database(settings);
        Bot bot;
        try {
            bot = Bot.start(settings, database, new JdbiRevenueStore(database, java.time.Clock.systemUTC()),
                    Bot.Timing.production(settings.timezone(), settings.jobPeriod(), settings.outboxLease()),
                    socketMode ? new Bot.Mode(settings.appToken()) : Bot.Mode.HTTP);
        } catch (IllegalStateException | IllegalArgumentException e) {
            database.close();
            return refuse(ServeStart.of(e, settings, socketMode));
        }
        // SIGTERM: stop taking requests, finish those in flight and the outbox round, then exit
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            org.slf4j.LoggerFactory.getLogger(ServeCommand.class).info("shutting down: draining requests and the outbox");
            bot.close();
        }, "nrr-shutdown"));
        if (socketMode) {
            spec.commandLine().getOut().printf("nrr-bot is connected to Slack over Socket Mode; /health, /ready and /metrics on"
                    + " http://0.0.0.0:%d%n", settings.port());
        } else {
            spec.commandLine().getOut().printf("nrr-bot is answering Slack on http://0.0.0.0:%d%s (/health, /ready, /metrics)%n",
                    settings.port(), SlackServer.EVENTS_PATH);
        }
        spec.commandLine().getOut().flush();
        bot.join();
        if (!stopping) {
            // the server stopped though nobody asked it to: never a quiet exit 0 for a bot that answers nothing
            spec.commandLine().getErr().println("nrr-bot: the server stopped on its own; the log above says why");
            return Main.UNEXPECTED;
        }
        return 0;
    }

    private int refuse(ServeStart why) {
        spec.commandLine().getErr().println("nrr-bot: " + why.line());
        return why.exit();
    }
}
