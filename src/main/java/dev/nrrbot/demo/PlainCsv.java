package dev.nrrbot.demo;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV rows whose fields never need quoting (ids, dates, numbers, fixed words), straight to the
 * writer: the usage, ticket and invoice files are nearly all of the demo's rows, and a CSV printer's
 * per-field checks were most of the time it took to write them.
 */
final class PlainCsv {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(96);

    PlainCsv(Writer out, String header) throws IOException {
        this.out = out;
        out.write(header);
        out.write('\n');
    }

    PlainCsv add(String field) {
        if (!line.isEmpty()) {
            line.append(',');
        }
        line.append(field);
        return this;
    }

    PlainCsv add(long field) {
        if (!line.isEmpty()) {
            line.append(',');
        }
        line.append(field);
        return this;
    }

    /** Money as the MRR file writes it: whole units, a dot, two digits of cents. */
    PlainCsv addCents(long cents) {
        if (!line.isEmpty()) {
            line.append(',');
        }
        line.append(cents / 100).append('.').append((char) ('0' + cents % 100 / 10)).append((char) ('0' + cents % 10));
        return this;
    }

    void end() throws IOException {
        line.append('\n');
        out.append(line);
        line.setLength(0);
    }
}
