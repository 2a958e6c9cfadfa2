package dev.nrrbot.platform;

import java.security.SecureRandom;
import java.util.Locale;

/** Ids for unexpected failures: the person sees the id, the log holds it with the stack trace. */
public final class Failures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Failures() {
    }

    /** What the person is told about failure {@code id}: the log holds the details under the same id. */
    public static String apology(String id) {
        return "Sorry, something went wrong on my side (error " + id + "). It is logged; try again in a minute,"
                + " or tell an admin with this id.";
    }

    /** Eight letters and digits, easy to read out and to grep for. */
    public static String newId() {
        String s = "0000000" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).toUpperCase(Locale.ROOT);
        return s.substring(s.length() - 8);
    }
}
