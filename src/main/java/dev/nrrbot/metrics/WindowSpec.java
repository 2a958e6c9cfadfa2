package dev.nrrbot.metrics;

import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A window as a person typed it, read once: either fixed ({@code 2026-Q3}, {@code 2024-03..2025-03})
 * or relative to the latest month with data ({@code T12M}, {@code last quarter}), which only the data
 * can settle. {@link #resolve} turns it into a {@link Window}.
 *
 * @param text     what was typed, trimmed (null for the default, T12M)
 * @param fixed    the window when it does not depend on the data, else null
 * @param relative for a relative window: {@code t12m}, {@code month}, {@code quarter} or {@code year}
 */
public record WindowSpec(String text, Window fixed, String relative) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{1,2})\\s*\\.\\.\\s*(\\d{4}-\\d{1,2})");
    private static final Pattern T12M = Pattern.compile("(?:t12m|ttm|ltm|trailing[ _-]?12)(?:@(\\d{4}-\\d{1,2}))?");

    /** The default: the trailing twelve months to the latest month with data. */
    public static final WindowSpec CURRENT = new WindowSpec(null, null, "t12m");

    /**
     * Reads what a person typed.
     *
     * @throws IllegalArgumentException with a message that says what is accepted
     */
    public static WindowSpec parse(String text) {
        if (text == null || text.isBlank()) {
            return CURRENT;
        }
        String typed = text.trim().replaceAll("\\s+", " ");
        String t = typed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m;
        try {
            if ((m = T12M.matcher(t)).matches()) {
                return m.group(1) == null ? new WindowSpec(typed, null, "t12m")
                        : fixed(typed, Window.trailing12(YearMonth.parse(pad(m.group(1)))));
            }
            if ((m = RANGE.matcher(t)).matches()) {
                YearMonth s = YearMonth.parse(pad(m.group(1)));
                YearMonth e = YearMonth.parse(pad(m.group(2)));
                if (!s.isBefore(e)) {
                    throw new IllegalArgumentException("window '" + text + "': the first month must be before the second, as in 2024-03..2025-03");
                }
                return fixed(typed, new Window(s + ".." + e, s, e));
            }
            if ((m = QUARTER.matcher(t)).matches()) {
                return fixed(typed, Window.quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            if (MONTH.matcher(t).matches()) {
                return fixed(typed, Window.month(YearMonth.parse(pad(t))));
            }
            if (YEAR.matcher(t).matches()) {
                return fixed(typed, Window.year(Integer.parseInt(t)));
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("window '" + text + "' names a month that does not exist. Accepted: " + Window.SYNTAX);
        }
        String relative = switch (t.replace('-', ' ').replace('_', ' ')) {
            case "current", "now", "this month", "latest" -> "t12m";
            case "last month", "latest month" -> "month";
            case "last quarter", "latest quarter" -> "quarter";
            case "last year", "latest year" -> "year";
            default -> throw new IllegalArgumentException("window '" + text + "' is not understood. Accepted: " + Window.SYNTAX);
        };
        return new WindowSpec(typed, null, relative);
    }

    /** Whether {@code text} is a window at all. */
    public static boolean isWindow(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The window, with relative ones read against {@code current}, the latest month that has data. */
    public Window resolve(YearMonth current) {
        if (fixed != null) {
            return fixed;
        }
        return switch (relative) {
            case "month" -> Window.month(current);
            case "quarter" -> {
                // the quarter that ended most recently, at or before the current month
                int q = current.getMonthValue() / 3;
                yield q == 0 ? Window.quarter(current.getYear() - 1, 4) : Window.quarter(current.getYear(), q);
            }
            case "year" -> current.getMonthValue() == 12 ? Window.year(current.getYear()) : Window.year(current.getYear() - 1);
            default -> Window.trailing12(current);
        };
    }

    /** As typed, for echoing back and for the Share button; empty for the default. */
    @Override
    public String toString() {
        return text == null ? "" : text;
    }

    private static WindowSpec fixed(String typed, Window w) {
        return new WindowSpec(typed, w, null);
    }

    private static String pad(String ym) {
        int dash = ym.indexOf('-');
        String mm = ym.substring(dash + 1);
        return ym.substring(0, dash) + "-" + (mm.length() == 1 ? "0" + mm : mm);
    }
}
