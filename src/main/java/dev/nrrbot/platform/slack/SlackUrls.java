package dev.nrrbot.platform.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Where the bot may send what it holds: a response_url or an upload URL from a payload is only
 * used when it is HTTPS on Slack's own hosts (or the Web API base the bot is configured with, for
 * tests and GovSlack). Anything else would let a forged or tampered payload make the bot POST an
 * owner's DM, with its ARR, wherever it says.
 */
public final class SlackUrls {

    /** Slack's hosts for response_url (hooks) and file uploads (files), commercial and GovSlack. */
    static final Set<String> SLACK_HOSTS = Set.of("hooks.slack.com", "files.slack.com", "hooks.slack-gov.com",
            "files.slack-gov.com");

    private final String configuredScheme;
    private final String configuredAuthority;

    /** @param apiUrl SLACK_API_URL (null for Slack itself): its scheme, host and port are trusted too */
    public SlackUrls(String apiUrl) {
        URI api = apiUrl == null ? null : parse(apiUrl);
        this.configuredScheme = api == null ? null : api.getScheme();
        this.configuredAuthority = api == null || api.getRawAuthority() == null ? null
                : api.getRawAuthority().toLowerCase(Locale.ROOT);
    }

    public static final SlackUrls SLACK_ONLY = new SlackUrls(null);

    public boolean allowed(String url) {
        URI u = url == null ? null : parse(url.trim());
        if (u == null || u.getHost() == null || u.getRawUserInfo() != null) {
            return false;
        }
        String host = u.getHost().toLowerCase(Locale.ROOT);
        if ("https".equalsIgnoreCase(u.getScheme()) && SLACK_HOSTS.contains(host) && (u.getPort() == -1 || u.getPort() == 443)) {
            return true;
        }
        return configuredAuthority != null && configuredScheme.equalsIgnoreCase(u.getScheme())
                && configuredAuthority.equals(u.getRawAuthority().toLowerCase(Locale.ROOT));
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
