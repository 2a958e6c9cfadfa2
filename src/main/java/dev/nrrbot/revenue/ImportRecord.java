package dev.nrrbot.revenue;

import java.time.Instant;
import java.time.YearMonth;

/**
 * One import as the log keeps it. {@code firstMonth}/{@code lastMonth} are null for kinds that
 * cover no months (accounts, reasons). {@code undoable}: its journal of what it replaced is still
 * kept. {@code undoneAt} is set once it was taken back (by {@code undo} or {@code reset}).
 */
public record ImportRecord(long id, String kind, String file, int rows, String by, Instant at, YearMonth firstMonth,
                           YearMonth lastMonth, boolean undoable, Instant undoneAt, String undoneBy) {

    public boolean applied() {
        return undoneAt == null;
    }

    /** "#3 reasons ravenstack_churn_events.csv". */
    public String label() {
        return "#" + id + " " + kind + " " + file;
    }

    /** Whether this is one of the demo company's files (demo writes them as demo-*.csv). */
    public boolean isDemo() {
        return file.startsWith("demo-");
    }
}
