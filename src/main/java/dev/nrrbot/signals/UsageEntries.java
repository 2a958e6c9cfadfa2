package dev.nrrbot.signals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a day's usage is stored (migrations/V14__signals.sql, signal_usage.entries): one text record per
 * day (or per day and bucket of accounts when the day is large), a line per account and feature,
 * {@code account TAB feature TAB count TAB duration_seconds TAB errors}, in account then feature order.
 * A backslash, tab, newline or carriage return inside an id is written {@code \\ \t \n \r}.
 */
public final class UsageEntries {

    /** One account's use of one feature on one day, folded. */
    public record Entry(String accountId, String feature, long count, long durationSeconds, long errors) {
    }

    /**
     * One stored record of a day: its place among the day's records, its entries, the account-days it
     * starts (an account split across two records counts in the first) and the lines.
     */
    public record Record(int bucket, int entries, int accountDays, String text) {
    }

    /** Receives the decoded entries. */
    public interface Sink {
        void entry(String accountId, String feature, long count, long durationSeconds, long errors);
    }

    /**
     * Characters per record at most (but one line): under 1 MB even in UTF-8's widest characters, well
     * inside the column (VARCHAR(1000000)).
     */
    public static final int MAX_CHARS = 250_000;

    public static final Comparator<Entry> ORDER = Comparator.comparing(Entry::accountId).thenComparing(Entry::feature);

    private UsageEntries() {
    }

    /** The records of one day's entries (any order; sorted here). */
    public static List<Record> encode(List<Entry> entries) {
        return encode(entries, MAX_CHARS);
    }

    static List<Record> encode(List<Entry> entries, int maxChars) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER); // linear when already sorted
        List<Record> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int n = 0;
        int accountDays = 0;
        String previous = null;
        for (Entry e : sorted) {
            int start = text.length();
            escape(text, e.accountId());
            text.append('\t');
            escape(text, e.feature());
            text.append('\t').append(e.count()).append('\t').append(e.durationSeconds()).append('\t').append(e.errors())
                    .append('\n');
            if (n > 0 && text.length() > maxChars) {
                // the line goes to the next record
                String line = text.substring(start);
                text.setLength(start);
                out.add(new Record(out.size(), n, accountDays, text.toString()));
                text.setLength(0);
                text.append(line);
                n = 0;
                accountDays = 0;
            }
            n++;
            if (!e.accountId().equals(previous)) {
                accountDays++;
                previous = e.accountId();
            }
        }
        if (n > 0) {
            out.add(new Record(out.size(), n, accountDays, text.toString()));
        }
        return out;
    }

    private static void escape(StringBuilder out, String s) {
        if (plain(s)) {
            out.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** Every entry of a record's text, in its order. */
    public static void decode(String text, Sink sink) {
        int at = 0;
        int end = text.length();
        while (at < end) {
            int t1 = text.indexOf('\t', at);
            int t2 = text.indexOf('\t', t1 + 1);
            int t3 = text.indexOf('\t', t2 + 1);
            int t4 = text.indexOf('\t', t3 + 1);
            int nl = text.indexOf('\n', t4 + 1);
            if (t1 < 0 || t2 < 0 || t3 < 0 || t4 < 0 || nl < 0) {
                throw new IllegalArgumentException("a usage record with a broken line at character " + at);
            }
            sink.entry(unescape(text, at, t1), unescape(text, t1 + 1, t2), Long.parseLong(text, t2 + 1, t3, 10),
                    Long.parseLong(text, t3 + 1, t4, 10), Long.parseLong(text, t4 + 1, nl, 10));
            at = nl + 1;
        }
    }

    private static String unescape(String text, int from, int to) {
        int slash = text.indexOf('\\', from);
        if (slash < 0 || slash >= to) {
            return text.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char d = text.charAt(++i);
                out.append(switch (d) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> d;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
