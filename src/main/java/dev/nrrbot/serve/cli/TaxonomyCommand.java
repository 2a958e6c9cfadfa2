package dev.nrrbot.serve.cli;

import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.metrics.ReasonTaxonomy;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "taxonomy", mixinStandardHelpOptions = true,
        description = "Lists the reason and driver codes, the function that owns each, and the aliases imports accept.")
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
}
