package dev.nrrbot.serve.cli;

import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.TrendPoint;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.numbers.render.JsonReport;
import dev.nrrbot.numbers.render.TextReport;
import java.time.YearMonth;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "trend", mixinStandardHelpOptions = true,
        description = "T12M NRR and GRR as of each month: the last 24 months with data by default; --window"
                + " picks the months, e.g. 2025-01..2026-09 or 2026.")
final class TrendCommand extends ReportingCommand {

    @Override
    String render(NrrEngine engine) {
        List<TrendPoint> points;
        if (options.window == null) {
            YearMonth to = options.current(engine);
            points = options.asOf == null ? engine.trend(options.segment())
                    : engine.trend(to.minusMonths(23), to, options.segment(), false);
        } else {
            Window w = options.window(engine);
            YearMonth from = w.months() == 1 ? w.end() : w.start().plusMonths(1);
            points = engine.trend(from, w.end(), options.segment(), true);
        }
        String segment = options.segment().toString();
        return options.json() ? JsonReport.trend(points, segment) + System.lineSeparator() : TextReport.trend(points, segment);
    }
}
