package dev.nrrbot.revenue;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.MovementKind;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.metrics.TaxonomyChanges;
import dev.nrrbot.platform.format.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The taxonomy changes of the CLI and of {@code /nrr taxonomy}: each is checked against the taxonomy
 * inside the revenue transaction, written and logged in it (which bumps the data version, so every
 * cached answer recomputes at once), and told in one sentence saying what it moves.
 */
public final class TaxonomyEditor {

    /** How far back "what it moves" looks: the default window's twelve months. */
    static final int MONTHS = 12;

    /** The sentence for the person, and whether the change was made. */
    public record Result(boolean done, String sentence) {
    }

    private final RevenueStore store;
    private final Supplier<Portfolio> portfolio;

    /** @param portfolio the latest data, to say which movements a change moves */
    public TaxonomyEditor(RevenueStore store, Supplier<Portfolio> portfolio) {
        this.store = store;
        this.portfolio = portfolio;
    }

    public Result add(String code, String function, String label, boolean driver, String changedBy) {
        if (code != null && code.trim().length() > ColumnSizes.REASON_CODE) {
            return new Result(false, "A code holds at most " + ColumnSizes.REASON_CODE + " characters; choose a shorter one.");
        }
        if (label != null && label.trim().length() > ColumnSizes.REASON_LABEL) {
            return new Result(false, "A label holds at most " + ColumnSizes.REASON_LABEL + " characters; choose a shorter one.");
        }
        ReasonCode.Polarity polarity = driver ? ReasonCode.Polarity.DRIVER : ReasonCode.Polarity.REASON;
        return changing(() -> store.write(w -> {
            TaxonomyChanges.Outcome o = TaxonomyChanges.add(w.taxonomy(), code, function, label, polarity);
            if (!o.done()) {
                throw new Refused(o.refusal());
            }
            ReasonCode added = o.taxonomy().byCode(code).orElseThrow();
            w.addReasonCode(added);
            w.logTaxonomyChange(TaxonomyChange.Kind.ADD, added.code(), (driver ? "driver" : "reason") + " of "
                    + added.functionCode() + ", labelled " + added.label(), changedBy);
            return new Result(true, added.code() + " is now a " + (driver ? "driver" : "reason") + " code of "
                    + BusinessFunction.labelOf(added.function()) + ": imports accept it from now on. Nothing moves yet:"
                    + " no record has it.");
        }));
    }

    public Result alias(String alias, String code, String changedBy) {
        if (alias != null && alias.trim().length() > ColumnSizes.REASON_CODE) {
            return new Result(false, "An alias holds at most " + ColumnSizes.REASON_CODE + " characters; choose a shorter one.");
        }
        return changing(() -> store.write(w -> {
            TaxonomyChanges.Outcome o = TaxonomyChanges.alias(w.taxonomy(), alias, code);
            if (!o.done()) {
                throw new Refused(o.refusal());
            }
            String a = ReasonTaxonomy.normalize(alias);
            ReasonCode target = o.taxonomy().resolve(a).orElseThrow();
            w.addReasonAlias(a, target.code());
            w.logTaxonomyChange(TaxonomyChange.Kind.ALIAS, target.code(), "alias " + a, changedBy);
            // an unknown code is never imported, so no record has the alias: nothing moves until the next import
            return new Result(true, "Imports now read " + a + " as " + target.code() + " ("
                    + BusinessFunction.labelOf(target.function()) + "). Nothing moves yet: no record has " + a
                    + "; import the file that had it again.");
        }));
    }

    public Result move(String code, String function, String changedBy) {
        Portfolio before = portfolio.get();
        return changing(() -> store.write(w -> {
            ReasonTaxonomy t = w.taxonomy();
            TaxonomyChanges.Outcome o = TaxonomyChanges.move(t, code, function);
            if (!o.done()) {
                throw new Refused(o.refusal());
            }
            ReasonCode from = t.byCode(code).orElseThrow();
            ReasonCode to = o.taxonomy().byCode(code).orElseThrow();
            w.moveReasonCode(to.code(), to.function());
            w.logTaxonomyChange(TaxonomyChange.Kind.MOVE, to.code(), "from " + from.functionCode() + " to " + to.functionCode(),
                    changedBy);
            TaxonomyChanges.Reach reach = TaxonomyChanges.reach(before, to.code(),
                    before.ledger().latestMonth().orElse(null), MONTHS);
            return new Result(true, moved(to.code(), BusinessFunction.labelOf(from.function()),
                    BusinessFunction.labelOf(to.function()), reach));
        }));
    }

    /** A refused change rolls its transaction back: nothing written, the data version and the caches untouched. */
    private static final class Refused extends RuntimeException {
        Refused(String sentence) {
            super(sentence, null, false, false);
        }
    }

    private static Result changing(Supplier<Result> change) {
        try {
            return change.get();
        } catch (Refused r) {
            return new Result(false, r.getMessage());
        }
    }

    /** "pricing_complaint now counts for Finance: 12 churns, 41,200 MRR of the last 12 months move from ...". */
    static String moved(String code, String from, String to, TaxonomyChanges.Reach reach) {
        if (reach.count() == 0) {
            return code + " now counts for " + to + " instead of " + from + ". No movement of the last " + reach.months()
                    + " months has it, so today's numbers do not change.";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<MovementKind, Integer> e : reach.movements().entrySet()) {
            parts.add(e.getValue() + " " + e.getKey().code() + (e.getValue() == 1 ? "" : "s"));
        }
        return code + " now counts for " + to + ": " + String.join(", ", parts) + ", " + Money.whole(reach.cents())
                + " MRR of the last " + reach.months() + " months move from " + from + " to " + to + ".";
    }

    /** The log, oldest first. */
    public List<TaxonomyChange> history() {
        return store.taxonomyHistory();
    }
}
