package dev.nrrbot.numbers.slack;

import com.slack.api.bolt.App;
import dev.nrrbot.numbers.render.AnswerBlocks;
import dev.nrrbot.numbers.render.AnswerBlocks.Footer;
import dev.nrrbot.numbers.slack.Answers;
import dev.nrrbot.serve.NrrSlackApp;
import dev.nrrbot.numbers.slack.Question;
import dev.nrrbot.numbers.slack.QuestionParser;
import dev.nrrbot.platform.slack.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Share in channel": recomputes the answer from the command on the button and posts it for the
 * channel through the response_url, with who shared it.
 */
public final class ShareAnswer {

    private static final Logger log = LoggerFactory.getLogger(ShareAnswer.class);

    private ShareAnswer() {
    }

    public static void register(App app, NrrSlackApp.Services s) {
        app.blockAction(AnswerBlocks.SHARE_ACTION, (req, ctx) -> {
            String command = req.getPayload().getActions().get(0).getValue();
            String user = req.getPayload().getUser().getId();
            Question q = QuestionParser.parse(command);
            if (!Answers.shareable(q) || req.getPayload().getResponseUrl() == null) {
                return ctx.ack();
            }
            s.background().submit(() -> {
                try {
                    Reply reply = s.answers().answer(q, user, Footer.sharedBy(user));
                    var response = ctx.respond(r -> r.responseType("in_channel").replaceOriginal(false)
                            .text(reply.text()).blocks(reply.blocks()));
                    if (response.getCode() != 200) {
                        log.warn("sharing to the channel failed: response_url answered HTTP {}", response.getCode());
                    }
                } catch (Exception e) {
                    log.warn("sharing to the channel failed: {}", e.toString());
                }
            });
            return ctx.ack();
        });
    }
}
