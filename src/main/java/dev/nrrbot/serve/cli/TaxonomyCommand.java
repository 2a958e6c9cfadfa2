package dev.nrrbot.serve.cli;

import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.revenue.RevenueStore;
import dev.nrrbot.revenue.TaxonomyChange;
import dev.nrrbot.revenue.TaxonomyEditor;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "taxonomy", mixinStandardHelpOptions = true,
        description = {"Lists the reason and driver codes, the function that owns each, and the aliases imports accept.",
                "Its subcommands change the taxonomy: add a code, add an alias, move a code to another function;"
                        + " every change is logged (taxonomy history) and the numbers use it at once."},
        subcommands = {TaxonomyCommand.Add.class, TaxonomyCommand.Alias.class, TaxonomyCommand.Move.class,
                TaxonomyCommand.History.class})
final class TaxonomyCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ReasonTaxonomy taxonomy = db.open().taxonomy();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-22s %-8s %-20s %s%n", "code", "kind", "function", "also accepted");
        for (ReasonCode c : taxonomy.codes()) {
            out.printf("%-22s %-8s %-20s %s%n", c.code(), c.polarity() == ReasonCode.Polarity.REASON ? "reason" : "driver",
                    c.functionCode(), String.join(", ", c.aliases()));
        }
        out.flush();
        return 0;
    }

    /** Who made a change from the command line, for the log. */
    static String changedBy() {
        return dev.nrrbot.platform.Launcher.operator();
    }

    static int told(CommandLine.Model.CommandSpec spec, TaxonomyEditor.Result r) {
        if (r.done()) {
            spec.commandLine().getOut().println(r.sentence());
            spec.commandLine().getOut().flush();
            return 0;
        }
        spec.commandLine().getErr().println("nrr-bot: " + r.sentence());
        return Main.DATA_PROBLEM;
    }

    static TaxonomyEditor editor(DatabaseOption db) {
        RevenueStore store = db.open();
        return new TaxonomyEditor(store, store::loadPortfolio);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a reason code owned by FUNCTION, so imports accept it: taxonomy add pricing_complaint finance.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DatabaseOption db;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CODE", description = "The new code, in any case (it is stored in lower case with underscores).")
        String code;

        @Parameters(index = "1", paramLabel = "FUNCTION", description = "The function it counts for: product, engineering,"
                + " support, customer_success, account_management, sales, marketing, finance, hr, external or unattributed.")
        String function;

        @Parameters(index = "2", arity = "0..1", paramLabel = "LABEL", description = "What reports show for it (the code when left out).")
        String label;

        @Option(names = "--driver", description = "Makes it a driver, which explains expansion or reactivation, instead of a"
                + " reason for churn or contraction.")
        boolean driver;

        @Override
        public Integer call() {
            return told(spec, editor(db).add(code, function, label, driver, changedBy()));
        }
    }

    @Command(name = "alias", mixinStandardHelpOptions = true,
            description = "Makes imports read ALIAS as CODE from now on: taxonomy alias pricing_complaint pricing.")
    static final class Alias implements Callable<Integer> {
        @Mixin
        DatabaseOption db;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ALIAS", description = "The text an import may have, in any case.")
        String alias;

        @Parameters(index = "1", paramLabel = "CODE", description = "The known code it stands for.")
        String code;

        @Override
        public Integer call() {
            return told(spec, editor(db).alias(alias, code, changedBy()));
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = "Makes CODE count for another FUNCTION, its past movements too: taxonomy move pricing finance.")
    static final class Move implements Callable<Integer> {
        @Mixin
        DatabaseOption db;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CODE", description = "A known code.")
        String code;

        @Parameters(index = "1", paramLabel = "FUNCTION", description = "The function it counts for from now on, or unattributed.")
        String function;

        @Override
        public Integer call() {
            return told(spec, editor(db).move(code, function, changedBy()));
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Lists every change made to the taxonomy, oldest first, with who made it and when.")
    static final class History implements Callable<Integer> {
        @Mixin
        DatabaseOption db;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            java.util.List<TaxonomyChange> changes = db.open().taxonomyHistory();
            if (changes.isEmpty()) {
                out.println("No change has been made with taxonomy add, alias or move yet.");
            }
            for (TaxonomyChange c : changes) {
                out.printf("%-20s %-24s %-6s %-22s %s%n", c.changedAt(), c.changedBy(), c.kind().name().toLowerCase(java.util.Locale.ROOT),
                        c.code(), c.detail());
            }
            out.flush();
            return 0;
        }
    }
}
