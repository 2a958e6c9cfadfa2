package dev.nrrbot.serve.cli;

import dev.nrrbot.health.Checkup;
import dev.nrrbot.health.HealthCache;
import dev.nrrbot.health.HealthModel;
import dev.nrrbot.health.HealthScore;
import dev.nrrbot.health.db.JdbiHealthSettings;
import dev.nrrbot.health.render.HealthPage;
import dev.nrrbot.health.render.HealthText;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.RevenueStore;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Account health from the signals each function owns (import tickets, usage, surveys, invoices, events).",
                "  health                 the company: accounts and ARR per band, at-risk ARR per function, biggest falls",
                "  health ACCOUNT         one account: each part's points and evidence, the trend",
                "  health FUNCTION        one function (product, support...): its parts and the accounts where it holds the weakest",
                "  health backtest        whether the score predicted churn here: AUC, riskiest tenth, lift, per part, per reason",
                "  health settings        weights, owners, thresholds, bands, automatic flags, and the log of changes",
                "  health set NAME VALUE  change one, e.g. health set weight.usage_trend 25 (logged)"})
final class HealthCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption db;

    @Parameters(arity = "0..*", paramLabel = "WHAT", description = "Nothing, an account, a function, backtest, settings, or set NAME VALUE.")
    List<String> what = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Database database = db.database();
        RevenueStore store = new JdbiRevenueStore(database, Clock.systemUTC());
        Portfolio p = store.loadPortfolio();
        JdbiHealthSettings settings = new JdbiHealthSettings(database.jdbi(), Clock.systemUTC());
        HealthCache health = new HealthCache(dev.nrrbot.serve.Bot.signalStore(database), store::dataVersion, () -> p, settings,
                Clock.systemUTC());
        String first = what.isEmpty() ? "" : what.get(0);
        HealthPage page;
        if (first.equals("set")) {
            if (what.size() != 3) {
                err.println("nrr-bot: give a setting and its value, e.g. health set weight.usage_trend 25 (health settings lists them).");
                return CommandLine.ExitCode.USAGE;
            }
            String name = what.get(1).startsWith(HealthModel.PREFIX) ? what.get(1) : HealthModel.PREFIX + what.get(1);
            try {
                var change = settings.set(name, what.get(2), dev.nrrbot.platform.Launcher.operator());
                out.println("Set " + change.name().substring(HealthModel.PREFIX.length()) + " to " + change.newValue() + " (was "
                        + (change.oldValue() == null ? "the default" : change.oldValue()) + ").");
                out.flush();
                return 0;
            } catch (IllegalArgumentException e) {
                err.println("nrr-bot: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
        }
        if (first.equals("settings")) {
            page = HealthText.settings(health.model(), settings.history(20), health.autoFlagsOn());
        } else if (first.equals("backtest")) {
            page = HealthText.backtest(health.backtest(), health.model());
        } else {
            Optional<Checkup> c = health.checkup();
            if (c.isEmpty()) {
                err.println("nrr-bot: there is no revenue data yet, so no account to score. Import it first (import --help).");
                return Main.DATA_PROBLEM;
            }
            String subject = String.join(" ", what).trim();
            Optional<BusinessFunction> f = BusinessFunction.parse(subject);
            if (subject.isEmpty()) {
                page = HealthText.company(c.get(), p, health.model(), id -> true, n -> true, Optional.of(health.backtest()));
            } else if (f.isPresent()) {
                page = HealthText.function(f.get(), c.get(), p, health.model(), id -> true, n -> true);
            } else {
                List<Integer> found = p.find(subject);
                if (found.size() != 1) {
                    err.println(found.isEmpty() ? "nrr-bot: '" + subject + "' is neither an account nor a function (product, support,"
                            + " finance...); try part of an account's name or its exact id."
                            : "nrr-bot: " + found.size() + " accounts match '" + subject + "', e.g. " + p.ledger().accountId(found.get(0))
                            + "; give the exact id.");
                    return Main.DATA_PROBLEM;
                }
                String id = p.ledger().accountId(found.get(0));
                Optional<HealthScore> s = c.get().of(id);
                if (s.isEmpty()) {
                    err.println("nrr-bot: " + id + " does not pay in the latest month loaded: health is scored for paying accounts.");
                    return Main.DATA_PROBLEM;
                }
                HealthModel model = health.model();
                page = HealthText.account(s.get(), Checkup.account(p, health.book(), model, c.get().asOf().minusDays(30), id),
                        Checkup.account(p, health.book(), model, c.get().asOf().minusDays(90), id), p, c.get().arrCents(id));
            }
        }
        page.lines().forEach(out::println);
        out.flush();
        return 0;
    }
}
