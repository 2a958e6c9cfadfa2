package dev.nrrbot.outbox;

/**
 * One Slack message to send. {@code method} is {@code chat.postMessage} (recipient: a user or
 * channel id), {@code files.uploadV2} (recipient: a channel) or {@code response_url} (recipient: the URL). {@code body} is the JSON Slack expects.
 * {@code dedupeKey} names the message in the domain ("nudge:flag:12:2"): a second message with the
 * same key is never queued.
 */
public record OutboxMessage(String dedupeKey, String method, String recipient, String body) {

    public static final String POST_MESSAGE = "chat.postMessage";
    public static final String RESPONSE_URL = "response_url";
    /** A PNG uploaded with files.uploadV2; the body holds channel-less {filename, title, png (base64)}. */
    public static final String FILE_UPLOAD = "files.uploadV2";
}
