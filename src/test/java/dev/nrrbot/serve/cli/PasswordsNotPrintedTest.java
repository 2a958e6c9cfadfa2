package dev.nrrbot.serve.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nrrbot.platform.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the command line prints when a database cannot be opened, and the settings' own messages: never a password. */
class PasswordsNotPrintedTest {

    @Test
    void aDatabaseUrlWithTheUserAndPasswordBeforeTheHost() {
        // PgJDBC reads "bob:s3cret@127.0.0.1" as the host, and its message says so
        CliRun run = CliRun.of("report", "--db", "jdbc:postgresql://bob:s3cret@127.0.0.1:1/nrr");
        assertThat(run.exit()).isEqualTo(Main.DATA_PROBLEM);
        assertThat(run.err()).contains("jdbc:postgresql://bob:***@127.0.0.1:1/nrr").doesNotContain("s3cret");
    }

    @Test
    void copyWithPasswordsInEitherUrl() {
        CliRun run = CliRun.of("copy", "--from", "jdbc:h2:tcp://127.0.0.1:1/~/nrr;USER=sa;PASSWORD=s3cret",
                "--to", "jdbc:postgresql://127.0.0.1:1/nrr?user=nrr&password=s3cret");
        assertThat(run.exit()).isEqualTo(Main.DATA_PROBLEM);
        assertThat(run.err()).contains("PASSWORD=***").doesNotContain("s3cret");
    }

    @Test
    void aSlackApiUrlWithCredentialsInIt() {
        Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                "SLACK_API_URL", "ftp://bot:t0ken@proxy.example/api/");
        assertThatThrownBy(() -> Settings.fromEnvironment(env, Settings.Needs.SERVE)).hasMessageContaining("bot:***@proxy.example")
                .message().doesNotContain("t0ken");
        Settings ok = Settings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                "SLACK_API_URL", "https://bot:t0ken@proxy.example/api/"), Settings.Needs.SERVE);
        assertThat(ok.toString()).contains("https://bot:***@proxy.example/api/").doesNotContain("t0ken");
    }
}
