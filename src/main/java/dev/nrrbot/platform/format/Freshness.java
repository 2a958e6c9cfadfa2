package dev.nrrbot.platform.format;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How current the data behind an answer is. */
public record Freshness(YearMonth dataThrough, Instant lastImport) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String describe() {
        return (dataThrough == null ? "No revenue data yet" : "Data through " + dataThrough) + (lastImport == null ? "" : " · last import " + WHEN.format(lastImport));
    }
}
