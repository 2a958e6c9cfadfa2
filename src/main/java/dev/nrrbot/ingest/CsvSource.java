package dev.nrrbot.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file read as rows of known fields: headers matched case-insensitively and by their common
 * aliases, a byte-order mark dropped, CRLF and quoted fields handled by commons-csv. Problems with
 * the file itself (empty, missing columns, broken quoting) go to {@link Problems}.
 */
public final class CsvSource implements AutoCloseable {

    private final String name;
    private final Problems problems;
    private final CSVParser parser;
    private final Map<Field, Integer> positions = new LinkedHashMap<>();
    private final Map<Field, String> headers = new LinkedHashMap<>();
    private final Map<String, Integer> others = new LinkedHashMap<>();
    private final int width;
    private final long sizeBytes;

    private CsvSource(String name, Problems problems, CSVParser parser, List<Field> fields, long sizeBytes) {
        this.name = name;
        this.problems = problems;
        this.parser = parser;
        this.sizeBytes = sizeBytes;
        List<String> names = parser.getHeaderNames();
        this.width = names.size();
        for (int i = 0; i < names.size(); i++) {
            String h = names.get(i);
            Field match = fields.stream().filter(f -> f.matches(h)).findFirst().orElse(null);
            if (match == null) {
                if (!h.isBlank()) {
                    others.put(Field.normalize(h), i);
                }
            } else if (positions.containsKey(match)) {
                problems.add(1, h, null, "the column " + match.describe() + " appears twice (also as '"
                        + headers.get(match) + "'); keep one");
            } else {
                positions.put(match, i);
                headers.put(match, h);
            }
        }
        for (Field f : fields) {
            if (f.required() && !positions.containsKey(f)) {
                problems.file("missing column " + f.describe() + "; the header has: " + String.join(", ", names));
            }
        }
    }

    /** Opens {@code file}; returns null (with the problem recorded) when it has no header at all. */
    public static CsvSource open(Path file, List<Field> fields, Problems problems) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            problems.file("no such file (looked in " + file.toAbsolutePath().normalize() + ")");
            return null;
        }
        try {
            long size = Files.size(file);
            Reader reader = withoutBom(Files.newBufferedReader(file, StandardCharsets.UTF_8));
            CSVParser parser = CSVFormat.RFC4180.builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .setAllowMissingColumnNames(true)
                    .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                    .get()
                    .parse(reader);
            if (parser.getHeaderNames().isEmpty()) {
                parser.close();
                problems.file("the file is empty; the first line must be a header naming the columns: "
                        + String.join(", ", fields.stream().map(Field::name).toList()));
                return null;
            }
            return new CsvSource(name, problems, parser, fields, size);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.file("cannot be read as CSV: " + e.getMessage());
            return null;
        }
    }

    private static Reader withoutBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    public String name() {
        return name;
    }

    public boolean has(Field f) {
        return positions.containsKey(f);
    }

    /** The header as written in the file, for messages. */
    public String header(Field f) {
        return headers.getOrDefault(f, f.name());
    }

    /** Columns that match no field, by normalized name. */
    public List<String> otherColumns() {
        return new ArrayList<>(others.keySet());
    }

    /**
     * Calls {@code each} for every data row; a row with more values than the header is a problem and
     * is skipped. {@code progress} hears the row count and the share of the file read.
     */
    public int forEach(Consumer<Row> each, Progress progress) {
        int rows = 0;
        long lastLine = parser.getCurrentLineNumber(); // the header's line: blank lines before it are skipped
        Iterator<CSVRecord> it = parser.iterator();
        while (true) {
            CSVRecord r;
            try {
                if (!it.hasNext()) {
                    break;
                }
                r = it.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                problems.add(lastLine + 1, null, null, "broken CSV (" + e.getMessage()
                        + "); check the quotes on this line. Reading stopped here.");
                break;
            }
            // The parser skips blank lines, so the record does not always start right after the previous
            // one: count back from the line it ends on over the line breaks inside its quoted values.
            lastLine = parser.getCurrentLineNumber();
            long line = lastLine - lineBreaks(r);
            rows++;
            if (r.size() > width && !allBlankAfter(r, width)) {
                problems.add(line, null, null, "has " + r.size() + " values but the header has " + width
                        + " columns; quote values that contain commas");
            } else {
                each.accept(new Row(r, line));
            }
            if (progress != null && (rows & 0xFFFF) == 0) {
                progress.update(rows, sizeBytes == 0 ? 1.0 : Math.min(1.0, r.getCharacterPosition() / (double) sizeBytes));
            }
        }
        if (rows == 0 && !problems.any()) {
            problems.file("has a header but no data rows");
        }
        if (progress != null) {
            progress.done(rows);
        }
        return rows;
    }

    private static long lineBreaks(CSVRecord r) {
        long n = 0;
        for (String v : r) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n'))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean allBlankAfter(CSVRecord r, int from) {
        for (int i = from; i < r.size(); i++) {
            if (!r.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only; nothing to flush
        }
    }

    /** One data row. Values are trimmed; a column the row lacks reads as empty. */
    public final class Row {
        private final CSVRecord record;
        private final long line;

        private Row(CSVRecord record, long line) {
            this.record = record;
            this.line = line;
        }

        public long line() {
            return line;
        }

        public String get(Field f) {
            Integer i = positions.get(f);
            return i == null || i >= record.size() ? "" : record.get(i);
        }

        /** Every value of the row, one per header column (a column the row lacks reads as empty). */
        public List<String> values() {
            List<String> out = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                out.add(i < record.size() ? record.get(i) : "");
            }
            return out;
        }

        public String other(String column) {
            Integer i = others.get(column);
            return i == null || i >= record.size() ? "" : record.get(i);
        }

        /** Records a problem with field {@code f} on this row. */
        public void problem(Field f, String expected) {
            problems.add(line, header(f), get(f), expected);
        }

        /** Records a problem with one of the {@link #otherColumns()} on this row. */
        public void problem(String otherColumn, String expected) {
            problems.add(line, otherColumn, other(otherColumn), expected);
        }
    }

    /** Hears how far a long import has come. */
    public interface Progress {
        void update(long rows, double fraction);

        void done(long rows);
    }
}
