package dev.nrrbot.metrics;

import java.util.Locale;

/**
 * A slice of accounts by one attribute, compared without regard to case: {@code plan=Enterprise}.
 * {@code csm} matches the CSM's e-mail; any other key is an imported account attribute.
 */
public record Segment(String key, String value) {

    public static final Segment ALL = new Segment(null, null);

    public static Segment parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("segment '" + text + "' should be KEY=VALUE, as in plan=Enterprise");
        }
        return new Segment(text.substring(0, eq).trim().toLowerCase(Locale.ROOT), text.substring(eq + 1).trim());
    }

    public boolean isAll() {
        return key == null;
    }

    public boolean matches(Account account) {
        if (isAll()) {
            return true;
        }
        if (account == null) {
            return false;
        }
        String actual = key.equals("csm") || key.equals("csm_email") ? account.csmEmail() : account.attribute(key);
        return actual != null && actual.trim().equalsIgnoreCase(value);
    }

    @Override
    public String toString() {
        return isAll() ? "all accounts" : key + "=" + value;
    }
}
