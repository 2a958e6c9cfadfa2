package dev.nrrbot.numbers.slack;

import dev.nrrbot.platform.slack.Reply;
import dev.nrrbot.revenue.PortfolioCache;

import dev.nrrbot.access.Access;
import dev.nrrbot.access.Role;
import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.FunctionDetail;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.metrics.ReportUnavailable;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.TrendPoint;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.platform.format.Money;
import dev.nrrbot.numbers.render.AnswerBlocks;
import dev.nrrbot.numbers.render.AnswerBlocks.Footer;
import dev.nrrbot.platform.format.Freshness;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Answers a {@link Question} for one person: checks what they may see, asks the engine, renders.
 * Knows nothing of HTTP or Bolt, so the listeners stay thin.
 */
public final class Answers {

    private final PortfolioCache cache;
    private final Access access;
    private final dev.nrrbot.flags.slack.FlagService flags;

    public Answers(PortfolioCache cache, Access access, dev.nrrbot.flags.slack.FlagService flags) {
        this.cache = cache;
        this.access = access;
        this.flags = flags;
    }

    /**
     * @param footer how the answer ends: a Share button (with the command typed after /nrr, to recompute
     *               it), who shared it, or nothing (modals)
     */
    public Reply answer(Question q, String userId, Footer footer) {
        try {
            if (q instanceof Question.Help h) {
                return new Reply(h.problem() == null ? "How to use /nrr" : h.problem(), AnswerBlocks.help(h.problem(), h.suggestion()));
            }
            if (q instanceof Question.SetRole r) {
                return setRole(r, userId);
            }
            if (q instanceof Question.AccountView a) {
                return account(a, userId);
            }
            return numbers(q, shareable(q) ? footer : Footer.none());
        } catch (ReportUnavailable | IllegalArgumentException e) {
            return notice(e.getMessage());
        }
    }

    /** Whether the answer to {@code q} may be shared to a channel. Account history never is. */
    public static boolean shareable(Question q) {
        return q instanceof Question.Summary || q instanceof Question.FunctionView || q instanceof Question.SegmentView
                || q instanceof Question.Reasons || q instanceof Question.Trend;
    }

    private Reply numbers(Question q, Footer footer) {
        NrrEngine engine = cache.engine();
        Freshness fresh = cache.freshness();
        if (q instanceof Question.Summary s) {
            return summary(engine, s.window(), Segment.ALL, fresh, footer);
        }
        if (q instanceof Question.SegmentView s) {
            return summary(engine, s.window(), Segment.parse(s.segment()), fresh, footer);
        }
        if (q instanceof Question.FunctionView f) {
            Window w = engine.window(f.window());
            FunctionDetail d = engine.functionDetail(w, Segment.ALL, f.function());
            return new Reply(f.function().label() + ": " + Money.points(d.contribution().points()) + " pts of NRR, " + w.label(),
                    AnswerBlocks.function(d, engine.contributionTrend(f.function(), Segment.ALL, 12), fresh, footer));
        }
        if (q instanceof Question.Reasons r) {
            ReasonPareto p = engine.pareto(engine.window(r.window()), Segment.ALL);
            return new Reply("Why revenue left, " + p.window().label(), AnswerBlocks.reasons(p, fresh, footer));
        }
        if (q instanceof Question.Trend) {
            List<TrendPoint> points = engine.trend(Segment.ALL);
            return new Reply("T12M NRR trend", AnswerBlocks.trend(points, Segment.ALL.toString(), fresh, footer));
        }
        throw new IllegalStateException("not a numbers question: " + q);
    }

    private Reply summary(NrrEngine engine, String windowText, Segment segment, Freshness fresh, Footer footer) {
        Window w = engine.window(windowText);
        RetentionReport r = engine.report(w, segment);
        RetentionReport previous;
        try {
            previous = engine.report(w.previous(), segment);
        } catch (ReportUnavailable e) {
            previous = null; // no comparison before the data starts
        }
        return new Reply("NRR " + Money.percent(r.nrr()) + " (" + r.band().label() + "), GRR " + Money.percent(r.grr()) + ", "
                + w.label() + (segment.isAll() ? "" : ", " + segment), AnswerBlocks.summary(r, previous, fresh, footer));
    }

    private Reply account(Question.AccountView a, String userId) {
        if (!access.canSeeAccounts(userId)) {
            return notice("Account-level revenue is sensitive, so only admins, CS leaders and function owners see it."
                    + " Ask " + access.adminMentions() + " to give you the cs_leader role (/nrr role @you cs_leader)"
                    + " if you need it.", false);
        }
        NrrEngine engine = cache.engine();
        Portfolio p = engine.portfolio();
        Ledger ledger = p.ledger();
        List<Integer> matches = p.find(a.query());
        if (matches.isEmpty()) {
            return notice("No account matches \"" + a.query() + "\". Try part of its name or its exact id.");
        }
        if (matches.size() > 1) {
            List<String> lines = new ArrayList<>();
            for (int i : matches) {
                lines.add("• " + p.account(i).name() + " (`" + ledger.accountId(i) + "`)");
            }
            return new Reply(matches.size() + " accounts match", new dev.nrrbot.platform.slack.BlockKit()
                    .list("*" + matches.size() + " accounts match \"" + dev.nrrbot.platform.slack.BlockKit.escape(a.query())
                            + "\".* Ask again with the id, e.g. `/nrr account " + ledger.accountId(matches.get(0)) + "`", lines)
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
        List<dev.nrrbot.flags.Flag> accountFlags = flags == null ? List.of() : flags.store().forAccount(account.id());
        Map<Long, List<dev.nrrbot.flags.db.FlagStore.Event>> events = new java.util.HashMap<>();
        accountFlags.forEach(f -> events.put(f.id(), flags.store().history(f.id())));
        return new Reply(account.name() + ": MRR history", AnswerBlocks.account(account, history, p.movements(i), cache.freshness(),
                dev.nrrbot.flags.render.FlagBlocks.historyLines(accountFlags, events)));
    }

    private Reply setRole(Question.SetRole r, String userId) {
        if (!access.isAdmin(userId)) {
            return notice("Only admins can change roles. Ask " + access.adminMentions() + ".", false);
        }
        Role role = Role.parse(r.role()).orElseThrow();
        access.setRole(r.userId(), role, userId);
        return notice("Done: <@" + r.userId() + "> is now " + role.code() + ".", false);
    }

    private static Reply notice(String text) {
        return notice(text, true);
    }

    private static Reply notice(String text, boolean escape) {
        return new Reply(text, escape ? AnswerBlocks.notice(text)
                : new dev.nrrbot.platform.slack.BlockKit().text(text).build());
    }
}
