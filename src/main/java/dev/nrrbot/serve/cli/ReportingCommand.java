package dev.nrrbot.serve.cli;

import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.ReportUnavailable;
import dev.nrrbot.numbers.render.JsonReport;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** Loads the data, runs one report, prints it; a number that cannot be computed exits 1 with words. */
abstract class ReportingCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption db;

    @Mixin
    ReportOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract String render(NrrEngine engine);

    @Override
    public Integer call() {
        try {
            NrrEngine engine = new NrrEngine(db.open().loadPortfolio());
            spec.commandLine().getOut().print(render(engine));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ReportUnavailable | IllegalArgumentException e) {
            if (options.json()) {
                spec.commandLine().getOut().println(JsonReport.error(e.getMessage()));
                spec.commandLine().getOut().flush();
            }
            spec.commandLine().getErr().println("nrr-bot: " + e.getMessage());
            return Main.DATA_PROBLEM;
        }
    }
}
