package dev.nrrbot.platform;

import java.security.SecureRandom;
import java.util.Locale;

/** Ids for unexpected failures: the person sees the id, the log holds it with the stack trace. */
public final class Failures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Failures() {
    }

    /** Eight letters and digits, easy to read out and to grep for. */
    public static String newId() {
        String s = "0000000" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).toUpperCase(Locale.ROOT);
        return s.substring(s.length() - 8);
    }
}
