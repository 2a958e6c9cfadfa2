package dev.nrrbot.numbers.slack;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.WindowSpec;
import dev.nrrbot.platform.slack.BadInput;
import dev.nrrbot.platform.slack.Typos;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the numbers commands are typed: each reads the words after its command word. */
public final class NumbersGrammar {

    /** {@code /nrr [window]}: the company report. */
    public record Summary(WindowSpec window) {
    }

    /** {@code /nrr function product [window]}. */
    public record FunctionView(BusinessFunction function, WindowSpec window) {
    }

    /** {@code /nrr segment plan=Enterprise [window]}. */
    public record SegmentView(String segment, WindowSpec window) {
    }

    /** {@code /nrr reasons [window]}. */
    public record Reasons(WindowSpec window) {
    }

    /** {@code /nrr definitions}. */
    public record Definitions() {
    }

    /** {@code /nrr trend}. */
    public record Trend() {
    }

    /** {@code /nrr account NAME-OR-ID}. */
    public record AccountView(String query) {
    }

    private NumbersGrammar() {
    }

    static Summary summary(String rest) {
        return new Summary(window(rest, "/nrr 2026-Q3"));
    }

    static FunctionView function(String rest) {
        String[] parts = rest.split(" ", 2);
        Optional<BusinessFunction> f = BusinessFunction.parse(parts[0]);
        if (rest.isEmpty() || f.isEmpty()) {
            String names = String.join(", ", Arrays.stream(BusinessFunction.values()).map(BusinessFunction::code).toList());
            String closest = rest.isEmpty() ? null : Typos.closest(parts[0].toLowerCase(Locale.ROOT),
                    Arrays.stream(BusinessFunction.values()).map(BusinessFunction::code).toList());
            throw new BadInput((rest.isEmpty() ? "Which function?" : "\"" + Typos.clip(parts[0]) + "\" is not a function.")
                    + " Functions: " + names + " (short: eng, cs, am).",
                    closest == null ? "/nrr function product" : "/nrr function " + closest);
        }
        String window = parts.length > 1 ? parts[1].trim() : "";
        return new FunctionView(f.get(), window(window, "/nrr function " + f.get().code() + " 2026-Q3"));
    }

    /** {@code /nrr product} or {@code /nrr eng 2026-Q3}: a function name on its own. */
    static boolean isBareFunction(String text) {
        String[] words = text.split(" ", 2);
        return BusinessFunction.parse(words[0]).isPresent() && (words.length == 1 || WindowSpec.isWindow(words[1]));
    }

    static SegmentView segment(String rest) {
        String[] parts = rest.split(" ", 2);
        if (rest.isEmpty() || !isKeyValue(parts[0])) {
            throw new BadInput("A segment is KEY=VALUE, with any account attribute as the key.", "/nrr segment plan=Enterprise");
        }
        String window = parts.length > 1 ? parts[1].trim() : "";
        return new SegmentView(parts[0], window(window, "/nrr segment " + parts[0] + " 2026-Q3"));
    }

    /** {@code /nrr plan=Enterprise [window]}: a segment on its own. */
    static boolean isBareSegment(String text) {
        String[] words = text.split(" ", 2);
        return isKeyValue(words[0]) && (words.length == 1 || WindowSpec.isWindow(words[1]));
    }

    private static boolean isKeyValue(String word) {
        return word.contains("=") && !word.startsWith("=") && !word.endsWith("=");
    }

    static Reasons reasons(String rest) {
        return new Reasons(window(rest, "/nrr reasons 2026-Q3"));
    }

    static AccountView account(String rest) {
        if (rest.isEmpty()) {
            throw new BadInput("Which account? Give its name or id.", "/nrr account Acme");
        }
        return new AccountView(rest);
    }

    /**
     * The window in {@code text} (the default when empty), read once; a text that is no window is bad
     * input with {@code example}. Shared by every command that takes a window.
     */
    public static WindowSpec window(String text, String example) {
        try {
            return WindowSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInput("\"" + Typos.clip(text) + "\" is not a window I know. Windows: " + dev.nrrbot.metrics.Window.SYNTAX + ".",
                    example);
        }
    }
}
