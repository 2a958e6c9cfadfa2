package dev.nrrbot.hostile;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What the bot logs (slf4j-simple writes to standard error) while it is open. */
final class CapturedLog implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private CapturedLog() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    static CapturedLog start() {
        return new CapturedLog();
    }

    /** Everything logged so far. */
    String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    int bytes() {
        synchronized (captured) {
            return captured.size();
        }
    }

    @Override
    public void close() {
        System.setErr(original);
        original.print(text());
    }
}
