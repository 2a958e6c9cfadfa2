package dev.nrrbot.serve.cli;

import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.numbers.render.JsonReport;
import dev.nrrbot.numbers.render.TextReport;
import picocli.CommandLine.Command;

@Command(name = "reasons", mixinStandardHelpOptions = true,
        description = "The Pareto of why revenue left: reasons by revenue lost, the vital few, what is unexplained,"
                + " and churn by tenure.")
final class ReasonsCommand extends ReportingCommand {

    @Override
    String render(NrrEngine engine) {
        ReasonPareto p = engine.pareto(options.window(engine), options.segment());
        return options.json() ? JsonReport.pareto(p) + System.lineSeparator() : TextReport.pareto(p);
    }
}
