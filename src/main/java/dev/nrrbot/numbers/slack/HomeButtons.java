package dev.nrrbot.numbers.slack;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewTitle;
import dev.nrrbot.numbers.render.AnswerBlocks.Footer;
import dev.nrrbot.serve.NrrSlackApp;
import dev.nrrbot.numbers.slack.QuestionParser;
import dev.nrrbot.platform.slack.Reply;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Home tab's buttons: each opens the answer to its /nrr command in a modal. */
public final class HomeButtons {

    private static final Logger log = LoggerFactory.getLogger(HomeButtons.class);

    private HomeButtons() {
    }

    public static void register(App app, NrrSlackApp.Services s) {
        app.blockAction(Pattern.compile("home_.*"), (req, ctx) -> {
            String command = req.getPayload().getActions().get(0).getValue();
            String user = req.getPayload().getUser().getId();
            String trigger = req.getPayload().getTriggerId();
            // trigger ids expire after 3 seconds: answer and open the modal before acking
            Reply reply = s.answers().answer(QuestionParser.parse(command), user, Footer.none());
            open(ctx.client(), trigger, reply);
            return ctx.ack();
        });
    }

    private static void open(MethodsClient client, String trigger, Reply reply) {
        try {
            ViewsOpenResponse r = client.viewsOpen(req -> req.triggerId(trigger).view(View.builder().type("modal")
                    .title(ViewTitle.builder().type("plain_text").text("NRR").build())
                    .close(ViewClose.builder().type("plain_text").text("Close").build())
                    .blocks(reply.blocks()).build()));
            if (!r.isOk()) {
                log.warn("views.open failed: {}", r.getError());
            }
        } catch (Exception e) {
            log.warn("could not open the modal: {}", e.toString());
        }
    }
}
