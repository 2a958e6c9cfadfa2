package dev.nrrbot.platform.slack;

import com.slack.api.methods.MethodsClient;

/**
 * Who asked, and where the answer goes.
 *
 * @param userId    the Slack user who asked (checked by Slack's signature, never taken from text)
 * @param typed     the text after {@code /nrr}, as typed (trimmed)
 * @param triggerId for opening a modal; null where there is none (a shared answer)
 * @param client    the Web API client of this request
 * @param audience  whether the answer is for the asker, a channel or a modal
 */
public record Invocation(String userId, String typed, String triggerId, MethodsClient client, Audience audience) {

    /** Where an answer is shown, which decides its footer. */
    public enum Audience {
        /** Ephemeral to the asker, with a Share button where the command allows it. */
        ASKER,
        /** Posted to a channel by the Share button: says who shared it. */
        CHANNEL,
        /** Inside a modal (App Home buttons): no footer. */
        MODAL
    }

    /**
     * Whose rights decide what the answer may show: the asker's, or nobody in particular (null) when
     * it goes to a channel, since everyone there sees it.
     */
    public String viewerId() {
        return audience == Audience.CHANNEL ? null : userId;
    }

    /** The command to put on a Share button: a bare {@code /nrr} is shared as {@code current} (Block Kit wants a value). */
    public String shareText() {
        return typed == null || typed.isBlank() ? "current" : typed;
    }
}
