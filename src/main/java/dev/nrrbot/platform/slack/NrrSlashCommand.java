package dev.nrrbot.platform.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /nrr}: parse, answer, ack. When the numbers are not ready within two seconds (a reload after
 * a large import), it acks at once and answers through the response_url.
 */
public final class NrrSlashCommand {

    private static final Logger log = LoggerFactory.getLogger(NrrSlashCommand.class);
    static final Duration INLINE_BUDGET = Duration.ofSeconds(2);

    private final CommandTable table;
    private final Predicate<Duration> dataReadyWithin;
    private final ExecutorService background;

    /**
     * @param dataReadyWithin whether the numbers are loaded, waiting at most the given time
     * @param background      runs answers that finish after the ack
     */
    public NrrSlashCommand(CommandTable table, Predicate<Duration> dataReadyWithin, ExecutorService background) {
        this.table = table;
        this.dataReadyWithin = dataReadyWithin;
        this.background = background;
    }

    public void register(App app) {
        app.command("/nrr", (req, ctx) -> {
            String text = typed(req.getPayload().getText());
            Invocation in = new Invocation(ctx.getRequestUserId(), text, req.getPayload().getTriggerId(), ctx.client(),
                    Invocation.Audience.ASKER);
            CommandTable.Parsed parsed = table.parse(text);
            if (parsed.command().has(Command.Trait.NEEDS_DATA) && !dataReadyWithin.test(INLINE_BUDGET)) {
                background.submit(() -> respondLater(ctx, parsed, in));
                return ctx.ack(r -> r.responseType("ephemeral").text(":hourglass_flowing_sand: Crunching the numbers, one moment..."));
            }
            if (parsed.command().has(Command.Trait.MAY_BE_SLOW)) {
                java.util.concurrent.Future<Reply> answer = background.submit(() -> table.run(parsed, in));
                try {
                    Reply reply = answer.get(INLINE_BUDGET.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                    return ctx.ack(r -> r.responseType("ephemeral").text(reply.text()).blocks(reply.blocks()));
                } catch (java.util.concurrent.TimeoutException e) {
                    background.submit(() -> respond(ctx, answerOf(answer, parsed, in)));
                    return ctx.ack(r -> r.responseType("ephemeral").text(":hourglass_flowing_sand: Crunching the numbers, one moment..."));
                } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    Reply reply = answerOf(answer, parsed, in);
                    return ctx.ack(r -> r.responseType("ephemeral").text(reply.text()).blocks(reply.blocks()));
                }
            }
            Reply reply = table.run(parsed, in);
            return ctx.ack(r -> r.responseType("ephemeral").text(reply.text()).blocks(reply.blocks()));
        });
    }

    /**
     * What the person typed: Slack sends a command's {@code &}, {@code <} and {@code >} as HTML entities,
     * so {@code /nrr account AT&T} arrives as {@code AT&amp;T}. Answers escape whatever they echo.
     */
    static String typed(String text) {
        return text == null ? "" : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").trim();
    }

    private void respondLater(SlashCommandContext ctx, CommandTable.Parsed parsed, Invocation in) {
        respond(ctx, table.run(parsed, in));
    }

    /** The answer computed in the background; if it failed there, the table's apology for it. */
    private Reply answerOf(java.util.concurrent.Future<Reply> answer, CommandTable.Parsed parsed, Invocation in) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.notice("The answer was interrupted: the bot is stopping. Ask again in a minute.");
        } catch (java.util.concurrent.ExecutionException e) {
            String id = dev.nrrbot.platform.Failures.newId();
            log.error("unexpected failure {} answering /nrr {}", id, parsed.command().name(), e.getCause());
            return Reply.notice("Something went wrong on our side (error " + id + "). Please try again; if it keeps"
                    + " happening, tell an admin this id.");
        }
    }

    private void respond(SlashCommandContext ctx, Reply reply) {
        try {
            var response = ctx.respond(r -> r.responseType("ephemeral").text(reply.text()).blocks(reply.blocks()));
            if (response.getCode() != 200) {
                log.warn("response_url answered HTTP {}", response.getCode());
            }
        } catch (java.io.IOException e) {
            log.warn("could not reach response_url", e);
        }
    }
}
