package dev.nrrbot.comp.slack;

import dev.nrrbot.comp.db.CompStore;
import dev.nrrbot.comp.Scorecard;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.metrics.ReportUnavailable;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.numbers.render.AnswerBlocks;
import dev.nrrbot.comp.render.CompBlocks;
import dev.nrrbot.serve.NrrSlackApp;
import dev.nrrbot.numbers.slack.Question;
import dev.nrrbot.platform.slack.Reply;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /nrr target}, {@code weight}, {@code curve}, {@code scorecard} and {@code whatif}. */
public final class CompCommands {

    private CompCommands() {
    }

    public static boolean handles(Question q) {
        return q instanceof Question.SetTarget || q instanceof Question.SetWeight || q instanceof Question.Curve
                || q instanceof Question.Scorecard || q instanceof Question.WhatIf;
    }

    public static Reply answer(Question q, String user, NrrSlackApp.Services s) {
        try {
            return answerOrThrow(q, user, s);
        } catch (ReportUnavailable | IllegalArgumentException e) {
            return new Reply(e.getMessage(), AnswerBlocks.notice(e.getMessage()));
        }
    }

    private static Reply answerOrThrow(Question q, String user, NrrSlackApp.Services s) {
        CompStore comp = s.comp();
        boolean changes = q instanceof Question.SetTarget || q instanceof Question.SetWeight
                || (q instanceof Question.Curve c && c.field() != null);
        if (changes && !s.access().isAdmin(user)) {
            return Reply.text("Only admins change targets, weights and the payout curve: they set people's pay. Ask "
                    + s.access().adminMentions() + ".");
        }
        NrrEngine engine = s.cache().engine();
        if (q instanceof Question.SetTarget t) {
            String period = t.period() == null ? "default" : engine.window(t.period()).label();
            if (t.function() == null) {
                if (t.value().compareTo(new BigDecimal("50")) < 0 || t.value().compareTo(new BigDecimal("200")) > 0) {
                    throw new IllegalArgumentException("A company NRR target of " + t.value().toPlainString()
                            + "% looks wrong; give a percentage between 50% and 200%, such as 110%.");
                }
                comp.set("target.company." + period, t.value(), user, s.clock().instant());
                return Reply.text("Done: the company NRR target is " + t.value().stripTrailingZeros().toPlainString() + "% for "
                        + (period.equals("default") ? "every period without its own" : period) + ".");
            }
            comp.set("target." + t.function().code() + "." + period, t.value(), user, s.clock().instant());
            return Reply.text("Done: " + t.function().label() + "'s target contribution is " + t.value().stripTrailingZeros().toPlainString()
                    + " pts for " + (period.equals("default") ? "every period without its own" : period) + ".");
        }
        if (q instanceof Question.SetWeight w) {
            if (w.percent().signum() < 0 || w.percent().compareTo(new BigDecimal("100")) > 0) {
                throw new IllegalArgumentException("A weight is a share of variable pay: between 0% and 100%.");
            }
            comp.set("weight." + w.function().code(), w.percent(), user, s.clock().instant());
            return Reply.text("Done: " + w.percent().stripTrailingZeros().toPlainString() + "% of " + w.function().label()
                    + "'s variable pay is now tied to company NRR.");
        }
        if (q instanceof Question.Curve c) {
            if (c.field() != null) {
                CompStore.Plan plan = comp.plan("default");
                var curve = plan.curve();
                // check the new curve is valid before keeping it
                new dev.nrrbot.comp.PayoutCurve(c.field().equals("floor") ? c.value() : curve.floor(), curve.target(),
                        c.field().equals("cap_at") ? c.value() : curve.capAt(), c.field().equals("cap") ? c.value() : curve.cap());
                comp.set("curve." + c.field(), c.value(), user, s.clock().instant());
            }
            return new Reply("Payout curve", CompBlocks.curve(comp.plan("default"), comp.history(10)));
        }
        if (q instanceof Question.Scorecard sc) {
            Window w = engine.window(sc.window() == null ? "last quarter" : sc.window());
            Scorecard card = scorecard(engine, comp, w, List.of());
            return new Reply("NRR scorecard " + w.label(), CompBlocks.scorecard(card, s.cache().freshness()));
        }
        Question.WhatIf wi = (Question.WhatIf) q;
        List<NrrEngine.LossChange> changesList = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (int i = 0; i < wi.names().size(); i++) {
            String name = wi.names().get(i);
            BigDecimal pct = wi.percents().get(i);
            if (pct.compareTo(new BigDecimal("-100")) < 0 || pct.compareTo(new BigDecimal("100")) > 0) {
                throw new IllegalArgumentException("A change is between -100% (no such losses) and +100% (twice as many).");
            }
            Optional<BusinessFunction> f = BusinessFunction.parse(name);
            Optional<ReasonCode> code = engine.portfolio().taxonomy().resolve(name).filter(r -> r.polarity() == ReasonCode.Polarity.REASON);
            if (f.isPresent()) {
                changesList.add(new NrrEngine.LossChange(null, f.get(), pct));
                described.add(f.get().label() + " losses " + pct.stripTrailingZeros().toPlainString() + "%");
            } else if (code.isPresent()) {
                changesList.add(new NrrEngine.LossChange(code.get().code(), null, pct));
                described.add(code.get().code() + " " + pct.stripTrailingZeros().toPlainString() + "%");
            } else {
                throw new IllegalArgumentException("\"" + name + "\" is neither a function nor a churn reason. Reasons: "
                        + String.join(", ", engine.portfolio().taxonomy().codes().stream()
                        .filter(r -> r.polarity() == ReasonCode.Polarity.REASON).map(ReasonCode::code).toList()) + ".");
            }
        }
        Window w = engine.window(wi.window());
        Scorecard today = scorecard(engine, comp, w, List.of());
        Scorecard then = scorecard(engine, comp, w, changesList);
        return new Reply("What if " + String.join(", ", described), CompBlocks.whatIf(String.join(", ", described), today, then,
                s.cache().freshness()));
    }

    /** The scorecard for a window, optionally under what-if changes. */
    public static Scorecard scorecard(NrrEngine engine, CompStore comp, Window w, List<NrrEngine.LossChange> changes) {
        CompStore.Plan plan = comp.plan(w.label());
        return Scorecard.of(engine.whatIf(w, Segment.ALL, changes), plan.companyTarget(), plan.curve(), plan.weights(),
                plan.functionTargets());
    }

}
