package dev.nrrbot.serve;

import dev.nrrbot.platform.SlackSettings;
import dev.nrrbot.numbers.slack.Answers;
import dev.nrrbot.revenue.PortfolioCache;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.nrrbot.access.Access;
import dev.nrrbot.numbers.slack.HomeButtons;
import dev.nrrbot.numbers.slack.ShareAnswer;
import dev.nrrbot.serve.NrrCommand;
import dev.nrrbot.numbers.slack.HomeTab;
import dev.nrrbot.platform.slack.FreshRequests;
import dev.nrrbot.platform.ops.Health;
import dev.nrrbot.revenue.RevenueStore;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Builds the Bolt app and wires one small listener class per command, action and event. */
public final class NrrSlackApp {

    private NrrSlackApp() {
    }

    /** What the listeners share. {@code background} runs work that continues after the 3-second ack. */
    public record Services(Answers answers, Access access, PortfolioCache cache, RevenueStore store,
                           ExecutorService background, Clock clock, dev.nrrbot.flags.slack.FlagService flags,
                           dev.nrrbot.readouts.slack.ReadoutService readouts, dev.nrrbot.comp.db.CompStore comp, Runnable kick) {
    }

    /** The Slack SDK instance for these settings: Bolt, the outbox and lookups share it. */
    public static Slack slackFor(SlackSettings settings) {
        SlackConfig slackConfig = new SlackConfig();
        if (settings.apiUrl() != null) {
            slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl());
        }
        return Slack.getInstance(slackConfig);
    }

    public static App build(SlackSettings settings, Slack slack, Services services, dev.nrrbot.platform.ops.RequestLog requestLog,
                            dev.nrrbot.platform.ops.OpsEndpoints ops) {
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .slack(slack)
                .build();
        App app = new App(config);
        app.use(requestLog);
        register(app, services);
        Health.register(app, ops);
        return app;
    }

    static void register(App app, Services services) {
        // signatures are about real time, not the (movable) clock of follow-ups
        app.use(new FreshRequests(Clock.systemUTC()));
        NrrCommand.register(app, services);
        ShareAnswer.register(app, services);
        HomeButtons.register(app, services);
        HomeTab.register(app, services);
        dev.nrrbot.flags.slack.FlagActions.register(app, services);
        dev.nrrbot.readouts.slack.ReadoutActions.register(app, services);
    }

    public static ExecutorService backgroundPool() {
        return Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "nrr-slack-worker");
            t.setDaemon(true);
            return t;
        });
    }
}
