package dev.nrrbot.metrics;

import java.time.YearMonth;
import java.util.List;

/** A number that cannot honestly be computed, with the reason in words for a person. */
public class ReportUnavailable extends RuntimeException {

    private final List<YearMonth> missingMonths;

    public ReportUnavailable(String message) {
        this(message, List.of());
    }

    public ReportUnavailable(String message, List<YearMonth> missingMonths) {
        super(message);
        this.missingMonths = List.copyOf(missingMonths);
    }

    public List<YearMonth> missingMonths() {
        return missingMonths;
    }

    static String describe(List<YearMonth> months) {
        if (months.size() <= 6) {
            return String.join(", ", months.stream().map(YearMonth::toString).toList());
        }
        return months.get(0) + ", " + months.get(1) + ", " + months.get(2) + " and " + (months.size() - 3) + " more";
    }
}
