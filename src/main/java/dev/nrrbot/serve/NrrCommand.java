package dev.nrrbot.serve;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.model.block.LayoutBlock;
import dev.nrrbot.numbers.render.AnswerBlocks.Footer;
import dev.nrrbot.numbers.slack.Answers;
import dev.nrrbot.serve.NrrSlackApp;
import dev.nrrbot.numbers.slack.Question;
import dev.nrrbot.numbers.slack.QuestionParser;
import dev.nrrbot.platform.slack.Reply;
import dev.nrrbot.flags.slack.FlagCommands;
import dev.nrrbot.readouts.slack.ReadoutCommands;
import dev.nrrbot.comp.slack.CompCommands;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /nrr}: parse, answer, ack. When the numbers are not ready within two seconds (a reload after
 * a large import), it acks at once and answers through the response_url.
 */
public final class NrrCommand {

    private static final Logger log = LoggerFactory.getLogger(NrrCommand.class);
    static final Duration INLINE_BUDGET = Duration.ofSeconds(2);

    private NrrCommand() {
    }

    public static void register(App app, NrrSlackApp.Services s) {
        app.command("/nrr", (req, ctx) -> {
            String text = req.getPayload().getText() == null ? "" : req.getPayload().getText().trim();
            String user = req.getPayload().getUserId();
            Question q = QuestionParser.parse(text);
            // Block Kit wants a non-empty button value: a bare /nrr is shared as "current"
            Footer footer = Answers.shareable(q) ? Footer.shareable(text.isEmpty() ? "current" : text) : Footer.none();
            Reply routed = CompCommands.handles(q) ? CompCommands.answer(q, user, s)
                    : ReadoutCommands.handles(q) ? ReadoutCommands.answer(q, user, req.getPayload().getTriggerId(), ctx.client(), s)
                    : FlagCommands.handles(q) ? FlagCommands.answer(q, user, req.getPayload().getTriggerId(), ctx.client(), s)
                    : null;
            if (routed != null) {
                return ctx.ack(r -> r.responseType("ephemeral").text(routed.text()).blocks(routed.blocks()));
            }
            boolean needsNumbers = !(q instanceof Question.Help) && !(q instanceof Question.SetRole);
            if (!needsNumbers || s.cache().engine(INLINE_BUDGET).isPresent()) {
                Reply reply = s.answers().answer(q, user, footer);
                return ctx.ack(r -> r.responseType("ephemeral").text(reply.text()).blocks(reply.blocks()));
            }
            s.background().submit(() -> respondLater(ctx, s.answers(), q, user, footer));
            return ctx.ack(r -> r.responseType("ephemeral").text(":hourglass_flowing_sand: Crunching the numbers, one moment..."));
        });
    }

    private static void respondLater(SlashCommandContext ctx, Answers answers, Question q, String user, Footer footer) {
        try {
            Reply reply = answers.answer(q, user, footer);
            send(ctx, reply.text(), reply.blocks());
        } catch (RuntimeException e) {
            log.error("could not answer /nrr: {}", e.toString());
            send(ctx, "Sorry, I could not compute that answer. Please try again in a minute.", null);
        }
    }

    private static void send(SlashCommandContext ctx, String text, List<LayoutBlock> blocks) {
        try {
            var response = ctx.respond(r -> r.responseType("ephemeral").text(text).blocks(blocks));
            if (response.getCode() != 200) {
                log.warn("response_url answered HTTP {}", response.getCode());
            }
        } catch (java.io.IOException e) {
            log.warn("could not reach response_url: {}", e.getMessage());
        }
    }
}
