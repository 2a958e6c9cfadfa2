package dev.nrrbot.serve.cli;

import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.numbers.render.JsonReport;
import dev.nrrbot.numbers.render.TextReport;
import picocli.CommandLine.Command;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "NRR, its band, GRR, Start to End with each movement, and each function's contribution.")
final class ReportCommand extends ReportingCommand {

    @Override
    String render(NrrEngine engine) {
        RetentionReport r = engine.report(options.window(engine), options.segment());
        return options.json() ? JsonReport.retention(r) + System.lineSeparator() : TextReport.retention(r);
    }
}
