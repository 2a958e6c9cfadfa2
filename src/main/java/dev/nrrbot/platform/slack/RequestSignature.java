package dev.nrrbot.platform.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature ({@code v0=} HMAC-SHA256 of {@code v0:timestamp:body}), checked by the
 * server as early as the server allows, which is in two steps:
 * <ol>
 * <li>From the headers alone, before a byte of the body is read: a timestamp that is not a number or
 * is more than five minutes off either way is refused unread. A request with neither header may only
 * be Slack's {@code ssl_check} (which Slack sends unsigned, and which is tiny).</li>
 * <li>The HMAC covers the whole body, so no verdict exists before its last byte: it is checked the
 * moment the body is in, on the thread that read it, before the body is parsed, logged, queued for a
 * worker or shown to Bolt.</li>
 * </ol>
 * Bolt checks the same signature again after it has parsed the body; that costs microseconds and
 * keeps its own guarantee in place.
 */
final class RequestSignature {

    static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    static final String SIGNATURE = "X-Slack-Signature";
    static final long TOLERANCE_SECONDS = 5 * 60;
    private static final Set<String> SSL_CHECK_FIELDS = Set.of("ssl_check", "token");

    /** What the headers say before the body is read. */
    enum Headers {
        /** Both headers, the timestamp fresh: read the body and check it. */
        FRESH,
        /** Neither header: only an ssl_check may come like this. */
        ABSENT,
        /** Anything else: refuse without reading the body. */
        REFUSED
    }

    private final SecretKeySpec key;
    private final Clock clock;

    RequestSignature(String signingSecret, Clock clock) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    Headers headers(String timestamp, String signature) {
        if (timestamp == null && signature == null) {
            return Headers.ABSENT;
        }
        if (timestamp == null || signature == null || !signature.startsWith("v0=")) {
            return Headers.REFUSED;
        }
        try {
            long seconds = Long.parseLong(timestamp.trim());
            return Math.abs(clock.instant().getEpochSecond() - seconds) <= TOLERANCE_SECONDS ? Headers.FRESH : Headers.REFUSED;
        } catch (NumberFormatException e) {
            return Headers.REFUSED;
        }
    }

    /** Whether {@code signature} is Slack's over exactly these bytes (compared in constant time). */
    boolean signs(String timestamp, String signature, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v0=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Slack's certificate check: a form of {@code ssl_check=1} and a token, nothing else. */
    static boolean isSslCheck(byte[] body) {
        String form = new String(body, StandardCharsets.UTF_8).trim();
        boolean sslCheck = false;
        try {
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!SSL_CHECK_FIELDS.contains(name)) {
                    return false;
                }
                sslCheck |= name.equals("ssl_check") && value.equals("1");
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return sslCheck;
    }
}
