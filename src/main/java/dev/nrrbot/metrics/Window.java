package dev.nrrbot.metrics;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A window (s, e]: two month-ends with s before e. Start MRR is read at the end of {@code start},
 * End MRR at the end of {@code end}, and movements are counted in the months after s up to e.
 */
public record Window(String label, YearMonth start, YearMonth end) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{1,2})\\s*\\.\\.\\s*(\\d{4}-\\d{1,2})");
    private static final Pattern T12M = Pattern.compile("(?:t12m|ttm|ltm|trailing[ _-]?12)(?:@(\\d{4}-\\d{1,2}))?");

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
        if (text == null || text.isBlank()) {
            return trailing12(current);
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m;
        try {
            if ((m = T12M.matcher(t)).matches()) {
                return trailing12(m.group(1) == null ? current : YearMonth.parse(pad(m.group(1))));
            }
            if ((m = RANGE.matcher(t)).matches()) {
                YearMonth s = YearMonth.parse(pad(m.group(1)));
                YearMonth e = YearMonth.parse(pad(m.group(2)));
                if (!s.isBefore(e)) {
                    throw new IllegalArgumentException("window '" + text + "': the first month must be before the second, as in 2024-03..2025-03");
                }
                return new Window(s + ".." + e, s, e);
            }
            if ((m = QUARTER.matcher(t)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = MONTH.matcher(t)).matches()) {
                return month(YearMonth.parse(pad(t)));
            }
            if ((m = YEAR.matcher(t)).matches()) {
                return year(Integer.parseInt(t));
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("window '" + text + "' names a month that does not exist. Accepted: " + SYNTAX);
        }
        Optional<Window> relative = relative(t.replace('-', ' ').replace('_', ' '), current);
        return relative.orElseThrow(() -> new IllegalArgumentException(
                "window '" + text + "' is not understood. Accepted: " + SYNTAX));
    }

    private static Optional<Window> relative(String t, YearMonth current) {
        switch (t) {
            case "current", "now", "this month", "latest":
                return Optional.of(trailing12(current));
            case "last month", "latest month":
                return Optional.of(month(current));
            case "last quarter", "latest quarter": {
                // the quarter that ended most recently, at or before the current month
                int q = current.getMonthValue() / 3;
                return Optional.of(q == 0 ? quarter(current.getYear() - 1, 4) : quarter(current.getYear(), q));
            }
            case "last year", "latest year":
                return Optional.of(current.getMonthValue() == 12 ? year(current.getYear()) : year(current.getYear() - 1));
            default:
                return Optional.empty();
        }
    }

    private static String pad(String ym) {
        int dash = ym.indexOf('-');
        String mm = ym.substring(dash + 1);
        return ym.substring(0, dash) + "-" + (mm.length() == 1 ? "0" + mm : mm);
    }
}
