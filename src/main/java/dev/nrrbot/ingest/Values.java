package dev.nrrbot.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses the values exports contain. Each returns empty when the text is not of the expected form. */
public final class Values {

    public static final String DATE_FORM = "a date as YYYY-MM-DD";
    public static final String MONTH_FORM = "a month as YYYY-MM (or a date YYYY-MM-DD)";
    public static final String AMOUNT_FORM = "an amount of 0 or more such as 1250 or 1,250.50";

    private static final Pattern AMOUNT = Pattern.compile("-?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");
    private static final Pattern DATE_PREFIX = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})([T ].*)?");

    private Values() {
    }

    public static Optional<LocalDate> date(String text) {
        String t = text.trim();
        if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-' && digits(t, 0, 4) && digits(t, 5, 7)
                && digits(t, 8, 10)) {
            // the common YYYY-MM-DD without the pattern and the parser (a million rows): the same answer
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(t, 0, 4, 10), Integer.parseInt(t, 5, 7, 10),
                        Integer.parseInt(t, 8, 10, 10)));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        var m = DATE_PREFIX.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(m.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the characters from {@code from} to {@code to} are all ASCII digits. */
    private static boolean digits(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public static Optional<YearMonth> month(String text) {
        String t = text.trim();
        if (t.matches("\\d{4}-\\d{2}")) {
            try {
                return Optional.of(YearMonth.parse(t));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return date(t).map(YearMonth::from);
    }

    /**
     * An amount exactly as written, in currency units (no rounding: {@link #monthlyCents} rounds once).
     * Accepts a leading currency sign and comma thousands separators. Negative amounts parse (so the
     * caller can say "negative").
     */
    public static Optional<BigDecimal> amount(String text) {
        String t = text.trim().replaceFirst("^[$€£]\\s*", "").replaceFirst("^-\\s*[$€£]\\s*", "-");
        if (!AMOUNT.matcher(t).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t.replace(",", "")));
    }

    /** An amount in cents, rounded half-even to the cent (see {@link #amount}). */
    public static Optional<Long> cents(String text) {
        return amount(text).map(a -> monthlyCents(a, 1));
    }

    private static final Pattern NUMBER = Pattern.compile("(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");

    /** What a count or a number of minutes may look like, for a problem's sentence. */
    public static final String COUNT_FORM = "a whole number of 0 or more such as 74, 74.0 or 1,250";
    public static final String BOOLEAN_FORM = "true or false (also yes/no, 1/0, y/n), or nothing";

    /**
     * A count as exports write it: 74, 74.0 (a spreadsheet's float) or 1,250; a fraction is rounded half
     * up. Empty for anything else, a negative number included.
     */
    public static Optional<Long> count(String text) {
        String t = text.trim();
        if (!t.isEmpty() && t.length() <= 18 && digits(t, 0, t.length())) {
            return Optional.of(Long.parseLong(t)); // plain digits: what the pattern and BigDecimal would give
        }
        if (!NUMBER.matcher(t).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t.replace(",", "")).setScale(0, RoundingMode.HALF_UP).longValue());
    }

    /** A number of 0 or more as exports write it (4.0, 1,250.5); empty otherwise. */
    public static Optional<Double> number(String text) {
        String t = text.trim();
        return NUMBER.matcher(t).matches() ? Optional.of(Double.parseDouble(t.replace(",", ""))) : Optional.empty();
    }

    /** true/false, yes/no, 1/0, y/n, t/f in any case; empty otherwise. */
    public static Optional<Boolean> bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "y", "t" -> Optional.of(true);
            case "false", "no", "0", "n", "f" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** Months per billing interval: month 1, quarter 3, year 12. */
    public static Optional<Integer> intervalMonths(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "month", "monthly", "mo", "m", "1" -> Optional.of(1);
            case "quarter", "quarterly", "q", "3" -> Optional.of(3);
            case "year", "yearly", "annual", "annually", "y", "yr", "12" -> Optional.of(12);
            default -> Optional.empty();
        };
    }

    /**
     * A price per interval as MRR cents: the exact amount divided by the months, then rounded half-even
     * to the cent, once (12.065 a year is 1.0054... a month: 1.01, not 12.06 / 12 = 1.00).
     */
    public static long monthlyCents(BigDecimal amount, int months) {
        return amount.movePointRight(2).divide(BigDecimal.valueOf(months), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** {@link #monthlyCents(BigDecimal, int)} of a price already in whole cents. */
    public static long monthlyCents(long amountCents, int months) {
        return monthlyCents(BigDecimal.valueOf(amountCents, 2), months);
    }
}
