package dev.nrrbot.metrics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The changes a team makes to its taxonomy, as functions: each checks the change against the
 * taxonomy it is made to and returns the new taxonomy, or a refusal that says what to do instead.
 */
public final class TaxonomyChanges {

    /** The new taxonomy, or (taxonomy null) a sentence saying why not and what to do. */
    public record Outcome(ReasonTaxonomy taxonomy, String refusal) {

        static Outcome done(ReasonTaxonomy t) {
            return new Outcome(t, null);
        }

        static Outcome refused(String sentence) {
            return new Outcome(null, sentence);
        }

        public boolean done() {
            return taxonomy != null;
        }
    }

    /** What a code explains in a stretch of months: the movements it is attached to and their size. */
    public record Reach(Map<MovementKind, Integer> movements, long cents, int months) {

        public int count() {
            return movements.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private TaxonomyChanges() {
    }

    /** The function codes a change accepts, for refusals. */
    public static String functionCodes() {
        return String.join(", ", Arrays.stream(BusinessFunction.values()).map(BusinessFunction::code).toList());
    }

    /** A new code owned by {@code function}; its label is the code when none is given. */
    public static Outcome add(ReasonTaxonomy t, String code, String function, String label, ReasonCode.Polarity polarity) {
        String c = code == null ? "" : ReasonTaxonomy.normalize(code);
        if (c.isEmpty()) {
            return Outcome.refused("Give the new code, e.g. taxonomy add pricing_complaint finance.");
        }
        if (c.equals(ReasonTaxonomy.UNEXPLAINED)) {
            return Outcome.refused("'" + ReasonTaxonomy.UNEXPLAINED + "' is reserved for lost revenue without a reason;"
                    + " choose another code.");
        }
        if (t.byCode(c).isPresent()) {
            return Outcome.refused("'" + c + "' is already a code (" + BusinessFunction.labelOf(t.byCode(c).get().function())
                    + "); to change its function use taxonomy move " + c + " FUNCTION.");
        }
        if (t.resolve(c).isPresent()) {
            return Outcome.refused("'" + c + "' is already an alias of " + t.resolve(c).get().code()
                    + "; choose another code.");
        }
        Outcome f = function(function);
        if (f.refusal() != null) {
            return f;
        }
        BusinessFunction owner = BusinessFunction.parse(function).orElse(null);
        String shown = label == null || label.isBlank() ? c : label.trim();
        return Outcome.done(t.with(new ReasonCode(c, owner, polarity == null ? ReasonCode.Polarity.REASON : polarity,
                shown, List.of())));
    }

    /** Imports read {@code alias} as {@code code} from now on. */
    public static Outcome alias(ReasonTaxonomy t, String alias, String code) {
        String a = alias == null ? "" : ReasonTaxonomy.normalize(alias);
        if (a.isEmpty() || code == null || code.isBlank()) {
            return Outcome.refused("Give the alias and the code it stands for, e.g. taxonomy alias pricing_complaint pricing.");
        }
        if (a.equals(ReasonTaxonomy.UNEXPLAINED)) {
            return Outcome.refused("'" + ReasonTaxonomy.UNEXPLAINED + "' is reserved for lost revenue without a reason;"
                    + " it cannot be an alias.");
        }
        ReasonCode target = t.resolve(code).orElse(null);
        if (target == null) {
            return Outcome.refused("'" + ReasonTaxonomy.normalize(code) + "' is not a known code" + suggestion(t, code)
                    + "; list the codes with taxonomy.");
        }
        if (t.byCode(a).isPresent()) {
            return Outcome.refused("'" + a + "' is already a code of its own; to change where it counts use taxonomy move "
                    + a + " FUNCTION.");
        }
        ReasonCode existing = t.resolve(a).orElse(null);
        if (existing != null) {
            return Outcome.refused(existing.code().equals(target.code())
                    ? "'" + a + "' is already an alias of " + target.code() + "; nothing to change."
                    : "'" + a + "' is already an alias of " + existing.code() + "; it can stand for one code only.");
        }
        List<ReasonCode> all = new ArrayList<>();
        for (ReasonCode c : t.codes()) {
            if (c.code().equals(target.code())) {
                List<String> aliases = new ArrayList<>(c.aliases());
                aliases.add(a);
                all.add(new ReasonCode(c.code(), c.function(), c.polarity(), c.label(), aliases));
            } else {
                all.add(c);
            }
        }
        return Outcome.done(new ReasonTaxonomy(all));
    }

    /** {@code code} counts for {@code function} (or "unattributed") from now on, its past movements too. */
    public static Outcome move(ReasonTaxonomy t, String code, String function) {
        if (code == null || code.isBlank() || function == null || function.isBlank()) {
            return Outcome.refused("Give the code and the function it counts for, e.g. taxonomy move pricing finance.");
        }
        ReasonCode c = t.byCode(code).orElse(null);
        if (c == null) {
            ReasonCode aliased = t.resolve(code).orElse(null);
            return Outcome.refused(aliased != null
                    ? "'" + ReasonTaxonomy.normalize(code) + "' is an alias of " + aliased.code() + "; move the code: taxonomy move "
                    + aliased.code() + " " + ReasonTaxonomy.normalize(function) + "."
                    : "'" + ReasonTaxonomy.normalize(code) + "' is not a known code" + suggestion(t, code)
                    + "; add it with taxonomy add " + ReasonTaxonomy.normalize(code) + " FUNCTION.");
        }
        Outcome f = function(function);
        if (f.refusal() != null) {
            return f;
        }
        BusinessFunction to = BusinessFunction.parse(function).orElse(null);
        if (to == c.function()) {
            return Outcome.refused("'" + c.code() + "' already counts for " + BusinessFunction.labelOf(to) + "; nothing to change.");
        }
        List<ReasonCode> all = new ArrayList<>();
        for (ReasonCode each : t.codes()) {
            all.add(each.code().equals(c.code())
                    ? new ReasonCode(each.code(), to, each.polarity(), each.label(), each.aliases()) : each);
        }
        return Outcome.done(new ReasonTaxonomy(all));
    }

    /** A function code, or "unattributed" (blank counts as unattributed): a refusal listing them otherwise. */
    private static Outcome function(String text) {
        if (text == null || text.isBlank() || ReasonTaxonomy.normalize(text).equals(BusinessFunction.UNATTRIBUTED)
                || BusinessFunction.parse(text).isPresent()) {
            return new Outcome(null, null);
        }
        return Outcome.refused("'" + ReasonTaxonomy.normalize(text) + "' is not a function. Use one of: " + functionCodes()
                + ", or " + BusinessFunction.UNATTRIBUTED + ".");
    }

    private static String suggestion(ReasonTaxonomy t, String unknown) {
        return t.closest(unknown).map(s -> " (closest: " + s + ")").orElse("");
    }

    /** The movements {@code code} explains in the last {@code months} months with data, ending at {@code through}. */
    public static Reach reach(Portfolio p, String code, YearMonth through, int months) {
        Map<MovementKind, Integer> counts = new EnumMap<>(MovementKind.class);
        long cents = 0;
        if (through == null) {
            return new Reach(counts, 0, months);
        }
        YearMonth after = through.minusMonths(months);
        String key = ReasonTaxonomy.normalize(code);
        for (int a = 0; a < p.ledger().accountCount(); a++) {
            for (Movement m : p.movements(a)) {
                if (m.reason() != null && m.reason().code().equals(key) && m.month().isAfter(after) && !m.month().isAfter(through)) {
                    counts.merge(m.kind(), 1, Integer::sum);
                    cents += m.cents();
                }
            }
        }
        return new Reach(counts, cents, months);
    }
}
