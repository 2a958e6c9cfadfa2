package dev.nrrbot.platform;

import dev.nrrbot.platform.db.Database;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the bot reads from its environment, read in one place. Every variable is checked, and
 * every problem is listed in one message that says where to find the right value; a bad value is
 * refused, never silently replaced by a default. Secrets are kept out of {@link #toString()}.
 *
 * @param botToken      SLACK_BOT_TOKEN (xoxb-...), null where the command needs none
 * @param signingSecret SLACK_SIGNING_SECRET, null in Socket Mode and where no request is served
 * @param apiUrl        SLACK_API_URL ending in a slash, or null for Slack itself
 * @param port          PORT (3000)
 * @param admins        NRR_ADMINS: Slack user ids who are admins from the start
 * @param appToken      SLACK_APP_TOKEN (xapp-...) in Socket Mode, else null
 * @param timezone      NRR_TIMEZONE, or null (UTC for follow-ups, each user's zone for schedules)
 * @param jobPeriod     NRR_JOB_PERIOD_SECONDS: how often follow-ups, reason capture and schedules run (30 s)
 * @param outboxLease   NRR_OUTBOX_LEASE_SECONDS: how long an outbox claim holds (60 s)
 * @param databaseUrl   NRR_DATABASE_URL, or null for the embedded default
 * @param minGroupSize  NRR_MIN_GROUP_SIZE: the fewest accounts a group may have for viewers to see its amounts (5)
 * @param opsAddress    NRR_OPS_ADDRESS (HOST:PORT, e.g. 127.0.0.1:9090): /health, /ready and /metrics served there
 *                      alone, off the Slack port; null to serve them on PORT
 */
public record Settings(String botToken, String signingSecret, String apiUrl, int port, Set<String> admins, String appToken,
                       ZoneId timezone, Duration jobPeriod, Duration outboxLease, String databaseUrl,
                       int minGroupSize, java.net.InetSocketAddress opsAddress) {

    public static final int DEFAULT_PORT = 3000;
    public static final Duration DEFAULT_JOB_PERIOD = Duration.ofSeconds(30);
    public static final Duration DEFAULT_OUTBOX_LEASE = Duration.ofSeconds(60);
    public static final int DEFAULT_MIN_GROUP_SIZE = 5;

    /** What the command about to run needs from Slack. */
    public enum Needs {
        /** {@code serve}: a bot token and the signing secret. */
        SERVE,
        /** {@code serve --socket-mode}: a bot token and an app-level token. */
        SERVE_SOCKET_MODE,
        /** {@code post}: a bot token. */
        POST,
        /** Imports and reports: nothing from Slack. */
        DATA
    }

    public Settings {
        admins = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(admins)); // in the order given: the first is named first
    }

    /** For {@code serve}: reads SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, PORT, NRR_ADMINS and the rest. */
    public static Settings fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, Needs.SERVE);
    }

    /** In Socket Mode, SLACK_APP_TOKEN (xapp-...) is needed instead of SLACK_SIGNING_SECRET. */
    public static Settings fromEnvironment(Map<String, String> env, boolean socketMode) {
        return fromEnvironment(env, socketMode ? Needs.SERVE_SOCKET_MODE : Needs.SERVE);
    }

    /** @throws IllegalArgumentException listing every problem, each with where to find the right value */
    public static Settings fromEnvironment(Map<String, String> env, Needs needs) {
        List<String> problems = new ArrayList<>();
        boolean slack = needs != Needs.DATA;
        boolean socketMode = needs == Needs.SERVE_SOCKET_MODE;
        String token = blankToNull(env.get("SLACK_BOT_TOKEN"));
        String secret = blankToNull(env.get("SLACK_SIGNING_SECRET"));
        if (slack && token == null) {
            problems.add("SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) from your app's"
                    + " OAuth & Permissions page at api.slack.com/apps");
        } else if (slack && !token.startsWith("xoxb-")) {
            problems.add("SLACK_BOT_TOKEN should be a bot token starting with xoxb- (the Bot User OAuth Token)");
        }
        String appToken = blankToNull(env.get("SLACK_APP_TOKEN"));
        if (socketMode && appToken == null) {
            problems.add("SLACK_APP_TOKEN is not set: Socket Mode needs an app-level token (xapp-...) with the"
                    + " connections:write scope, from your app's Basic Information page");
        } else if (socketMode && !appToken.startsWith("xapp-")) {
            problems.add("SLACK_APP_TOKEN should be an app-level token starting with xapp-");
        }
        if (secret == null && needs == Needs.SERVE) {
            problems.add("SLACK_SIGNING_SECRET is not set: copy the Signing Secret from your app's Basic Information page");
        }
        int port = wholeNumber(env, "PORT", DEFAULT_PORT, 0, 65_535, problems, "is not a port number (0-65535)");
        String api = blankToNull(env.get("SLACK_API_URL"));
        if (api != null && !api.matches("https?://.+")) {
            problems.add("SLACK_API_URL '" + Database.redact(api) + "' should be a URL such as https://slack.com/api/");
        }
        ZoneId zone = null;
        String tz = blankToNull(env.get("NRR_TIMEZONE"));
        if (tz != null) {
            try {
                zone = ZoneId.of(tz);
            } catch (DateTimeException e) {
                problems.add("NRR_TIMEZONE '" + tz + "' is not a time zone; use a name such as Europe/Berlin or America/New_York");
            }
        }
        Duration jobPeriod = seconds(env, "NRR_JOB_PERIOD_SECONDS", DEFAULT_JOB_PERIOD, 1, 3_600,
                "how often follow-ups, reason capture and schedules run", problems);
        Duration lease = seconds(env, "NRR_OUTBOX_LEASE_SECONDS", DEFAULT_OUTBOX_LEASE, 1, 3_600,
                "how long an instance holds a message it is sending", problems);
        String db = blankToNull(env.get("NRR_DATABASE_URL"));
        if (db != null && !db.startsWith("jdbc:")) {
            problems.add("NRR_DATABASE_URL '" + Database.redact(db) + "' is not a JDBC URL; use e.g. jdbc:postgresql://HOST:5432/DB?user=USER");
        }
        int minGroup = wholeNumber(env, "NRR_MIN_GROUP_SIZE", DEFAULT_MIN_GROUP_SIZE, 1, 1_000, problems,
                "should be a whole number of accounts from 1 to 1000 (the fewest accounts a segment or line may have for"
                        + " viewers to see its amounts; default " + DEFAULT_MIN_GROUP_SIZE + ")");
        java.net.InetSocketAddress ops = null;
        String opsText = blankToNull(env.get("NRR_OPS_ADDRESS"));
        if (opsText != null) {
            int colon = opsText.lastIndexOf(':');
            try {
                int opsPort = Integer.parseInt(opsText.substring(colon + 1));
                String host = opsText.substring(0, Math.max(colon, 0)).replace("[", "").replace("]", "");
                if (colon <= 0 || host.isBlank() || opsPort < 0 || opsPort > 65535) {
                    throw new NumberFormatException();
                }
                ops = new java.net.InetSocketAddress(host, opsPort);
                if (ops.isUnresolved()) {
                    problems.add("NRR_OPS_ADDRESS '" + opsText + "': no such host here; use an address of this machine such as"
                            + " 127.0.0.1:9090");
                }
            } catch (NumberFormatException e) {
                problems.add("NRR_OPS_ADDRESS '" + opsText + "' should be HOST:PORT, such as 127.0.0.1:9090 (where /health, /ready"
                        + " and /metrics are served instead of PORT)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException((slack ? "cannot start the Slack app" : "cannot read the settings")
                    + ":\n  - " + String.join("\n  - ", problems));
        }
        Set<String> admins = new LinkedHashSet<>();
        Arrays.stream(env.getOrDefault("NRR_ADMINS", "").split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(admins::add);
        return new Settings(slack ? token : null, needs == Needs.SERVE ? secret : null,
                api == null ? null : (api.endsWith("/") ? api : api + "/"), port, admins, socketMode ? appToken : null, zone, jobPeriod,
                lease, db, minGroup, ops);
    }

    /** The whole number in {@code name} from {@code min} to {@code max}; else {@code fallback}, with a problem that says why. */
    private static int wholeNumber(Map<String, String> env, String name, int fallback, int min, int max, List<String> problems,
                                   String expected) {
        String text = blankToNull(env.get(name));
        if (text == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problems.add(name + " '" + text + "' " + expected);
        return fallback;
    }

    private static Duration seconds(Map<String, String> env, String name, Duration fallback, int min, int max, String what,
                                    List<String> problems) {
        String text = blankToNull(env.get(name));
        if (text == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(text);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(n);
        } catch (NumberFormatException e) {
            problems.add(name + " '" + text + "' should be a whole number of seconds from " + min + " to " + max + " (" + what
                    + "; default " + fallback.toSeconds() + ")");
            return fallback;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "Settings[apiUrl=" + Database.redact(apiUrl) + ", port=" + port + ", admins=" + admins + ", timezone=" + timezone + ", jobPeriod="
                + jobPeriod + ", outboxLease=" + outboxLease + ", minGroupSize=" + minGroupSize + ", ops=" + (opsAddress == null ? "on PORT" : opsAddress) + ", database=" + (databaseUrl == null ? "default" : Database.redact(databaseUrl))
                + "]";
    }
}
