package dev.nrrbot.comp.slack;

import dev.nrrbot.access.Access;
import dev.nrrbot.comp.Scorecard;
import dev.nrrbot.comp.CompStore;
import dev.nrrbot.comp.PayoutCurve;
import dev.nrrbot.comp.SavedRenewals;
import dev.nrrbot.comp.WhatIfParts;
import dev.nrrbot.comp.render.CompBlocks;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.metrics.WindowSpec;
import dev.nrrbot.numbers.slack.NumbersGrammar;
import dev.nrrbot.platform.slack.BadInput;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.slack.Command;
import dev.nrrbot.platform.slack.Invocation;
import dev.nrrbot.platform.slack.Reply;
import dev.nrrbot.platform.slack.Typos;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.revenue.Snapshot;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /nrr target}, {@code weight}, {@code curve}, {@code scorecard} and {@code whatif}. */
public final class CompCommands {

    /** {@code /nrr target 110% [2026-Q3]} (function null) or {@code /nrr target product -1.0pts [2026-Q3]}. */
    public record SetTarget(BusinessFunction function, BigDecimal value, WindowSpec period) {
    }

    /** {@code /nrr weight support 45%}. */
    public record SetWeight(BusinessFunction function, BigDecimal percent) {
    }

    /** {@code /nrr curve} shows it; {@code /nrr curve floor 90%}, {@code cap 1.5}, {@code cap-at 125%} change it. */
    public record Curve(String field, BigDecimal value) {
    }

    /** {@code /nrr scorecard [quarter]}. */
    public record ScorecardView(WindowSpec window) {
    }

    /** {@code /nrr whatif pricing -50% product_gap -100% [window]}: each name is a reason code or a function. */
    public record WhatIf(List<String> names, List<BigDecimal> percents, WindowSpec window) {
    }

    private static final Pattern NUMBER = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*(%|pts?|points?|x)?", Pattern.CASE_INSENSITIVE);

    private final CompStore comp;
    private final Access access;
    private final PortfolioCache cache;
    private final Clock clock;
    private final Supplier<Optional<SavedRenewals.Due>> atRiskRenewals;

    public CompCommands(CompStore comp, Access access, PortfolioCache cache, Clock clock) {
        this(comp, access, cache, clock, Optional::empty);
    }

    /** @param atRiskRenewals the at-risk ARR renewing this quarter per function, empty without health data */
    public CompCommands(CompStore comp, Access access, PortfolioCache cache, Clock clock,
                        Supplier<Optional<SavedRenewals.Due>> atRiskRenewals) {
        this.comp = comp;
        this.access = access;
        this.cache = cache;
        this.clock = clock;
        this.atRiskRenewals = atRiskRenewals;
    }

    /** The scorecard's blocks with a line per function holding at-risk renewals this quarter. */
    private List<com.slack.api.model.block.LayoutBlock> withSaved(List<com.slack.api.model.block.LayoutBlock> blocks, Scorecard card,
                                                                  Invocation in) {
        Optional<SavedRenewals.Due> due = atRiskRenewals.get();
        if (due.isEmpty() || due.get().held().isEmpty()) {
            return blocks;
        }
        String viewer = in.viewerId();
        List<String> lines = SavedRenewals.lines(card, due.get(),
                n -> viewer == null ? n >= access.policy().minGroupSize() : access.seesGroupAmounts(viewer, n));
        List<com.slack.api.model.block.LayoutBlock> out = new ArrayList<>(blocks);
        out.addAll(new BlockKit().list("*At-risk renewals this quarter* (`/nrr renewals quarter` lists them)",
                lines.stream().map(l -> "• " + BlockKit.escape(l)).toList()).build());
        return out;
    }

    public List<Command<?>> commands() {
        return List.of(
                Command.of("scorecard", "/nrr scorecard [quarter]", "each function's NRR modifier and what it pays",
                        CompCommands::scorecard, this::answerScorecard).aliases("scorecards").with(Command.Trait.NEEDS_DATA),
                Command.of("whatif", "/nrr whatif pricing -50%", "NRR and pay if a reason's or function's losses changed",
                        CompCommands::whatIf, this::answerWhatIf).aliases("what-if").with(Command.Trait.NEEDS_DATA),
                Command.of("target", "/nrr target 110%", "the company target, or `target product -1.0pts` a function's (admins)",
                        CompCommands::target, this::answerTarget).with(Command.Trait.NEEDS_DATA),
                Command.of("weight", "/nrr weight support 45%", "the share of a function's variable pay tied to NRR (admins)",
                        CompCommands::weight, this::answerWeight),
                Command.of("curve", "/nrr curve", "the payout curve; `curve floor 90%`, `cap 1.5`, `cap-at 125%` change it (admins)",
                        CompCommands::curve, this::answerCurve));
    }

    /** A number typed with an optional unit: "110%", "-1.0pts", "1.5x", "45". */
    static BigDecimal number(String text) {
        Matcher m = NUMBER.matcher(text.trim());
        return m.matches() ? new BigDecimal(m.group(1)) : null;
    }

    static SetTarget target(String rest) {
        String[] w = rest.split("\\s+");
        String example = "/nrr target 110%  or  /nrr target product -1.0pts 2026-Q3";
        if (rest.isEmpty()) {
            throw new BadInput("Give the company NRR target (110%) or a function and its target contribution (product -1.0pts).", example);
        }
        Optional<BusinessFunction> f = BusinessFunction.parse(w[0]);
        int at = f.isPresent() ? 1 : 0;
        BigDecimal value = w.length > at ? number(w[at]) : null;
        String period = w.length > at + 1 ? String.join(" ", Arrays.copyOfRange(w, at + 1, w.length)) : null;
        if (value == null || (period != null && !WindowSpec.isWindow(period))) {
            throw new BadInput("\"" + Typos.clip(rest) + "\" is not a target I can read.", example);
        }
        return new SetTarget(f.orElse(null), value, period == null ? null : WindowSpec.parse(period));
    }

    static SetWeight weight(String rest) {
        String[] w = rest.split("\\s+");
        Optional<BusinessFunction> f = w.length == 2 ? BusinessFunction.parse(w[0]) : Optional.empty();
        BigDecimal pct = w.length == 2 ? number(w[1]) : null;
        if (f.isEmpty() || pct == null) {
            throw new BadInput("Give a function and the share of its variable pay tied to NRR.", "/nrr weight support 45%");
        }
        return new SetWeight(f.get(), pct);
    }

    static Curve curve(String rest) {
        if (rest.isEmpty()) {
            return new Curve(null, null);
        }
        String[] w = rest.toLowerCase(Locale.ROOT).split("\\s+");
        String field = w[0].replace('-', '_');
        BigDecimal value = w.length == 2 ? number(w[1]) : null;
        if (!List.of("floor", "cap", "cap_at").contains(field) || value == null) {
            throw new BadInput("Change the payout curve with floor, cap or cap-at and a value.", "/nrr curve floor 90%");
        }
        return new Curve(field, value);
    }

    static ScorecardView scorecard(String rest) {
        return new ScorecardView(rest.isEmpty() ? WindowSpec.parse("last quarter")
                : NumbersGrammar.window(rest, "/nrr scorecard 2026-Q3"));
    }

    static WhatIf whatIf(String rest) {
        String example = "/nrr whatif pricing -50% product_gap -100%";
        String[] w = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        List<String> names = new ArrayList<>();
        List<BigDecimal> percents = new ArrayList<>();
        int i = 0;
        while (i + 1 < w.length && number(w[i + 1]) != null && w[i + 1].contains("%")) {
            names.add(w[i].toLowerCase(Locale.ROOT));
            percents.add(number(w[i + 1]));
            i += 2;
        }
        String window = i < w.length ? String.join(" ", Arrays.copyOfRange(w, i, w.length)) : null;
        if (names.isEmpty() || (window != null && !WindowSpec.isWindow(window))) {
            throw new BadInput("Give a reason code or a function and how its losses change, e.g. -50%.", example);
        }
        return new WhatIf(names, percents, WindowSpec.parse(window));
    }

    /** Null when {@code user} may change what sets people's pay; else the refusal. */
    private Reply refusal(String user) {
        return access.isAdmin(user) ? null : Reply.text("Only admins change targets, weights and the payout curve: they set"
                + " people's pay. Ask " + access.adminMentions() + ".");
    }

    private Reply answerTarget(SetTarget t, Invocation in) {
        Reply no = refusal(in.userId());
        if (no != null) {
            return no;
        }
        String period = t.period() == null ? "default" : cache.engine().window(t.period()).label();
        String applies = period.equals("default") ? "every period without its own" : period;
        if (t.function() == null) {
            if (t.value().compareTo(new BigDecimal("50")) < 0 || t.value().compareTo(new BigDecimal("200")) > 0) {
                throw new IllegalArgumentException("A company NRR target of " + t.value().toPlainString()
                        + "% looks wrong; give a percentage between 50% and 200%, such as 110%.");
            }
            comp.set("target.company." + period, t.value(), in.userId(), clock.instant());
            return Reply.text("Done: the company NRR target is " + t.value().stripTrailingZeros().toPlainString() + "% for " + applies + ".");
        }
        comp.set("target." + t.function().code() + "." + period, t.value(), in.userId(), clock.instant());
        return Reply.text("Done: " + t.function().label() + "'s target contribution is " + t.value().stripTrailingZeros().toPlainString()
                + " pts for " + applies + ".");
    }

    private Reply answerWeight(SetWeight w, Invocation in) {
        Reply no = refusal(in.userId());
        if (no != null) {
            return no;
        }
        if (w.percent().signum() < 0 || w.percent().compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException("A weight is a share of variable pay: between 0% and 100%.");
        }
        comp.set("weight." + w.function().code(), w.percent(), in.userId(), clock.instant());
        return Reply.text("Done: " + w.percent().stripTrailingZeros().toPlainString() + "% of " + w.function().label()
                + "'s variable pay is now tied to company NRR.");
    }

    private Reply answerCurve(Curve c, Invocation in) {
        if (c.field() != null) {
            Reply no = refusal(in.userId());
            if (no != null) {
                return no;
            }
            PayoutCurve curve = comp.plan("default").curve();
            // check the new curve is valid before keeping it
            new PayoutCurve(c.field().equals("floor") ? c.value() : curve.floor(), curve.target(),
                    c.field().equals("cap_at") ? c.value() : curve.capAt(), c.field().equals("cap") ? c.value() : curve.cap());
            comp.set("curve." + c.field(), c.value(), in.userId(), clock.instant());
        }
        return new Reply("Payout curve", CompBlocks.curve(comp.plan("default"), comp.history(10)));
    }

    private Reply answerScorecard(ScorecardView sc, Invocation in) {
        Snapshot snap = cache.snapshot();
        Window w = snap.engine().window(sc.window());
        Scorecard card = Scorecard.of(snap.engine().whatIf(w, Segment.ALL, List.of()), comp.plan(w.label()));
        return new Reply("NRR scorecard " + w.label(), withSaved(CompBlocks.scorecard(card, snap.freshness()), card, in));
    }

    private Reply answerWhatIf(WhatIf wi, Invocation in) {
        Snapshot snap = cache.snapshot();
        NrrEngine engine = snap.engine();
        List<NrrEngine.LossChange> changes = new ArrayList<>();
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
                changes.add(new NrrEngine.LossChange(null, f.get(), pct));
                described.add(f.get().label() + " losses " + pct.stripTrailingZeros().toPlainString() + "%");
            } else if (code.isPresent()) {
                changes.add(new NrrEngine.LossChange(code.get().code(), null, pct));
                described.add(code.get().code() + " " + pct.stripTrailingZeros().toPlainString() + "%");
            } else {
                throw new IllegalArgumentException("\"" + Typos.clip(name) + "\" is neither a function nor a churn reason. Reasons: "
                        + String.join(", ", engine.portfolio().taxonomy().codes().stream()
                        .filter(r -> r.polarity() == ReasonCode.Polarity.REASON).map(ReasonCode::code).toList()) + ".");
            }
        }
        Window w = engine.window(wi.window());
        CompStore.Plan plan = comp.plan(w.label());
        WhatIfParts whatIf = WhatIfParts.of(engine.whatIf(w, Segment.ALL, List.of()), engine.whatIf(w, Segment.ALL, changes));
        Scorecard today = Scorecard.of(whatIf.today(), plan);
        Scorecard then = Scorecard.of(whatIf.then(), plan);
        // the header is plain text; the notification text is mrkdwn, and a reason code is data
        return new Reply("What if " + BlockKit.escapeJoin(", ", described), withSaved(CompBlocks.whatIf(String.join(", ", described), today,
                then, whatIf.unreconciledPoints(), snap.freshness()), today, in));
    }
}
