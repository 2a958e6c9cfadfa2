package dev.nrrbot.platform.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewTitle;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Buttons whose value is a {@code /nrr} command (the App Home tab's): each opens its answer in a modal. */
public final class CommandButtons {

    /** Action ids starting with this prefix carry a command. */
    public static final String PREFIX = "home_";
    private static final Logger log = LoggerFactory.getLogger(CommandButtons.class);

    private final CommandTable table;

    public CommandButtons(CommandTable table) {
        this.table = table;
    }

    public void register(App app) {
        app.blockAction(Pattern.compile(Pattern.quote(PREFIX) + ".*"), (req, ctx) -> {
            var actions = req.getPayload().getActions();
            String command = actions == null || actions.isEmpty() ? null : actions.get(0).getValue();
            String trigger = req.getPayload().getTriggerId();
            if (command == null || trigger == null || ctx.getRequestUserId() == null) {
                return ctx.ack();
            }
            // trigger ids expire after 3 seconds: answer and open the modal before acking
            Reply reply = table.run(table.parse(command), new Invocation(ctx.getRequestUserId(), command, trigger, ctx.client(),
                    Invocation.Audience.MODAL));
            try {
                var r = ctx.client().viewsOpen(v -> v.triggerId(trigger).view(View.builder().type("modal")
                        .title(ViewTitle.builder().type("plain_text").text("NRR").build())
                        .close(ViewClose.builder().type("plain_text").text("Close").build())
                        .blocks(reply.blocks()).build()));
                if (!r.isOk()) {
                    log.warn("views.open failed: {}", r.getError());
                }
            } catch (java.io.IOException | com.slack.api.methods.SlackApiException e) {
                log.warn("could not open the modal", e);
            }
            return ctx.ack();
        });
    }
}
