package dev.nrrbot.platform.db;

/**
 * Masks passwords in any text the bot prints or logs: a JDBC URL in every form a driver accepts,
 * or a driver's message that quotes one.
 */
final class Passwords {

    private Passwords() {
    }

    /** H2's {@code ;PASSWORD=file user}: to the next setting, the end, or the ": " a message goes on with. */
    private static final java.util.regex.Pattern H2_PASSWORD = java.util.regex.Pattern.compile(
            "(?i)(;\\s*(?:[a-z_]*password|pwd)\\s*=)[^;\\r\\n]*?(?=;|\\r|\\n|: |$)");
    /** {@code password=}, {@code &password=}, {@code sslpassword=}, {@code pwd=}, also URL-encoded ({@code password%3D}). */
    private static final java.util.regex.Pattern PASSWORD_SETTING = java.util.regex.Pattern.compile(
            "(?i)((?:[a-z0-9_.-]*password|pwd)\\s*(?:=|%3D))(?!\\*\\*\\*)[^&;\\s\"'<>]*");
    /** Where a URL's authority starts: {@code ://}, or {@code %3A%2F%2F} in a URL-encoded one. */
    private static final java.util.regex.Pattern AUTHORITY = java.util.regex.Pattern.compile("(?i)://|%3A%2F%2F");
    /** {@code user:password@host} without a scheme, as a driver's message may quote its host. */
    private static final java.util.regex.Pattern BARE_USER_INFO = java.util.regex.Pattern.compile(
            "(?<![\\w.%+:/@-])([\\w.%+-]+:)[^\\s/?#\"'<>]+(@)(?=[\\w\\[.-])");
    /** Oracle's {@code jdbc:oracle:thin:user/password@host}. */
    private static final java.util.regex.Pattern ORACLE = java.util.regex.Pattern.compile(
            "(?i)(jdbc:oracle:[a-z0-9]+:[^/:@\\s]+/)[^@\\s]+(@)");

    /**
     * The text with every password in it masked, for messages and logs: a JDBC URL (or any URL, or a
     * message that quotes one) in each form a password takes: {@code ?password=} and {@code &password=},
     * {@code sslpassword=} and the like, H2's {@code ;PASSWORD=}, {@code user:password@host}, and the same
     * URL-encoded. Where a password's end is unclear, more is masked rather than less.
     */
    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = H2_PASSWORD.matcher(text).replaceAll("$1***");
        out = PASSWORD_SETTING.matcher(out).replaceAll("$1***");
        out = maskUserInfo(out);
        out = BARE_USER_INFO.matcher(out).replaceAll("$1***$2");
        return ORACLE.matcher(out).replaceAll("$1***$2");
    }

    /** {@code scheme://user:password@host} as {@code scheme://user:***@host}; in a URL-encoded URL, {@code %3A} and {@code %40}. */
    private static String maskUserInfo(String text) {
        java.util.List<int[]> masks = new java.util.ArrayList<>();
        java.util.regex.Matcher m = AUTHORITY.matcher(text);
        while (m.find()) {
            boolean encoded = m.group().startsWith("%");
            String at = encoded ? "%40" : "@";
            String colon = encoded ? "%3A" : ":";
            int end = m.end();
            while (end < text.length() && !authorityEnds(text, end, encoded)) {
                end++;
            }
            int userInfoEnd = -1; // the last '@': a password may hold one
            int firstColon = -1;  // the first ':': a password may hold one too
            for (int i = m.end(); i + at.length() <= end; i++) {
                if (text.regionMatches(true, i, at, 0, at.length())) {
                    userInfoEnd = i;
                } else if (firstColon < 0 && text.regionMatches(true, i, colon, 0, colon.length())) {
                    firstColon = i;
                }
            }
            if (firstColon >= 0 && firstColon < userInfoEnd) {
                masks.add(new int[] {firstColon + colon.length(), userInfoEnd});
            }
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = masks.size() - 1; i >= 0; i--) {
            out.replace(masks.get(i)[0], masks.get(i)[1], "***");
        }
        return out.toString();
    }

    private static boolean authorityEnds(String text, int i, boolean encoded) {
        char ch = text.charAt(i);
        if (Character.isWhitespace(ch) || "\"'<>;".indexOf(ch) >= 0) {
            return true;
        }
        if (!encoded) {
            return ch == '/' || ch == '?' || ch == '#';
        }
        for (String t : new String[] {"&", "%2F", "%3F", "%23", "%26", "%20"}) {
            if (text.regionMatches(true, i, t, 0, t.length())) {
                return true;
            }
        }
        return false;
    }
}
