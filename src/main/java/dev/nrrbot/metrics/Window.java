package dev.nrrbot.metrics;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * A window (s, e]: two month-ends with s before e. Start MRR is read at the end of {@code start},
 * End MRR at the end of {@code end}, and movements are counted in the months after s up to e.
 */
public record Window(String label, YearMonth start, YearMonth end) {


    public static final String SYNTAX = "T12M (default), 2026-Q3, 2026-09, 2026, 2024-03..2025-03, "
            + "last month, last quarter, last year";

    public Window {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a window's start (" + start + ") must be before its end (" + end + ")");
        }
    }

    /** Trailing twelve months ending at {@code end}: the default, "current NRR". */
    public static Window trailing12(YearMonth end) {
        return new Window("T12M to " + end, end.minusMonths(12), end);
    }

    public static Window quarter(int year, int q) {
        YearMonth end = YearMonth.of(year, q * 3);
        return new Window(year + "-Q" + q, end.minusMonths(3), end);
    }

    public static Window month(YearMonth m) {
        return new Window(m.toString(), m.minusMonths(1), m);
    }

    public static Window year(int year) {
        return new Window(Integer.toString(year), YearMonth.of(year - 1, 12), YearMonth.of(year, 12));
    }

    public int months() {
        return (int) ChronoUnit.MONTHS.between(start, end);
    }

    /** The window of the same kind just before this one (previous quarter, previous month...). */
    public Window previous() {
        int n = months();
        String l = label.startsWith("T12M") ? "T12M to " + end.minusMonths(1) : null;
        if (l != null) {
            return trailing12(end.minusMonths(1));
        }
        if (n == 3 && label.contains("Q")) {
            YearMonth e = end.minusMonths(3);
            return quarter(e.getYear(), e.getMonthValue() / 3);
        }
        if (n == 1) {
            return month(end.minusMonths(1));
        }
        if (n == 12 && label.matches("\\d{4}")) {
            return year(end.getYear() - 1);
        }
        return new Window(start.minusMonths(n) + ".." + start, start.minusMonths(n), start);
    }

    /**
     * Parses what a person types. Relative windows are read against {@code current}, the latest month
     * that has data; "last quarter" is the latest calendar quarter that has ended by then.
     *
     * @throws IllegalArgumentException with a message that says what is accepted
     */
    public static Window parse(String text, YearMonth current) {
        return WindowSpec.parse(text).resolve(current);
    }
}
