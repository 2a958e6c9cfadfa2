package dev.nrrbot.cli;

import dev.nrrbot.access.Access;
import dev.nrrbot.access.JdbiAccessStore;
import dev.nrrbot.slack.Answers;
import dev.nrrbot.slack.NrrSlackApp;
import dev.nrrbot.slack.PortfolioCache;
import dev.nrrbot.slack.SlackServer;
import dev.nrrbot.slack.SlackSettings;
import dev.nrrbot.store.Database;
import dev.nrrbot.store.JdbiRevenueStore;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the Slack app: /nrr, the Share button and the App Home tab on " + SlackServer.EVENTS_PATH
                + ", GET /health.",
                "Environment: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (required), PORT (default 3000),"
                        + " NRR_ADMINS (Slack user ids), SLACK_API_URL (optional), NRR_DATABASE_URL."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database (default: $NRR_DATABASE_URL, else " + Database.DEFAULT_URL + ").")
    String url;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        SlackSettings settings;
        try {
            settings = SlackSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("nrr-bot: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        Database db = Database.open(Database.resolveUrl(url));
        JdbiRevenueStore store = new JdbiRevenueStore(db);
        PortfolioCache cache = new PortfolioCache(store);
        cache.engine(); // load the numbers before taking requests, so the first /nrr is answered at once
        Access access = new Access(new JdbiAccessStore(db), settings.admins());
        ExecutorService background = NrrSlackApp.backgroundPool();
        NrrSlackApp.Services services = new NrrSlackApp.Services(new Answers(cache, access), access, cache, store,
                background, Clock.systemUTC());
        SlackServer server;
        try {
            server = SlackServer.start(NrrSlackApp.build(settings, services), settings.port());
        } catch (IllegalStateException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("nrr-bot: the Slack app could not start: " + e.getMessage()
                    + "\n  Check SLACK_BOT_TOKEN (Bot User OAuth Token, xoxb-...) and that Slack is reachable.");
            background.shutdownNow();
            cache.close();
            return Main.DATA_PROBLEM;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            background.shutdown();
            cache.close();
        }, "nrr-shutdown"));
        spec.commandLine().getOut().printf("nrr-bot is answering Slack on http://0.0.0.0:%d%s (health: /health)%n",
                settings.port(), SlackServer.EVENTS_PATH);
        spec.commandLine().getOut().flush();
        server.join();
        return 0;
    }
}
