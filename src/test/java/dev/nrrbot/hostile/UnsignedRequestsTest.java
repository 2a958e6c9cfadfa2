package dev.nrrbot.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.serve.SharedBot;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The signature is checked as early as the server allows: from the headers, before the body is read,
 * wherever they already show the request is not Slack's; otherwise the moment the body is in. Only
 * Slack's ssl_check, which Slack sends unsigned, is answered without one.
 */
@Tag("hostile")
class UnsignedRequestsTest extends SharedBot {

    /** Sends the headers only, and returns the status the server answers before any of the body. */
    private static int statusBeforeTheBody(String head) throws IOException {
        try (Socket s = RawHttp.connect(bot.bot.port(), Duration.ofSeconds(10))) {
            RawHttp.send(s, head);
            return RawHttp.status(s);
        }
    }

    private static int status(String head, String body) throws IOException {
        try (Socket s = RawHttp.connect(bot.bot.port(), Duration.ofSeconds(10))) {
            RawHttp.send(s, head + body);
            return RawHttp.status(s);
        }
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedOnItsContentLengthBeforeAnyOfItIsSent() throws Exception {
        assertThat(statusBeforeTheBody(RawHttp.unsignedHead(5 << 20))).isEqualTo(413);
    }

    @Test
    void aStaleOrFutureOrGarbledTimestampIsRefusedBeforeTheBodyIsRead() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String sig = "v0=" + "0".repeat(64);
        assertThat(statusBeforeTheBody(RawHttp.head(500_000, Long.toString(now - 6 * 60), sig))).isEqualTo(401);
        assertThat(statusBeforeTheBody(RawHttp.head(500_000, Long.toString(now + 6 * 60), sig))).isEqualTo(401);
        assertThat(statusBeforeTheBody(RawHttp.head(500_000, "yesterday", sig))).isEqualTo(401);
        assertThat(statusBeforeTheBody(RawHttp.head(500_000, Long.toString(now), null))).isEqualTo(401);
    }

    @Test
    void withoutSignatureHeadersOnlyATinyBodyIsReadAndOnlyAnSslCheckIsAnswered() throws Exception {
        assertThat(statusBeforeTheBody(RawHttp.head(2_000, null, null))).isEqualTo(401);
        String check = "ssl_check=1&token=abc";
        assertThat(status(RawHttp.head(check.length(), null, null), check)).isEqualTo(200);
        String command = "command=%2Fnrr&text=trend&user_id=U0ADMIN";
        assertThat(status(RawHttp.head(command.length(), null, null), command)).isEqualTo(401);
    }

    @Test
    void aSignatureThatIsNotSlacksIsRefusedOnceTheBodyIsIn() throws Exception {
        String command = "command=%2Fnrr&text=trend&user_id=U0ADMIN&team_id=T0ACME";
        assertThat(status(RawHttp.unsignedHead(command.length()), command)).isEqualTo(401);
        assertThat(bot.client.command("U0VIEWER", "trend", bot.slack.responseUrl("u")).statusCode()).isEqualTo(200);
    }
}
