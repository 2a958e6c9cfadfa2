package dev.nrrbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.nrrbot.access.Access;
import dev.nrrbot.slack.actions.HomeButtons;
import dev.nrrbot.slack.actions.ShareAnswer;
import dev.nrrbot.slack.commands.NrrCommand;
import dev.nrrbot.slack.events.HomeTab;
import dev.nrrbot.slack.middleware.FreshRequests;
import dev.nrrbot.slack.web.Health;
import dev.nrrbot.store.RevenueStore;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Builds the Bolt app and wires one small listener class per command, action and event. */
public final class NrrSlackApp {

    private NrrSlackApp() {
    }

    /** What the listeners share. {@code background} runs work that continues after the 3-second ack. */
    public record Services(Answers answers, Access access, PortfolioCache cache, RevenueStore store,
                           ExecutorService background, Clock clock) {
    }

    public static App build(SlackSettings settings, Services services) {
        SlackConfig slackConfig = new SlackConfig();
        if (settings.apiUrl() != null) {
            slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl());
        }
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .slack(Slack.getInstance(slackConfig))
                .build();
        App app = new App(config);
        register(app, services);
        return app;
    }

    static void register(App app, Services services) {
        app.use(new FreshRequests(services.clock()));
        NrrCommand.register(app, services);
        ShareAnswer.register(app, services);
        HomeButtons.register(app, services);
        HomeTab.register(app, services);
        Health.register(app, services);
    }

    public static ExecutorService backgroundPool() {
        return Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "nrr-slack-worker");
            t.setDaemon(true);
            return t;
        });
    }
}
