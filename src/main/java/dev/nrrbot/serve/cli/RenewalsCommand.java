package dev.nrrbot.serve.cli;

import dev.nrrbot.flags.db.JdbiFlagStore;
import dev.nrrbot.health.Checkup;
import dev.nrrbot.health.Forecast;
import dev.nrrbot.health.HealthCache;
import dev.nrrbot.health.db.JdbiHealthSettings;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.platform.slack.BadInput;
import dev.nrrbot.renewals.RenewalBook;
import dev.nrrbot.renewals.render.RenewalText;
import dev.nrrbot.renewals.slack.RenewalCommands;
import dev.nrrbot.revenue.RevenueStore;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "renewals", mixinStandardHelpOptions = true,
        description = {"The renewals due, with ARR, health and band, open flags and owner, and the quarter-end forecast.",
                "  renewals           due in the 90 days after the latest day loaded",
                "  renewals quarter   due by the end of that day's calendar quarter"})
final class RenewalsCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption db;

    @Parameters(arity = "0..1", paramLabel = "PERIOD", description = "90d (the default) or quarter.")
    String period = "";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RenewalBook.Period p;
        try {
            p = RenewalCommands.parse(period);
        } catch (BadInput e) {
            err.println("nrr-bot: " + e.problem() + " E.g. renewals quarter.");
            return CommandLine.ExitCode.USAGE;
        }
        Database database = db.database();
        RevenueStore store = new JdbiRevenueStore(database, Clock.systemUTC());
        Portfolio portfolio = store.loadPortfolio();
        HealthCache health = new HealthCache(dev.nrrbot.serve.Bot.signalStore(database), store::dataVersion, () -> portfolio,
                new JdbiHealthSettings(database.jdbi(), Clock.systemUTC()), Clock.systemUTC());
        Optional<Checkup> c = health.checkup();
        if (c.isEmpty()) {
            err.println("nrr-bot: there is no revenue data yet, so no renewal to weigh. Import it first (import --help).");
            return Main.DATA_PROBLEM;
        }
        JdbiFlagStore flags = new JdbiFlagStore(database.jdbi());
        RenewalBook book = RenewalBook.of(portfolio, c.get(), p, flags.active(), flags::owner);
        Optional<Forecast> forecast = Forecast.of(portfolio, store.subscriptions(), c.get(), health.backtest());
        // the terminal is the operator's: every row and amount, people by their Slack id
        RenewalText.page(book, forecast, c.get(), id -> true, n -> true, s -> s, id -> "Slack user " + id).lines().forEach(out::println);
        out.flush();
        return 0;
    }
}
