package dev.nrrbot.platform.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** People and channels in command text, as Slack escapes them ({@code <@U123|dana>}, {@code <#C123|nrr>}). */
public final class Mentions {

    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern CHANNEL = Pattern.compile("<#([CG][A-Z0-9]+)(?:\\|[^>]*)?>");

    private Mentions() {
    }

    /** The first person mentioned, or null. */
    public static String user(String text) {
        Matcher m = USER.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The first channel mentioned, or null. */
    public static String channel(String text) {
        Matcher m = CHANNEL.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The text with people's mentions removed and spaces tidied. */
    public static String withoutMentions(String text) {
        return USER.matcher(text).replaceAll(" ").trim().replaceAll("\\s+", " ");
    }

    /** The text with channel mentions removed and spaces tidied. */
    public static String withoutChannels(String text) {
        return CHANNEL.matcher(text).replaceAll(" ").trim().replaceAll("\\s+", " ");
    }
}
