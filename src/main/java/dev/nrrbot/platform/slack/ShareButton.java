package dev.nrrbot.platform.slack;

import com.slack.api.bolt.App;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Share in channel": recomputes the answer from the command on the button, for the person who
 * pressed it with what a channel may see, and posts it for the channel through the response_url with
 * who shared it. Only commands the table marks shareable are shared, whatever the button says; an
 * answer the channel may not see goes back to the sharer alone.
 */
public final class ShareButton {

    public static final String ACTION = "share_answer";
    private static final Logger log = LoggerFactory.getLogger(ShareButton.class);

    private final CommandTable table;
    private final ExecutorService background;

    public ShareButton(CommandTable table, ExecutorService background) {
        this.table = table;
        this.background = background;
    }

    public void register(App app) {
        app.blockAction(ACTION, (req, ctx) -> {
            var actions = req.getPayload().getActions();
            String command = actions == null || actions.isEmpty() ? null : actions.get(0).getValue();
            if (command == null || req.getPayload().getResponseUrl() == null || ctx.getRequestUserId() == null) {
                return ctx.ack();
            }
            CommandTable.Parsed parsed = table.parse(command);
            if (!parsed.command().has(Command.Trait.SHAREABLE)) {
                return ctx.ack();
            }
            Invocation in = new Invocation(ctx.getRequestUserId(), command, null, ctx.client(), Invocation.Audience.CHANNEL);
            background.submit(() -> {
                Reply reply = table.run(parsed, in);
                try {
                    // a refusal (a small group, an amount the channel may not see) is for the sharer alone
                    var response = ctx.respond(r -> r.responseType(reply.askerOnly() ? "ephemeral" : "in_channel")
                            .replaceOriginal(false).text(reply.text()).blocks(reply.blocks()));
                    if (response.getCode() != 200) {
                        log.warn("sharing to the channel failed: response_url answered HTTP {}", response.getCode());
                    }
                } catch (java.io.IOException e) {
                    log.warn("sharing to the channel failed", e);
                }
            });
            return ctx.ack();
        });
    }
}
