package dev.nrrbot.platform.slack;

import dev.nrrbot.platform.Failures;
import dev.nrrbot.platform.format.Definitions;
import dev.nrrbot.platform.ops.LogSafe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code /nrr} command in one table: routing, help and "did you mean" come from it, and it is
 * the one error boundary. Bad input and the failures the composition root names as sentences (no
 * data for a window, a value out of range) become that sentence; anything else becomes a short
 * apology with an id, and the log holds the id with the stack trace.
 */
public final class CommandTable {

    private static final Logger log = LoggerFactory.getLogger(CommandTable.class);

    /** Help, or text the table could not read: {@code problem} says what, {@code suggestion} may work. */
    public record Help(String problem, String suggestion) {
        public static Help plain() {
            return new Help(null, null);
        }
    }

    /** A command and its arguments, read from the text. */
    public record Parsed(Command<?> command, Object args) {
    }

    private final List<Command<?>> commands;
    private final Command<?> byDefault;
    private final Command<Help> help;
    private final List<Class<? extends RuntimeException>> sentences;

    /**
     * @param commands     every capability's commands, in the order bare text is offered to them
     * @param defaultName  the command a bare {@code /nrr} runs
     * @param sentences    exceptions whose message is written for the person who asked
     */
    public CommandTable(List<Command<?>> commands, String defaultName, List<Class<? extends RuntimeException>> sentences) {
        this.help = Command.<Help>of("help", "/nrr help", "this list", rest -> Help.plain(), (h, in) -> helpReply(h))
                .aliases("?", "usage");
        List<Command<?>> all = new ArrayList<>();
        all.add(help);
        all.addAll(commands);
        this.commands = List.copyOf(all);
        this.byDefault = all.stream().filter(c -> c.name().equals(defaultName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no command named " + defaultName));
        this.sentences = List.copyOf(sentences);
        for (Command<?> c : all) {
            for (Command<?> d : all) {
                if (c != d && (d.answersTo(c.name()) || c.aliases().stream().anyMatch(d::answersTo))) {
                    throw new IllegalArgumentException("two commands answer to the same word: " + c.name() + ", " + d.name());
                }
            }
        }
    }

    public List<Command<?>> commands() {
        return commands;
    }

    /** Whether {@code word} is a command's name or alias (the request log names only those). */
    public boolean isCommandWord(String word) {
        return commands.stream().anyMatch(c -> c.answersTo(word));
    }

    /** Reads the text after {@code /nrr}; never throws: unreadable text is {@link Help} with the closest command. */
    public Parsed parse(String text) {
        String t = text == null ? "" : text.trim().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            return read(byDefault, "");
        }
        String[] words = t.split(" ", 2);
        String head = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].trim() : "";
        for (Command<?> c : commands) {
            if (c.answersTo(head)) {
                return read(c, rest);
            }
        }
        for (Command<?> c : commands) {
            if (c.bare() != null && c.bare().test(t)) {
                return read(c, t);
            }
        }
        String closest = Typos.closest(head, commands.stream().map(Command::name).toList());
        return new Parsed(help, new Help("I did not understand \"" + Typos.clip(t) + "\".",
                closest == null ? null : "/nrr " + closest + (rest.isEmpty() ? "" : " " + rest)));
    }

    private Parsed read(Command<?> c, String rest) {
        try {
            return new Parsed(c, c.parse().apply(rest));
        } catch (BadInput e) {
            return new Parsed(help, new Help(e.problem(), e.example()));
        }
    }

    /** Answers; the one place a failure turns into words. */
    public Reply run(Parsed p, Invocation in) {
        try {
            return handle(p.command(), p.args(), in);
        } catch (BadInput e) {
            return helpReply(new Help(e.problem(), e.example()));
        } catch (RuntimeException e) {
            if (sentences.stream().anyMatch(s -> s.isInstance(e)) && e.getMessage() != null) {
                return Reply.notice(e.getMessage());
            }
            return apology(p.command().name(), e);
        }
    }

    /** The answer to a failure nobody foresaw: an id the person can quote, the stack trace in the log. */
    public static Reply apology(String what, Throwable e) {
        String id = Failures.newId();
        log.error("unexpected failure {} answering /nrr {}", id, what, LogSafe.withoutMessages(e)); // messages may quote the text
        return Reply.notice(Failures.apology(id));
    }

    @SuppressWarnings("unchecked")
    private static <A> Reply handle(Command<A> c, Object args, Invocation in) {
        return c.handle().handle((A) args, in);
    }

    private Reply helpReply(Help h) {
        BlockKit kit = new BlockKit();
        if (h.problem() != null) {
            kit.text(BlockKit.escape(h.problem()) + (h.suggestion() == null ? ""
                    : "\nDid you mean `" + BlockKit.escape(h.suggestion()) + "`?"));
        }
        StringBuilder lines = new StringBuilder("*Ask /nrr*");
        for (Command<?> c : commands) {
            if (!c.has(Command.Trait.HIDDEN) && c != help) {
                lines.append("\n`").append(c.usage()).append("` ").append(c.summary());
            }
        }
        kit.text(lines.toString());
        kit.context("Answers are only visible to you until you press *Share in channel*. " + Definitions.NRR_FOOTNOTE);
        return new Reply(h.problem() == null ? "How to use /nrr" : BlockKit.escape(h.problem()), kit.build());
    }
}
