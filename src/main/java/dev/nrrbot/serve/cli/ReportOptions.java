package dev.nrrbot.serve.cli;

import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.Window;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** The options every report shares. */
public final class ReportOptions {

    public enum Format { text, json }

    @Option(names = "--window", paramLabel = "W",
            description = "T12M (default), 2026-Q3, 2026-09, 2026, 2024-03..2025-03, \"last month\", \"last quarter\","
                    + " \"last year\".")
    String window;

    @Option(names = "--as-of", paramLabel = "YYYY-MM",
            description = "The month T12M and relative windows end at (default: the latest month with data).")
    String asOf;

    @Option(names = "--segment", paramLabel = "KEY=VALUE",
            description = "Only accounts whose attribute KEY is VALUE, e.g. plan=Enterprise.")
    String segment;

    @Option(names = "--format", paramLabel = "text|json", description = "text (default) or json.")
    Format format = Format.text;

    YearMonth current(NrrEngine engine) {
        if (asOf == null) {
            return engine.currentMonth();
        }
        try {
            return YearMonth.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of '" + asOf + "' should be a month as YYYY-MM, e.g. 2026-09");
        }
    }

    Window window(NrrEngine engine) {
        return Window.parse(window, current(engine));
    }

    Segment segment() {
        return Segment.parse(segment);
    }

    boolean json() {
        return format == Format.json;
    }
}
