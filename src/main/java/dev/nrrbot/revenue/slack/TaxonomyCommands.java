package dev.nrrbot.revenue.slack;

import dev.nrrbot.access.Access;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.platform.slack.BadInput;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.slack.Command;
import dev.nrrbot.platform.slack.Invocation;
import dev.nrrbot.platform.slack.Reply;
import dev.nrrbot.platform.slack.Typos;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.revenue.RevenueStore;
import dev.nrrbot.revenue.TaxonomyEditor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code /nrr taxonomy}: the codes, their functions and aliases, for anyone; {@code add}, {@code alias}
 * and {@code move} change them, for admins. Each change is logged with the Slack user who made it.
 */
public final class TaxonomyCommands {

    /** What was asked: {@code verb} null lists the taxonomy. */
    public record Change(String verb, List<String> words, boolean driver) {
    }

    static final String USAGE = "/nrr taxonomy [add CODE FUNCTION [label] [--driver] | alias ALIAS CODE | move CODE FUNCTION]";

    private final Access access;
    private final RevenueStore store;
    private final TaxonomyEditor editor;

    public TaxonomyCommands(Access access, RevenueStore store, PortfolioCache cache) {
        this.access = access;
        this.store = store;
        this.editor = new TaxonomyEditor(store, () -> cache.engine().portfolio());
    }

    public List<Command<?>> commands() {
        return List.of(Command.of("taxonomy", USAGE, "the reason codes and their functions; admins change them",
                TaxonomyCommands::parse, this::answer).aliases("codes"));
    }

    static Change parse(String rest) {
        List<String> words = new ArrayList<>(Arrays.asList(rest.trim().split("\\s+")));
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) {
            return new Change(null, List.of(), false);
        }
        String verb = words.remove(0).toLowerCase(Locale.ROOT);
        // a phone may turn "--" into a dash
        boolean driver = words.removeIf(w -> w.equalsIgnoreCase("--driver") || w.equalsIgnoreCase("\u2014driver"));
        switch (verb) {
            case "add" -> {
                if (words.size() < 2) {
                    throw new BadInput("Give the new code and the function it counts for (a label is optional).",
                            "/nrr taxonomy add pricing_complaint finance Pricing complaint");
                }
            }
            case "alias" -> {
                if (words.size() != 2) {
                    throw new BadInput("Give the alias and the code it stands for.", "/nrr taxonomy alias pricing_complaint pricing");
                }
            }
            case "move" -> {
                if (words.size() != 2) {
                    throw new BadInput("Give the code and the function it counts for from now on.", "/nrr taxonomy move pricing finance");
                }
            }
            default -> throw new BadInput("\"" + Typos.clip(verb) + "\" is not something I can do to the taxonomy: use add,"
                    + " alias or move, or nothing to list it.", "/nrr taxonomy move pricing finance");
        }
        return new Change(verb, List.copyOf(words), driver);
    }

    private Reply answer(Change c, Invocation in) {
        if (c.verb() == null) {
            return list(store.taxonomy());
        }
        if (!access.changesTaxonomy(in.userId())) {
            return Reply.refusal(access.taxonomyRefusal());
        }
        List<String> w = c.words();
        TaxonomyEditor.Result r = switch (c.verb()) {
            case "add" -> editor.add(w.get(0), w.get(1), w.size() > 2 ? String.join(" ", w.subList(2, w.size())) : null,
                    c.driver(), in.userId());
            case "alias" -> editor.alias(w.get(0), w.get(1), in.userId());
            default -> editor.move(w.get(0), w.get(1), in.userId());
        };
        // the sentence quotes the codes and labels as typed: escaped, so they show as typed and mention nobody
        return r.done() ? Reply.notice(r.sentence()) : new Reply(BlockKit.escape(r.sentence()),
                new BlockKit().text(BlockKit.escape(r.sentence())).build(), true);
    }

    static Reply list(ReasonTaxonomy t) {
        List<String> lines = new ArrayList<>();
        for (ReasonCode c : t.codes()) {
            lines.add("`" + BlockKit.escape(c.code()) + "` " + (c.polarity() == ReasonCode.Polarity.REASON ? "reason" : "driver")
                    + " · " + BlockKit.escape(dev.nrrbot.metrics.BusinessFunction.labelOf(c.function()))
                    + (c.aliases().isEmpty() ? "" : " · also " + BlockKit.escapeJoin(", ", c.aliases())));
        }
        String title = "*Reason and driver codes*, the function each counts for, and what imports also accept:";
        return new Reply("Reason and driver codes: " + t.codes().size(), new BlockKit().list(title, lines)
                .context("Admins change them: `/nrr taxonomy add CODE FUNCTION`, `alias ALIAS CODE`, `move CODE FUNCTION`.")
                .build());
    }
}
