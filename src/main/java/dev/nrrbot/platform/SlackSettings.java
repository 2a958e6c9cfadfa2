package dev.nrrbot.platform;

import dev.nrrbot.serve.Bot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Slack app needs from the environment. A missing value is a sentence that says where to
 * find it, never a stack trace. Secrets are kept out of {@link #toString()}.
 */
public record SlackSettings(String botToken, String signingSecret, String apiUrl, int port, Set<String> admins, String appToken) {

    public static final int DEFAULT_PORT = 3000;

    /** Reads SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, PORT and NRR_ADMINS. */
    public static SlackSettings fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, false);
    }

    /** In Socket Mode, SLACK_APP_TOKEN (xapp-...) is needed instead of SLACK_SIGNING_SECRET. */
    public static SlackSettings fromEnvironment(Map<String, String> env, boolean socketMode) {
        List<String> problems = new ArrayList<>();
        String token = blankToNull(env.get("SLACK_BOT_TOKEN"));
        String secret = blankToNull(env.get("SLACK_SIGNING_SECRET"));
        if (token == null) {
            problems.add("SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) from your app's"
                    + " OAuth & Permissions page at api.slack.com/apps");
        } else if (!token.startsWith("xoxb-")) {
            problems.add("SLACK_BOT_TOKEN should be a bot token starting with xoxb- (the Bot User OAuth Token)");
        }
        String appToken = blankToNull(env.get("SLACK_APP_TOKEN"));
        if (socketMode && appToken == null) {
            problems.add("SLACK_APP_TOKEN is not set: Socket Mode needs an app-level token (xapp-...) with the"
                    + " connections:write scope, from your app's Basic Information page");
        } else if (socketMode && !appToken.startsWith("xapp-")) {
            problems.add("SLACK_APP_TOKEN should be an app-level token starting with xapp-");
        }
        if (secret == null && !socketMode) {
            problems.add("SLACK_SIGNING_SECRET is not set: copy the Signing Secret from your app's Basic Information page");
        }
        int port = DEFAULT_PORT;
        String portText = blankToNull(env.get("PORT"));
        if (portText != null) {
            try {
                port = Integer.parseInt(portText.trim());
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add("PORT '" + portText + "' is not a port number (0-65535)");
            }
        }
        String api = blankToNull(env.get("SLACK_API_URL"));
        if (api != null && !api.matches("https?://.+")) {
            problems.add("SLACK_API_URL '" + api + "' should be a URL such as https://slack.com/api/");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot start the Slack app:\n  - " + String.join("\n  - ", problems));
        }
        Set<String> admins = new LinkedHashSet<>();
        String adminText = env.getOrDefault("NRR_ADMINS", "");
        Arrays.stream(adminText.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).forEach(admins::add);
        return new SlackSettings(token, secret, api == null ? null : (api.endsWith("/") ? api : api + "/"), port, admins,
                socketMode ? appToken : null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "SlackSettings[apiUrl=" + apiUrl + ", port=" + port + ", admins=" + admins + "]";
    }
}
