package dev.nrrbot.platform.ops;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a log line may carry from a request: an identifier that is one plain token, never free text,
 * so a newline or a person's words cannot reach the log. Failures keep every class and stack frame
 * but not their messages, which often quote the input ({@code For input string: "..."}, a JSON path
 * with the sender's key names, an SQL value), except the few the JVM writes about the code itself.
 */
public final class LogSafe {

    /** What an action id, a callback id or an event type looks like when it is ours or Slack's. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    /** Written by the JVM from the code (helpful NPEs, indexes, class names), never from data. */
    private static final Set<Class<? extends Throwable>> CODE_MESSAGES = Set.of(NullPointerException.class,
            ClassCastException.class, ArrayIndexOutOfBoundsException.class, IndexOutOfBoundsException.class,
            StringIndexOutOfBoundsException.class, ArithmeticException.class, ArrayStoreException.class,
            OutOfMemoryError.class, StackOverflowError.class);
    private static final int MAX_CAUSES = 16;

    private LogSafe() {
    }

    /** {@code value} when it is one plain token, otherwise {@code "(other)"}. */
    public static String token(String value) {
        return value != null && TOKEN.matcher(value).matches() ? value : "(other)";
    }

    /** {@code e} as the log may show it: the same classes, stack frames and causes, messages withheld. */
    public static Throwable withoutMessages(Throwable e) {
        return redact(e, 0);
    }

    private static Throwable redact(Throwable e, int depth) {
        if (e == null || depth > MAX_CAUSES) {
            return null;
        }
        Logged copy = new Logged(e.getClass().getName() + message(e), redact(e.getCause(), depth + 1));
        copy.setStackTrace(e.getStackTrace());
        for (Throwable s : e.getSuppressed()) {
            copy.addSuppressed(redact(s, depth + 1));
        }
        return copy;
    }

    private static String message(Throwable e) {
        if (e.getMessage() == null) {
            return "";
        }
        return CODE_MESSAGES.contains(e.getClass()) ? ": " + e.getMessage().replaceAll("[\\r\\n\\t]+", " ") : ": [message withheld]";
    }

    /** Prints as the original would have, under the original's class name. */
    private static final class Logged extends RuntimeException {
        private final String header;

        Logged(String header, Throwable cause) {
            super(null, cause, true, true);
            this.header = header;
        }

        @Override
        public String toString() {
            return header;
        }
    }
}
