package dev.nrrbot.serve;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.nrrbot.access.Access;
import dev.nrrbot.access.slack.AccessCommands;
import dev.nrrbot.comp.CompStore;
import dev.nrrbot.comp.slack.CompCommands;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.FlagStore;
import dev.nrrbot.flags.render.FlagBlocks;
import dev.nrrbot.flags.slack.FlagActions;
import dev.nrrbot.flags.slack.FlagCommands;
import dev.nrrbot.flags.slack.FlagParts;
import dev.nrrbot.ingest.ImportRejected;
import dev.nrrbot.metrics.ReportUnavailable;
import dev.nrrbot.numbers.AccountNotes;
import dev.nrrbot.numbers.slack.HomeTab;
import dev.nrrbot.numbers.slack.NumbersCommands;
import dev.nrrbot.platform.Settings;
import dev.nrrbot.platform.db.SeenRequests;
import dev.nrrbot.platform.ops.Health;
import dev.nrrbot.platform.ops.OpsEndpoints;
import dev.nrrbot.platform.ops.RequestLog;
import dev.nrrbot.platform.slack.Command;
import dev.nrrbot.platform.slack.CommandButtons;
import dev.nrrbot.platform.slack.CommandTable;
import dev.nrrbot.platform.slack.ErrorBoundary;
import dev.nrrbot.platform.slack.NrrSlashCommand;
import dev.nrrbot.platform.slack.ShareButton;
import dev.nrrbot.platform.slack.SlackUrls;
import dev.nrrbot.platform.slack.SlackUrlsOnly;
import dev.nrrbot.platform.slack.TakenOnce;
import dev.nrrbot.readouts.slack.ReadoutActions;
import dev.nrrbot.readouts.slack.ReadoutCommands;
import dev.nrrbot.readouts.slack.ReadoutService;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.revenue.RevenueStore;
import dev.nrrbot.revenue.slack.TaxonomyCommands;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Slack side of the bot, wired in one place: every capability's {@code /nrr} commands in one
 * table, and every capability's listeners registered on one Bolt app.
 */
public final class NrrSlackApp {

    /** Failures whose message is a sentence for the person who asked (no data for a window, a bad value). */
    static final List<Class<? extends RuntimeException>> SENTENCES = List.of(ReportUnavailable.class, ImportRejected.class,
            IllegalArgumentException.class);

    /** What the Slack side is made of. {@code background} runs work that continues after the 3-second ack. */
    public record Parts(Access access, PortfolioCache cache, RevenueStore store, ExecutorService background, Clock clock,
                        FlagParts flags, ReadoutService readouts, CompStore comp, Runnable kick, SeenRequests seen,
                        SlackUrls urls, dev.nrrbot.health.HealthCache health) {
    }

    private NrrSlackApp() {
    }

    /** The Slack SDK instance for these settings: Bolt, the outbox and lookups share it. */
    public static Slack slackFor(Settings settings) {
        SlackConfig slackConfig = new SlackConfig();
        if (settings.apiUrl() != null) {
            slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl());
        }
        return Slack.getInstance(slackConfig);
    }

    /** Every {@code /nrr} command, in the order bare text is offered to them. */
    public static CommandTable commands(Parts p) {
        List<Command<?>> all = new ArrayList<>();
        all.addAll(new NumbersCommands(p.cache(), p.access(), flagNotes(p.flags().store()), healthNotes(p)).commands());
        all.addAll(new AccessCommands(p.access()).commands());
        all.addAll(new FlagCommands(p.flags().workflow(), p.flags().store(), p.flags().accounts(), p.access(), p.store(), p.clock(),
                p.kick()).commands());
        all.addAll(new ReadoutCommands(p.readouts(), p.access(), p.clock()).commands());
        all.addAll(new CompCommands(p.comp(), p.access(), p.cache(), p.clock(), () -> Outlooks.atRiskRenewals(p.health())).commands());
        all.addAll(new dev.nrrbot.ingest.slack.StatusCommands(p.cache(), p.store(), p.access()).commands());
        all.addAll(new TaxonomyCommands(p.access(), p.store(), p.cache()).commands());
        all.addAll(new dev.nrrbot.health.slack.HealthCommands(p.health(), p.access()).commands());
        all.addAll(new dev.nrrbot.renewals.slack.RenewalCommands(p.health(), p.access(), p.flags().store(), p.store()).commands());
        return new CommandTable(all, "summary", SENTENCES);
    }

    /** "Support holds 340k ARR at risk through ticket signals (12 accounts)", under a function's contribution. */
    static dev.nrrbot.numbers.FunctionNotes healthNotes(Parts p) {
        return (f, viewer) -> p.health().checkup().map(c -> {
            var tally = c.atRiskByFunction().get(f);
            int min = p.access().policy().minGroupSize();
            String line = tally == null ? f.label() + " holds no ARR at risk by the health score"
                    : dev.nrrbot.health.render.HealthText.atRiskLine(f, tally,
                    n -> viewer == null ? n >= min : p.access().seesGroupAmounts(viewer, n));
            return ":stethoscope: " + dev.nrrbot.platform.slack.BlockKit.escape(line) + ". Its signals: `/nrr health " + f.code() + "`";
        });
    }

    /** An account's flags and their history, under its revenue history in {@code /nrr account}. */
    static AccountNotes flagNotes(FlagStore flags) {
        return accountId -> {
            List<Flag> accountFlags = flags.forAccount(accountId);
            Map<Long, List<FlagStore.Event>> events = new HashMap<>();
            accountFlags.forEach(f -> events.put(f.id(), flags.history(f.id())));
            return FlagBlocks.historyLines(accountFlags, events);
        };
    }

    public static App build(Settings settings, Slack slack, Parts parts, CommandTable table, RequestLog requestLog,
                            OpsEndpoints ops) {
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .slack(slack)
                .build();
        App app = new App(config);
        app.use(requestLog);
        register(app, parts, table);
        if (settings.opsAddress() == null) {
            Health.register(app, ops); // else they are served on NRR_OPS_ADDRESS alone
        }
        return app;
    }

    static void register(App app, Parts p, CommandTable table) {
        // a timestamp more than five minutes off, either way, never gets here: the server's RequestSignature refuses it
        app.use(new ErrorBoundary());
        app.use(new SlackUrlsOnly(p.urls()));
        app.use(new TakenOnce(p.seen()::firstTime));
        new NrrSlashCommand(table, wait -> p.cache().engine(wait).isPresent(), p.background()).register(app);
        new ShareButton(table, p.background()).register(app);
        new CommandButtons(table).register(app);
        // Slack retries an event within minutes (at once, after 1 and after 5): the requests' ten minutes cover them
        new HomeTab(p.access(), eventId -> p.seen().firstTime("event:" + eventId), p.cache(), p.background()).register(app);
        new FlagActions(p.flags().workflow(), p.flags().accounts(), p.flags().reasons(), p.store(), p.access(), p.seen()::firstTime,
                p.kick()).register(app);
        new ReadoutActions(p.readouts(), p.access(), p.background(), p.kick()).register(app);
    }

    public static ExecutorService backgroundPool() {
        return Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "nrr-slack-worker");
            t.setDaemon(true);
            return t;
        });
    }
}
