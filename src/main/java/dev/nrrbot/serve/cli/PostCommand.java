package dev.nrrbot.serve.cli;

import com.slack.api.Slack;
import dev.nrrbot.platform.Launcher;
import com.slack.api.SlackConfig;
import com.slack.api.util.json.GsonFactory;
import dev.nrrbot.comp.db.JdbiCompStore;
import dev.nrrbot.flags.db.JdbiFlagStore;
import dev.nrrbot.outbox.db.Outbox;
import dev.nrrbot.outbox.slack.OutboxDelivery;
import dev.nrrbot.readouts.render.Charts;
import dev.nrrbot.readouts.render.Readout;
import dev.nrrbot.readouts.slack.ReadoutService;
import dev.nrrbot.readouts.db.JdbiReadoutStore;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.platform.Settings;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.nrrbot.metrics.WindowSpec;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "post", mixinStandardHelpOptions = true,
        description = {"Posts one readout now: weekly, reasons (--window weekly, monthly or a window such as 2026-Q3) or"
                + " quarterly (--window 2026-Q3).",
                "--dry-run prints the Block Kit JSON and writes the charts under ./data/out/ instead of posting.",
                "Posting needs SLACK_BOT_TOKEN (and SLACK_API_URL for another API base)."})
final class PostCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption db;

    @Parameters(index = "0", paramLabel = "KIND", description = "weekly, reasons or quarterly.")
    String kind;

    @Option(names = "--window", paramLabel = "W", description = "quarterly: a calendar quarter with data, e.g. 2026-Q3 (default: last quarter);"
                    + " reasons: weekly (the latest three months, the default), monthly (the latest month) or any window with data,"
                    + " e.g. 2026-Q3, 2026-09 or \"last quarter\"; weekly takes none."
                    + " Anything else is refused (exit 2), never replaced by another period.")
    String window;

    @Option(names = "--channel", paramLabel = "ID", description = "The channel id to post to, e.g. C0123456789.")
    String channel;

    @Option(names = "--names", description = "Name the accounts that moved (weekly): only for channels allowed to see them.")
    boolean names;

    @Option(names = "--dry-run", description = "Print and write files instead of posting.")
    boolean dryRun;

    @Option(names = "--out", paramLabel = "DIR", description = "Where --dry-run writes the charts (default: ./data/out).")
    Path out = Path.of("data", "out");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Why the kind or its --window cannot be posted, and the exit code: 2, a usage problem (a window with no data is the readout's exit 1). */
    record Refusal(String sentence, int exit) {
    }

    /**
     * Each kind's --window, checked before anything is opened, so a window is never silently replaced by
     * another period: weekly takes none (it is the latest week's); reasons a cadence, weekly or monthly, or a
     * window such as 2026-Q3; quarterly a calendar quarter (that it has data is the readout's own check, exit 1
     * with the months missing).
     */
    Optional<Refusal> checkKindAndWindow() {
        kind = kind.trim().toLowerCase(Locale.ROOT);
        String w = window == null ? null : window.trim();
        switch (kind) {
            case "weekly" -> {
                if (w != null) {
                    return Optional.of(new Refusal("the weekly readout is always the latest week's and takes no --window;"
                            + " for another period use '" + Launcher.COMMAND + " report --window " + w + "', or '" + Launcher.COMMAND
                            + " post quarterly --window 2026-Q3'.",
                            CommandLine.ExitCode.USAGE));
                }
            }
            case "reasons" -> {
                if (w != null) {
                    String cadence = w.toLowerCase(Locale.ROOT);
                    if (cadence.equals("weekly") || cadence.equals("monthly")) {
                        window = cadence;
                    } else {
                        try {
                            WindowSpec.parse(w);
                        } catch (IllegalArgumentException e) {
                            return Optional.of(new Refusal("post reasons --window takes weekly (the latest three months, the default),"
                                    + " monthly (the latest month with data) or a window such as 2026-Q3, 2026-09, 2026 or"
                                    + " 'last quarter', not '" + w + "'.", CommandLine.ExitCode.USAGE));
                        }
                        window = w;
                    }
                }
            }
            case "quarterly" -> {
                if (w != null) {
                    try {
                        WindowSpec.parse(w);
                    } catch (IllegalArgumentException e) {
                        return Optional.of(new Refusal("post quarterly --window takes a calendar quarter such as 2026-Q3, or"
                                + " 'last quarter' (the default), not '" + w + "'.", CommandLine.ExitCode.USAGE));
                    }
                    window = w;
                }
            }
            default -> {
                return Optional.of(new Refusal("unknown readout '" + kind + "': use weekly, reasons or quarterly.",
                        CommandLine.ExitCode.USAGE));
            }
        }
        return Optional.empty();
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Refusal> refused = checkKindAndWindow();
        if (refused.isPresent()) {
            err.println("nrr-bot: " + refused.get().sentence());
            return refused.get().exit();
        }
        if (!dryRun && (channel == null || channel.isBlank())) {
            err.println("nrr-bot: give --channel ID (a channel id such as C0123456789), or --dry-run to preview.");
            return CommandLine.ExitCode.USAGE;
        }
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv(), dryRun ? Settings.Needs.DATA : Settings.Needs.POST);
        } catch (IllegalArgumentException e) {
            err.println("nrr-bot: " + e.getMessage() + "\n  Posting needs the Bot User OAuth Token (xoxb-...). Use --dry-run to preview.");
            return CommandLine.ExitCode.USAGE;
        }
        String token = settings.botToken();
        Database database = db.database();
        JdbiRevenueStore store = new JdbiRevenueStore(database, Clock.systemUTC());
        PortfolioCache cache = new PortfolioCache(store);
        dev.nrrbot.health.HealthCache health = new dev.nrrbot.health.HealthCache(dev.nrrbot.serve.Bot.signalStore(database),
                store::dataVersion, () -> cache.engine().portfolio(),
                new dev.nrrbot.health.db.JdbiHealthSettings(database.jdbi(), Clock.systemUTC()), Clock.systemUTC());
        ReadoutService readouts = new ReadoutService(new JdbiReadoutStore(database.jdbi()), cache, new JdbiFlagStore(database.jdbi())::active,
                new JdbiCompStore(database.jdbi()), Clock.systemUTC(), null, dev.nrrbot.readouts.render.Charts.RENDERER,
                dev.nrrbot.access.Policy.DEFAULT_MIN_GROUP_SIZE, dev.nrrbot.serve.Outlooks.weekly(health, store));
        Readout r;
        try {
            r = readouts.now(kind, window, names);
        } catch (IllegalArgumentException | dev.nrrbot.metrics.ReportUnavailable e) {
            err.println("nrr-bot: " + e.getMessage());
            return Main.DATA_PROBLEM;
        } finally {
            cache.close();
        }
        if (dryRun) {
            o.println(GsonFactory.createSnakeCase().newBuilder().setPrettyPrinting().create().toJson(
                    java.util.Map.of("text", r.text(), "blocks", r.blocks())));
            Files.createDirectories(out);
            for (Readout.Chart c : r.charts()) {
                Path f = out.resolve(c.filename());
                byte[] png = Charts.RENDERER.png(c.spec());
                Files.write(f, png);
                err.println("wrote " + f.toAbsolutePath().normalize() + " (" + png.length + " bytes)");
            }
            return 0;
        }
        SlackConfig config = new SlackConfig();
        if (settings.apiUrl() != null) {
            config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        }
        String key = "cli:" + kind + ":" + System.currentTimeMillis();
        readouts.post(r, key, channel, null, null);
        Outbox outbox = new Outbox(database.jdbi());
        OutboxDelivery delivery = new OutboxDelivery(outbox, Slack.getInstance(config), token, Clock.systemUTC(),
                new dev.nrrbot.platform.slack.SlackUrls(settings.apiUrl()));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (outbox.pendingWithPrefix(key + ":") > 0 && System.nanoTime() < deadline) {
            if (delivery.deliverDue() == 0) {
                Thread.sleep(500);
            }
        }
        int left = outbox.pendingWithPrefix(key + ":");
        int failed = outbox.failedWithPrefix(key + ":");
        if (left == 0 && failed == 0) {
            o.println("Posted the " + kind + " readout to " + channel + " with " + r.charts().size() + " chart(s).");
            return 0;
        }
        err.println("nrr-bot: " + (failed > 0 ? failed + " part(s) were refused by Slack (see the log above)"
                : left + " part(s) are still queued and will go out when a bot (serve) runs") + ".");
        return Main.DATA_PROBLEM;
    }
}
