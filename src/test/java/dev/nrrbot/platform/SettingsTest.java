package dev.nrrbot.platform;

import dev.nrrbot.serve.Bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the Slack app reads from the environment, and the sentences it says when something is missing. */
class SettingsTest {

    private static final String TOKEN = "xoxb-1111-2222-SeCrEtToKeN";
    private static final String SECRET = "8f2c0d9e-signing-secret-value";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", TOKEN);
        env.put("SLACK_SIGNING_SECRET", SECRET);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    private static String problem(Map<String, String> env) {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> Settings.fromEnvironment(env));
        assertThat(e).as("settings from " + env.keySet()).isNotNull();
        assertThat(e.getMessage()).startsWith("cannot start the Slack app:");
        return e.getMessage();
    }

    @Test
    void missingTokenAndSecretAreBothReportedInOneMessageSayingWhereToFindEach() {
        String message = problem(Map.of());
        assertThat(message).contains("SLACK_BOT_TOKEN is not set")
                .contains("Bot User OAuth Token (xoxb-...)")
                .contains("OAuth & Permissions page at api.slack.com/apps")
                .contains("SLACK_SIGNING_SECRET is not set")
                .contains("Signing Secret from your app's Basic Information page");
        assertThat(message.lines().filter(l -> l.startsWith("  - "))).hasSize(2);
    }

    @Test
    void blankValuesCountAsMissing() {
        String message = problem(env("SLACK_BOT_TOKEN", "   ", "SLACK_SIGNING_SECRET", ""));
        assertThat(message).contains("SLACK_BOT_TOKEN is not set", "SLACK_SIGNING_SECRET is not set");
    }

    @Test
    void onlyTheMissingOneIsReported() {
        String message = problem(env("SLACK_SIGNING_SECRET", null));
        assertThat(message).contains("SLACK_SIGNING_SECRET is not set").doesNotContain("SLACK_BOT_TOKEN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xoxp-user-token-1234", "xapp-1-A0-app-token", "not-a-token", "XOXB-upper"})
    void aTokenThatIsNotABotTokenIsRefusedWithoutEchoingIt(String token) {
        String message = problem(env("SLACK_BOT_TOKEN", token));
        assertThat(message).contains("SLACK_BOT_TOKEN should be a bot token starting with xoxb-")
                .contains("Bot User OAuth Token")
                .doesNotContain(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "70000", "-1", "80.5", "65536"})
    void aBadPortIsRefused(String port) {
        assertThat(problem(env("PORT", port))).contains("PORT '" + port + "' is not a port number (0-65535)");
    }

    @Test
    void aPortIsRead() {
        assertThat(Settings.fromEnvironment(env("PORT", " 8080 ")).port()).isEqualTo(8080);
        assertThat(Settings.fromEnvironment(env("PORT", "65535")).port()).isEqualTo(65535);
        assertThat(Settings.fromEnvironment(env("PORT", "0")).port()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack.com/api", "ftp://slack.com/api/", "localhost:9999", "https://"})
    void aBadApiUrlIsRefused(String url) {
        assertThat(problem(env("SLACK_API_URL", url))).contains("SLACK_API_URL '" + url + "' should be a URL such as https://slack.com/api/");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String message = problem(Map.of("SLACK_BOT_TOKEN", "xoxp-user", "PORT", "http", "SLACK_API_URL", "nowhere"));
        assertThat(message).contains("SLACK_BOT_TOKEN should be a bot token", "SLACK_SIGNING_SECRET is not set",
                "PORT 'http'", "SLACK_API_URL 'nowhere'");
        assertThat(message.lines().filter(l -> l.startsWith("  - "))).hasSize(4);
    }

    @Test
    void defaults() {
        Settings s = Settings.fromEnvironment(env());
        assertThat(s.botToken()).isEqualTo(TOKEN);
        assertThat(s.signingSecret()).isEqualTo(SECRET);
        assertThat(s.port()).isEqualTo(Settings.DEFAULT_PORT).isEqualTo(3000);
        assertThat(s.apiUrl()).isNull();
        assertThat(s.admins()).isEmpty();
    }

    @Test
    void tokenAndSecretAreTrimmed() {
        Settings s = Settings.fromEnvironment(env("SLACK_BOT_TOKEN", " " + TOKEN + "\n", "SLACK_SIGNING_SECRET",
                SECRET + " "));
        assertThat(s.botToken()).isEqualTo(TOKEN);
        assertThat(s.signingSecret()).isEqualTo(SECRET);
    }

    @Test
    void theApiUrlGetsATrailingSlash() {
        assertThat(Settings.fromEnvironment(env("SLACK_API_URL", "http://localhost:9999/api")).apiUrl())
                .isEqualTo("http://localhost:9999/api/");
        assertThat(Settings.fromEnvironment(env("SLACK_API_URL", "https://slack.com/api/")).apiUrl())
                .isEqualTo("https://slack.com/api/");
        assertThat(Settings.fromEnvironment(env("SLACK_API_URL", "  ")).apiUrl()).isNull();
    }

    @Test
    void adminsAreSplitOnCommasAndSpaces() {
        assertThat(Settings.fromEnvironment(env("NRR_ADMINS", "U1, U2 U3")).admins()).containsExactly("U1", "U2", "U3");
        assertThat(Settings.fromEnvironment(env("NRR_ADMINS", " ,U1,,U1\tU2, ")).admins()).containsExactly("U1", "U2");
        assertThat(Settings.fromEnvironment(env("NRR_ADMINS", "")).admins()).isEmpty();
    }

    @Test
    void toStringNeverShowsTheTokenOrTheSecret() {
        Settings s = Settings.fromEnvironment(env("SLACK_API_URL", "http://localhost:9999/api", "PORT", "4000",
                "NRR_ADMINS", "U1 U2"));
        assertThat(s.toString()).doesNotContain(TOKEN).doesNotContain(SECRET).doesNotContain("xoxb")
                .contains("http://localhost:9999/api/", "4000", "U1", "U2");
        // a record built directly too
        Settings direct = new Settings(TOKEN, SECRET, null, 3000, java.util.Set.of(), "xapp-1-secret-app-token", null,
                Settings.DEFAULT_JOB_PERIOD, Settings.DEFAULT_OUTBOX_LEASE, "jdbc:postgresql://h/db?user=u&password=" + SECRET,
                Settings.DEFAULT_MIN_GROUP_SIZE, null);
        assertThat(direct.toString()).doesNotContain(TOKEN).doesNotContain(SECRET).doesNotContain("xapp");
    }

    @Test
    void theTuningVariablesAreReadAndABadValueIsRefusedNotReplaced() {
        Settings s = Settings.fromEnvironment(env("NRR_TIMEZONE", "Europe/Berlin", "NRR_JOB_PERIOD_SECONDS", "5",
                "NRR_OUTBOX_LEASE_SECONDS", "90", "NRR_DATABASE_URL", "jdbc:postgresql://db:5432/nrr?user=bot"));
        assertThat(s.timezone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
        assertThat(s.jobPeriod()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(s.outboxLease()).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(s.databaseUrl()).isEqualTo("jdbc:postgresql://db:5432/nrr?user=bot");
        Settings defaults = Settings.fromEnvironment(env());
        assertThat(defaults.timezone()).isNull();
        assertThat(defaults.jobPeriod()).isEqualTo(Settings.DEFAULT_JOB_PERIOD);
        assertThat(defaults.outboxLease()).isEqualTo(Settings.DEFAULT_OUTBOX_LEASE);
        assertThatThrownBy(() -> Settings.fromEnvironment(env("NRR_TIMEZONE", "Mars/Olympus", "NRR_JOB_PERIOD_SECONDS", "soon",
                "NRR_OUTBOX_LEASE_SECONDS", "0", "NRR_DATABASE_URL", "postgres://db?password=" + SECRET)))
                .hasMessageContaining("NRR_TIMEZONE 'Mars/Olympus' is not a time zone")
                .hasMessageContaining("NRR_JOB_PERIOD_SECONDS 'soon' should be a whole number of seconds from 1 to 3600")
                .hasMessageContaining("NRR_OUTBOX_LEASE_SECONDS '0' should be a whole number of seconds from 1 to 3600")
                .hasMessageContaining("NRR_DATABASE_URL").hasMessageContaining("is not a JDBC URL")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void importsAndReportsNeedNothingFromSlackAndPostingNeedsOnlyTheBotToken() {
        Settings data = Settings.fromEnvironment(Map.of(), Settings.Needs.DATA);
        assertThat(data.botToken()).isNull();
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORT", "x"), Settings.Needs.DATA))
                .hasMessageContaining("PORT 'x' is not a port number");
        Settings post = Settings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), Settings.Needs.POST);
        assertThat(post.botToken()).isEqualTo("xoxb-1");
        assertThat(post.signingSecret()).isNull();
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(), Settings.Needs.POST)).hasMessageContaining("SLACK_BOT_TOKEN is not set")
                .hasMessageNotContaining("SLACK_SIGNING_SECRET");
    }

    @Test
    void problemsNeverShowTheSecret() {
        assertThatThrownBy(() -> Settings.fromEnvironment(env("SLACK_BOT_TOKEN", "xoxp-" + SECRET, "PORT", "x")))
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void socketModeNeedsAnAppTokenAndNoSigningSecret() {
        Settings s = Settings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1-abc"), true);
        assertThat(s.appToken()).isEqualTo("xapp-1-abc");
        assertThat(s.signingSecret()).isNull();
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), true))
                .hasMessageContaining("SLACK_APP_TOKEN is not set").hasMessageContaining("connections:write");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2"), true))
                .hasMessageContaining("xapp-");
    }

    @Test
    void theOpsAddressIsHostAndPort() {
        Settings s = Settings.fromEnvironment(env("NRR_OPS_ADDRESS", "127.0.0.1:9090"));
        assertThat(s.opsAddress().getPort()).isEqualTo(9090);
        assertThat(s.opsAddress().getAddress().isLoopbackAddress()).isTrue();
        assertThat(Settings.fromEnvironment(env()).opsAddress()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.fromEnvironment(env("NRR_OPS_ADDRESS", "9090")))
                .hasMessageContaining("NRR_OPS_ADDRESS '9090' should be HOST:PORT");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.fromEnvironment(env("NRR_MIN_GROUP_SIZE", "0")))
                .hasMessageContaining("NRR_MIN_GROUP_SIZE '0' should be a whole number of accounts from 1 to 1000");
    }
}
