package dev.nrrbot.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates of one file. With {@code --date-format}, every date must be written that way. Without
 * it, ISO dates are read as always; for the signal kinds a slashed date that reads only one way
 * (7/27/2023) is read that way too, and a file whose slashed dates could be read both ways (8/7/2023)
 * is refused at the end, naming its first such line and the option that settles it: a guess there
 * would move a date by months without a word.
 */
public final class DateReader {

    /** How a file writes its dates. */
    public enum Format {
        ISO("YYYY-MM-DD"), MDY("M/D/YYYY"), DMY("D/M/YYYY");

        /** The formats {@code --date-format} accepts, for help and for the sentence refusing another. */
        public static final String NAMES = "YYYY-MM-DD, M/D/YYYY or D/M/YYYY (also MM/DD/YYYY, DD/MM/YYYY, US, EU)";

        public final String label;

        Format(String label) {
            this.label = label;
        }

        public static Optional<Format> parse(String text) {
            return switch (text == null ? "" : text.trim().toUpperCase(Locale.ROOT)) {
                case "YYYY-MM-DD", "ISO" -> Optional.of(ISO);
                case "M/D/YYYY", "MM/DD/YYYY", "US", "MDY" -> Optional.of(MDY);
                case "D/M/YYYY", "DD/MM/YYYY", "EU", "DMY" -> Optional.of(DMY);
                default -> Optional.empty();
            };
        }
    }

    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})([T ].*)?");

    private final Format format;
    private final boolean infer;
    private Sighting ambiguous;
    private Sighting monthFirst;
    private Sighting dayFirst;

    /** One date seen on one line, named in the advice. */
    private record Sighting(long line, String column, String value) {
    }

    /**
     * @param format the file's format, or null
     * @param infer  without a format, read slashed dates that read only one way (the signal kinds; the
     *               revenue kinds keep reading ISO dates only, as they always have)
     */
    public DateReader(Format format, boolean infer) {
        this.format = format;
        this.infer = infer;
    }

    /** The date {@code text} on {@code line}, or empty when it is not one (the caller names the problem). */
    public Optional<LocalDate> read(String text, long line, String column) {
        String t = text.trim();
        if (format == Format.ISO || (format == null && !infer)) {
            return Values.date(t);
        }
        // a slash at the second or third character, or SLASHED cannot match: ISO dates skip the pattern
        boolean slashed = t.length() > 2 && (t.charAt(1) == '/' || t.charAt(2) == '/');
        Matcher m = slashed ? SLASHED.matcher(t) : null;
        if (m == null || !m.matches()) {
            return format == null ? Values.date(t) : Optional.empty();
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int y = Integer.parseInt(m.group(3));
        if (format == Format.MDY) {
            return of(y, a, b);
        }
        if (format == Format.DMY) {
            return of(y, b, a);
        }
        if (a > 12 && b <= 12) {
            dayFirst = dayFirst == null ? new Sighting(line, column, t) : dayFirst;
            return of(y, b, a);
        }
        if (b > 12 && a <= 12) {
            monthFirst = monthFirst == null ? new Sighting(line, column, t) : monthFirst;
            return of(y, a, b);
        }
        if (a != b && a >= 1 && b >= 1 && a <= 12 && b <= 12 && ambiguous == null) {
            ambiguous = new Sighting(line, column, t);
        }
        return of(y, a, b); // if ambiguous, the file is refused in finish: this reading is never kept
    }

    private static Optional<LocalDate> of(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** What a date column expects, for a problem's sentence. */
    public String form() {
        if (format != null && format != Format.ISO) {
            return "a date as " + format.label + " (as --date-format " + format.label + " says)";
        }
        return format == null && infer ? Values.DATE_FORM + " (for slashed dates, give --date-format M/D/YYYY or D/M/YYYY)"
                : Values.DATE_FORM;
    }

    /** Refuses the file when its dates read two ways; call after the last row. */
    public void finish(Problems problems) {
        if (monthFirst != null && dayFirst != null) {
            problems.add(dayFirst.line, dayFirst.column, dayFirst.value, "reads only day first, but line "
                    + monthFirst.line + " reads " + monthFirst.value + " only month first; give the file's format with"
                    + " --date-format M/D/YYYY or --date-format D/M/YYYY, and the other dates are problems to fix");
        } else if (ambiguous != null) {
            String[] p = ambiguous.value.split("[/ T]");
            int a = Integer.parseInt(p[0]);
            int b = Integer.parseInt(p[1]);
            String both = "could be " + b + " " + month(a) + " or " + a + " " + month(b) + " " + p[2];
            Sighting hint = monthFirst != null ? monthFirst : dayFirst;
            String advice;
            if (hint == null) {
                advice = "; nothing in the file says which: add --date-format M/D/YYYY (month first) or --date-format"
                        + " D/M/YYYY (day first) to the import";
            } else {
                String f = hint == monthFirst ? Format.MDY.label : Format.DMY.label;
                advice = "; line " + hint.line + " reads " + hint.value + ", so the file looks like " + f
                        + ": add --date-format " + f + " to the import";
            }
            problems.add(ambiguous.line, ambiguous.column, ambiguous.value, both + advice);
        }
    }

    private static String month(int m) {
        return Month.of(m).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** For the summary: how the dates were read, when it was not plain ISO; null otherwise. */
    public String note() {
        if (format != null && format != Format.ISO) {
            return "Dates read as " + format.label + " (--date-format).";
        }
        Sighting hint = monthFirst != null ? monthFirst : dayFirst;
        if (hint == null) {
            return null;
        }
        String f = hint == monthFirst ? Format.MDY.label : Format.DMY.label;
        return "Dates read as " + f + ": line " + hint.line + " reads " + hint.value + ", which reads only that way"
                + " (--date-format " + f + " says so for good).";
    }
}
