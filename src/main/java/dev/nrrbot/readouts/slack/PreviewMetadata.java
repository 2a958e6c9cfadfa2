package dev.nrrbot.readouts.slack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the quarterly readout's preview modal carries in its {@code private_metadata}: the quarter
 * and the channel to post to, as {@code 2026-Q3|C0123456789}. Read back on submit, where anything
 * else (missing, cut short, tampered with) is refused rather than trusted.
 */
record PreviewMetadata(String quarter, String channelId) {

    private static final Pattern FORM = Pattern.compile("(\\d{4}-Q[1-4])\\|([CG][A-Z0-9]{1,40})");

    String encode() {
        return quarter + "|" + channelId;
    }

    static Optional<PreviewMetadata> decode(String metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(metadata.trim());
        return m.matches() ? Optional.of(new PreviewMetadata(m.group(1), m.group(2))) : Optional.empty();
    }
}
