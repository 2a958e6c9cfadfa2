package dev.nrrbot.numbers.slack;

import dev.nrrbot.access.Access;
import dev.nrrbot.access.Viewer;
import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.FunctionDetail;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.NoSuchSegmentValue;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.metrics.ReportUnavailable;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.TrendPoint;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.metrics.WindowSpec;
import dev.nrrbot.numbers.AccountNotes;
import dev.nrrbot.numbers.render.AnswerBlocks;
import dev.nrrbot.numbers.render.DefinitionsView;
import dev.nrrbot.numbers.render.AnswerBlocks.Footer;
import dev.nrrbot.platform.format.Freshness;
import dev.nrrbot.platform.format.Money;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.slack.Command;
import dev.nrrbot.platform.slack.Invocation;
import dev.nrrbot.platform.slack.Reply;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.revenue.Snapshot;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The numbers anyone may ask for: {@code /nrr [window]}, {@code function}, {@code segment},
 * {@code reasons}, {@code trend}, {@code definitions}; and {@code account}, for those who may see account-level revenue.
 */
public final class NumbersCommands {

    private final PortfolioCache cache;
    private final Access access;
    private final AccountNotes notes;
    private final dev.nrrbot.numbers.FunctionNotes functionNotes;

    /** @param notes what else the bot knows of an account (its flags), shown under its history */
    public NumbersCommands(PortfolioCache cache, Access access, AccountNotes notes) {
        this(cache, access, notes, (f, viewer) -> java.util.Optional.empty());
    }

    /** @param functionNotes a line about the function from another capability (the health score's at-risk ARR) */
    public NumbersCommands(PortfolioCache cache, Access access, AccountNotes notes, dev.nrrbot.numbers.FunctionNotes functionNotes) {
        this.cache = cache;
        this.access = access;
        this.notes = notes;
        this.functionNotes = functionNotes;
    }

    public List<Command<?>> commands() {
        return List.of(
                Command.of("summary", "/nrr [window]", "NRR, GRR and each function's contribution: T12M, or 2026-Q3, 2026-09,"
                                + " 2026, last quarter, 2025-03..2026-03", NumbersGrammar::summary, this::summary)
                        .bare(WindowSpec::isWindow).with(Command.Trait.NEEDS_DATA, Command.Trait.SHAREABLE),
                Command.of("function", "/nrr function product", "one function's part (short names: eng, cs, am)",
                                NumbersGrammar::function, this::function)
                        .aliases("fn", "team").bare(NumbersGrammar::isBareFunction).with(Command.Trait.NEEDS_DATA, Command.Trait.SHAREABLE),
                Command.of("segment", "/nrr segment plan=Enterprise", "NRR of a slice, by any account attribute",
                                NumbersGrammar::segment, this::segment)
                        .aliases("seg").bare(NumbersGrammar::isBareSegment).with(Command.Trait.NEEDS_DATA, Command.Trait.SHAREABLE),
                Command.of("reasons", "/nrr reasons [window]", "why revenue left: the Pareto of churn reasons",
                                NumbersGrammar::reasons, this::reasons)
                        .aliases("reason", "why", "pareto", "churn").with(Command.Trait.NEEDS_DATA, Command.Trait.SHAREABLE),
                Command.of("trend", "/nrr trend", "T12M NRR month by month", rest -> new NumbersGrammar.Trend(), this::trend)
                        .aliases("trends").with(Command.Trait.NEEDS_DATA, Command.Trait.SHAREABLE),
                Command.of("account", "/nrr account NAME-OR-ID", "one account's history (admins, CS leaders, its CSM, owners it is flagged for)",
                                NumbersGrammar::account, this::account)
                        .aliases("acct", "customer").with(Command.Trait.NEEDS_DATA),
                Command.of("definitions", "/nrr definitions", "what every number means: NRR, GRR, cohort, movements, contributions, bands",
                                rest -> new NumbersGrammar.Definitions(), this::definitions)
                        .aliases("definition", "defs", "glossary", "meaning").with(Command.Trait.SHAREABLE));
    }

    private Reply summary(NumbersGrammar.Summary q, Invocation in) {
        return summary(cache.snapshot(), q.window(), Segment.ALL, Footer.of(in));
    }

    /**
     * A slice's numbers. A slice of fewer accounts than the policy's group size is one account's
     * revenue in disguise: only admins and CS leaders see it, and only they see an attribute's values.
     */
    private Reply segment(NumbersGrammar.SegmentView q, Invocation in) {
        Snapshot s = cache.snapshot();
        Segment segment = Segment.parse(q.segment());
        RetentionReport r;
        try {
            r = s.engine().report(s.engine().window(q.window()), segment);
        } catch (NoSuchSegmentValue e) {
            return access.seesAttributeValues(in.viewerId()) ? Reply.notice(e.getMessage()) : Reply.notice(e.withoutValues());
        }
        if (!access.seesGroupAmounts(in.viewerId(), r.cohortAccounts())) {
            return new Reply("Segment too small to show", new BlockKit().text("*" + BlockKit.escape(segment.toString()) + "* has "
                    + r.cohortAccounts() + (r.cohortAccounts() == 1 ? " account" : " accounts") + " in its cohort. "
                    + access.smallGroupNote()).build(), true);
        }
        return summary(s, q.window(), segment, Footer.of(in));
    }

    private Reply summary(Snapshot s, WindowSpec spec, Segment segment, Footer footer) {
        NrrEngine engine = s.engine();
        Window w = engine.window(spec);
        RetentionReport r = engine.report(w, segment);
        RetentionReport previous;
        try {
            previous = engine.report(w.previous(), segment);
        } catch (ReportUnavailable e) {
            previous = null; // no comparison before the data starts
        }
        return new Reply("NRR " + AnswerBlocks.nrrWithBand(r) + ", GRR " + Money.percent(r.grr()) + ", "
                + w.label() + (segment.isAll() ? "" : ", " + BlockKit.escape(segment.toString())), AnswerBlocks.summary(r, previous, s.freshness(), footer));
    }

    private Reply function(NumbersGrammar.FunctionView f, Invocation in) {
        Snapshot s = cache.snapshot();
        NrrEngine engine = s.engine();
        Window w = engine.window(f.window());
        FunctionDetail d = engine.functionDetail(w, Segment.ALL, f.function());
        List<com.slack.api.model.block.LayoutBlock> blocks = new java.util.ArrayList<>(AnswerBlocks.function(d,
                engine.contributionTrend(f.function(), Segment.ALL, 12), s.freshness(), Footer.of(in), smallGroup(in),
                access.smallGroupNote()));
        // what the function holds at risk now, ahead of the footer
        functionNotes.lineFor(f.function(), in.viewerId()).ifPresent(line ->
                blocks.add(Math.max(0, blocks.size() - 1), BlockKit.section(line)));
        return new Reply(f.function().label() + ": " + Money.points(d.contribution().points()) + " pts of NRR, " + w.label(), blocks);
    }

    private Reply reasons(NumbersGrammar.Reasons r, Invocation in) {
        Snapshot s = cache.snapshot();
        ReasonPareto p = s.engine().pareto(s.engine().window(r.window()), Segment.ALL);
        return new Reply("Why revenue left, " + p.window().label(), AnswerBlocks.reasons(p, s.freshness(), Footer.of(in),
                smallGroup(in), access.smallGroupNote()));
    }

    private Reply definitions(NumbersGrammar.Definitions d, Invocation in) {
        return new Reply("What the numbers mean", DefinitionsView.blocks(Footer.of(in)));
    }

    /** Lines about fewer accounts than this show no amounts to whoever the answer is for (0: all shown). */
    private int smallGroup(Invocation in) {
        return access.seesGroupAmounts(in.viewerId(), 1) ? 0 : access.policy().minGroupSize();
    }

    private Reply trend(NumbersGrammar.Trend t, Invocation in) {
        Snapshot s = cache.snapshot();
        List<TrendPoint> points = s.engine().trend(Segment.ALL);
        return new Reply("T12M NRR trend", AnswerBlocks.trend(points, Segment.ALL.toString(), s.freshness(), Footer.of(in)));
    }

    /**
     * One account's history, for whoever may see that account's amounts. Others learn only that they
     * may not, and a search lists only the accounts they may see.
     */
    private Reply account(NumbersGrammar.AccountView a, Invocation in) {
        Snapshot s = cache.snapshot();
        Portfolio p = s.engine().portfolio();
        Ledger ledger = p.ledger();
        Viewer viewer = access.viewer(in.userId());
        List<Integer> found = p.find(a.query()); // others: the first 20 matches, each checked against its CSM and flags
        List<Integer> matches = access.policy().seesEveryAccount(viewer) ? found
                : found.stream().limit(20).filter(i -> access.seesAccountAmounts(viewer, ledger.accountId(i))).toList();
        if (matches.isEmpty() && !found.isEmpty()) {
            return Reply.refusal(access.accountAmountsRefusal());
        }
        if (matches.isEmpty()) {
            return Reply.notice("No account matches \"" + a.query() + "\". Try part of its name or its exact id.");
        }
        if (matches.size() > 1) {
            List<String> lines = new ArrayList<>();
            for (int i : matches) {
                lines.add("• " + BlockKit.escape(p.account(i).name()) + " (`" + BlockKit.escape(ledger.accountId(i)) + "`)");
            }
            return new Reply(matches.size() + " accounts match", new BlockKit()
                    .list("*" + matches.size() + " accounts match \"" + BlockKit.escape(a.query())
                            + "\".* Ask again with the id, e.g. `/nrr account " + BlockKit.escape(ledger.accountId(matches.get(0))) + "`",
                            lines)
                    .build());
        }
        int i = matches.get(0);
        Account account = p.account(i);
        List<Map.Entry<YearMonth, Long>> history = new ArrayList<>();
        YearMonth to = ledger.latestMonth().orElseThrow();
        for (YearMonth m = to.minusMonths(12); !m.isAfter(to); m = m.plusMonths(1)) {
            if (ledger.isCovered(m)) {
                history.add(Map.entry(m, ledger.mrr(i, ledger.monthIndex(m))));
            }
        }
        return new Reply(BlockKit.escape(account.name()) + ": MRR history", AnswerBlocks.account(account, history, p.movements(i), s.freshness(),
                notes.linesFor(account.id())));
    }


}
