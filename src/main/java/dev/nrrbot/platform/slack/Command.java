package dev.nrrbot.platform.slack;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One {@code /nrr} command, contributed by the capability that answers it. The table routes by
 * {@code name} or an alias; {@code bare} lets a command claim text that starts with no command word
 * ({@code /nrr 2026-Q3}, {@code /nrr product}); help and "did you mean" come from the same entries.
 *
 * @param name      the word after {@code /nrr}
 * @param aliases   other words for it
 * @param usage     how to type it, shown in help: {@code /nrr function product}
 * @param summary   what it answers, a few words
 * @param parse     reads the text after the command word into arguments; throws {@link BadInput}
 * @param handle    answers; may throw the exceptions the table was told are sentences (no data, bad value)
 * @param bare      whether the whole text, with no command word, is this command's (null: never)
 * @param traits    what the router needs to know: see {@link Trait}
 * @param <A>       the parsed arguments
 */
public record Command<A>(String name, List<String> aliases, String usage, String summary, Function<String, A> parse,
                         Handler<A> handle, Predicate<String> bare, List<Trait> traits) {

    /** Answers parsed arguments for one person. */
    @FunctionalInterface
    public interface Handler<A> {
        Reply handle(A args, Invocation invocation);
    }

    public enum Trait {
        /** Reads the numbers: while they load after a large import, the answer comes through response_url. */
        NEEDS_DATA,
        /** May be shared to a channel with the Share button (and recomputed when shared). */
        SHAREABLE,
        /** Left out of the help listing (the default command, shown by its forms instead). */
        HIDDEN,
        /**
         * May take longer than Slack's 3 seconds (a computation over every account and month): answered
         * inline when done within the budget, else acked at once and answered through the response_url.
         */
        MAY_BE_SLOW
    }

    public Command {
        aliases = List.copyOf(aliases);
        traits = List.copyOf(traits);
    }

    public static <A> Command<A> of(String name, String usage, String summary, Function<String, A> parse, Handler<A> handle) {
        return new Command<>(name, List.of(), usage, summary, parse, handle, null, List.of());
    }

    public Command<A> aliases(String... more) {
        return new Command<>(name, List.of(more), usage, summary, parse, handle, bare, traits);
    }

    public Command<A> bare(Predicate<String> claims) {
        return new Command<>(name, aliases, usage, summary, parse, handle, claims, traits);
    }

    public Command<A> with(Trait... more) {
        return new Command<>(name, aliases, usage, summary, parse, handle, bare, List.of(more));
    }

    public boolean has(Trait t) {
        return traits.contains(t);
    }

    public boolean answersTo(String word) {
        return name.equals(word) || aliases.contains(word);
    }
}
