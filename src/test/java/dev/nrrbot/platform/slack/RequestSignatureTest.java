package dev.nrrbot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    final RequestSignature signature = new RequestSignature("s3cret", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theHeadersAloneRefuseWhatCannotBeSlacksBeforeTheBodyIsRead() {
        String now = Long.toString(NOW.getEpochSecond());
        assertThat(signature.headers(now, "v0=abc")).isEqualTo(RequestSignature.Headers.FRESH);
        assertThat(signature.headers(null, null)).isEqualTo(RequestSignature.Headers.ABSENT);
        assertThat(signature.headers(now, null)).isEqualTo(RequestSignature.Headers.REFUSED);
        assertThat(signature.headers(null, "v0=abc")).isEqualTo(RequestSignature.Headers.REFUSED);
        assertThat(signature.headers(now, "v1=abc")).isEqualTo(RequestSignature.Headers.REFUSED);
        assertThat(signature.headers("soon", "v0=abc")).isEqualTo(RequestSignature.Headers.REFUSED);
        assertThat(signature.headers(Long.toString(NOW.getEpochSecond() - 301), "v0=abc")).isEqualTo(RequestSignature.Headers.REFUSED);
        assertThat(signature.headers(Long.toString(NOW.getEpochSecond() + 301), "v0=abc")).isEqualTo(RequestSignature.Headers.REFUSED);
        assertThat(signature.headers(Long.toString(NOW.getEpochSecond() + 299), "v0=abc")).isEqualTo(RequestSignature.Headers.FRESH);
    }

    @Test
    void theBodyIsSignedExactlyAsSlackAndTheSdkSignIt() {
        String body = "command=%2Fnrr&text=trend&user_id=U1";
        String ts = Long.toString(NOW.getEpochSecond());
        String slacks = new SlackSignature.Generator("s3cret").generate(ts, body);
        assertThat(signature.signs(ts, slacks, body.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(signature.signs(ts, slacks, (body + "x").getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(signature.signs(Long.toString(NOW.getEpochSecond() + 1), slacks, body.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(signature.signs(ts, new SlackSignature.Generator("other").generate(ts, body), body.getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void onlySlacksCertificateCheckMayComeUnsigned() {
        assertThat(RequestSignature.isSslCheck("ssl_check=1&token=abc".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(RequestSignature.isSslCheck("token=abc&ssl_check=1".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(RequestSignature.isSslCheck("ssl_check=0&token=abc".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(RequestSignature.isSslCheck("ssl_check=1&command=%2Fnrr".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(RequestSignature.isSslCheck("ssl_check=1&payload=%7B%7D".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(RequestSignature.isSslCheck("ssl_check=1&token=%zz".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(RequestSignature.isSslCheck(new byte[0])).isFalse();
    }
}
