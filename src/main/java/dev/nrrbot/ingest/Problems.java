package dev.nrrbot.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything wrong with one file, each problem naming the line, the column, the value and what was
 * expected. Keeps the first {@link #CAP} and counts the rest, so one pass reports all at once.
 */
public final class Problems {

    public static final int CAP = 50;

    private final String file;
    private final List<String> shown = new ArrayList<>();
    private final List<String> hints = new ArrayList<>();
    private int total;

    public Problems(String file) {
        this.file = file;
    }

    public void add(long line, String column, String value, String expected) {
        String where = file + ":" + line + (column == null ? "" : " column '" + column + "'");
        String what = value == null ? "" : (value.isEmpty() ? " is empty" : " value '" + clip(value) + "'");
        record(where + what + ": " + expected);
    }

    public void file(String message) {
        record(file + ": " + message);
    }

    /**
     * Advice for fixing the problems, such as the values a column accepts: not a problem itself, and
     * always shown after them, however many were cut by the cap.
     */
    public void hint(String message) {
        hints.add(file + ": " + message);
    }

    private void record(String message) {
        total++;
        if (shown.size() < CAP) {
            shown.add(message);
        }
    }

    public boolean any() {
        return total > 0;
    }

    public int count() {
        return total;
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>(shown);
        if (total > shown.size()) {
            out.add("... and " + (total - shown.size()) + " more problems");
        }
        out.addAll(hints);
        return out;
    }

    private static String clip(String v) {
        return v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }
}
