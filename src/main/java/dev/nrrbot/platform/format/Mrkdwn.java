package dev.nrrbot.platform.format;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text in Slack's mrkdwn, where {@code &}, {@code <} and {@code >} are control characters: {@code <!channel>}
 * pings a channel, {@code <@U123>} a person, {@code <https://x|y>} is a link. The one rule: text from people
 * or from data (names, ids, e-mails, attributes, reason codes, notes, what someone typed) goes into mrkdwn
 * through {@link #escape}; only the bot writes mentions, and only by id.
 *
 * <p>{@link #guard} is the net under that rule, applied to every mrkdwn text and message text the bot
 * sends (Block Kit sections, fields and context, and the {@code text} of a message): a {@code <} that
 * opens no user or channel mention by id is escaped, so a render path that forgot {@link #escape} can
 * never ping a channel or make a link. It is counted and logged (without the text), since it means a
 * path to fix.
 */
public final class Mrkdwn {

    private static final Logger log = LoggerFactory.getLogger(Mrkdwn.class);
    /** A {@code <} that does not open {@code <@U123>} or {@code <#C123>}: the only control sequences the bot writes. */
    private static final Pattern STRAY = Pattern.compile("<(?!@[UW][A-Z0-9]{1,40}>|#[CG][A-Z0-9]{1,40}>)");
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{1,40}");
    private static final AtomicLong neutralised = new AtomicLong();

    private Mrkdwn() {
    }

    /** Data text, shown as typed: {@code &}, {@code <} and {@code >} as entities, so it mentions nobody and links nowhere. */
    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * A person by Slack user id, as a mention ({@code <@U123>}); anything that is no user id (the bot's own
     * name in a flag's history, a value from a forged payload) as escaped text.
     */
    public static String user(String userId) {
        return userId != null && USER_ID.matcher(userId).matches() ? "<@" + userId + ">" : escape(userId);
    }

    /**
     * The bot's mrkdwn, as it may be sent: every {@code <} that opens no user or channel mention by id
     * becomes {@code &lt;}. Text whose data was escaped is returned unchanged.
     */
    public static String guard(String mrkdwn) {
        if (mrkdwn == null || mrkdwn.indexOf('<') < 0) {
            return mrkdwn;
        }
        Matcher m = STRAY.matcher(mrkdwn);
        if (!m.find()) {
            return mrkdwn;
        }
        long n = neutralised.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
            // never the text itself: it holds what someone typed or imported
            log.warn("mrkdwn about to be sent held a '<' that opens no mention; it was escaped ({} so far)."
                    + " A render path puts data into mrkdwn without Mrkdwn.escape:", n, new IllegalStateException("unescaped mrkdwn"));
        }
        return m.replaceAll("&lt;");
    }

    /** How many texts {@link #guard} had to change since the start: zero while every render path escapes its data. */
    public static long neutralisedCount() {
        return neutralised.get();
    }
}
