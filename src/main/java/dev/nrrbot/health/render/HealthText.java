package dev.nrrbot.health.render;

import dev.nrrbot.health.Backtest;
import dev.nrrbot.health.Checkup;
import dev.nrrbot.health.ComponentScore;
import dev.nrrbot.health.HealthComponent;
import dev.nrrbot.health.HealthModel;
import dev.nrrbot.health.HealthScore;
import dev.nrrbot.health.HealthSettings;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.platform.format.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The health answers in words, the same for the CLI and Slack. Who may see what is the caller's
 * decision, passed in: {@code seesAccount} for an account's name and ARR, {@code seesGroup} for the
 * ARR of a group of that many accounts.
 *
 * <p>Over 300 lines: five answers (company, account, function, backtest, settings) sharing their
 * formats.
 */
public final class HealthText {

    static final int MOVERS = 5;
    static final int LISTED = 10;

    private HealthText() {
    }

    /** "340k" for a compact figure in a sentence; exact figures elsewhere. */
    public static String compact(long cents) {
        double units = cents / 100.0;
        if (Math.abs(units) >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", units / 1_000_000);
        }
        if (Math.abs(units) >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", units / 1_000);
        }
        return Money.whole(cents);
    }

    /** What every function holds at risk, in one line per function, for readouts and the function view. */
    public static List<String> atRiskLines(Checkup c, IntPredicate seesGroup) {
        List<String> out = new ArrayList<>();
        c.atRiskByFunction().entrySet().stream()
                .sorted((x, y) -> Long.compare(y.getValue().arrCents(), x.getValue().arrCents()))
                .forEach(e -> out.add(atRiskLine(e.getKey(), e.getValue(), seesGroup)));
        return out;
    }

    /** "Support holds 340k ARR at risk through ticket signals (12 accounts)". */
    public static String atRiskLine(BusinessFunction f, Checkup.Tally t, IntPredicate seesGroup) {
        String amount = seesGroup.test(t.accounts()) ? compact(t.arrCents()) + " ARR" : "ARR (fewer than 5 accounts)";
        return f.label() + " holds " + amount + " at risk through " + signalsOf(f) + " (" + t.accounts()
                + (t.accounts() == 1 ? " account)" : " accounts)");
    }

    static String signalsOf(BusinessFunction f) {
        return switch (f) {
            case PRODUCT -> "usage signals";
            case ENGINEERING -> "error signals";
            case SUPPORT -> "ticket signals";
            case FINANCE -> "payment signals";
            case CUSTOMER_SUCCESS -> "survey and champion signals";
            case ACCOUNT_MANAGEMENT -> "renewal and contraction signals";
            default -> "the signals it owns";
        };
    }

    /**
     * @param backtest the backtest if computed: when it says the score does not predict here, the
     *                 answer says so first, so no one acts on bands that are a coin toss
     */
    public static HealthPage company(Checkup c, Portfolio p, HealthModel model, Predicate<String> seesAccount, IntPredicate seesGroup,
                                     java.util.Optional<Backtest.Result> backtest) {
        HealthPage.Builder page = new HealthPage.Builder("Health as of " + c.asOf() + " (" + c.scores().size()
                + " paying accounts; healthy from " + model.healthyFrom() + ", at risk below " + model.atRiskBelow() + ")");
        backtest.filter(b -> b.verdict() != Backtest.Verdict.PREDICTS).ifPresent(b -> page.line("Read with care: " + verdict(b)));
        List<String> bands = new ArrayList<>();
        c.bands().forEach((b, t) -> bands.add(String.format(Locale.ROOT, "%-8s %,6d %s   %s", b.label(), t.accounts(),
                t.accounts() == 1 ? "account " : "accounts", seesGroup.test(t.accounts()) ? "ARR " + Money.whole(t.arrCents())
                        : "ARR not shown (fewer than 5 accounts)")));
        page.group("Accounts and ARR per band:", bands);
        List<String> risk = atRiskLines(c, seesGroup);
        page.group("At-risk ARR, by the function that owns each account's weakest part:",
                risk.isEmpty() ? List.of("no account is at risk") : risk);
        List<Checkup.Mover> movers = c.moversDown(50);
        List<String> moved = new ArrayList<>();
        int hidden = 0;
        for (Checkup.Mover m : movers) {
            if (moved.size() == MOVERS) {
                break;
            }
            if (!seesAccount.test(m.now().accountId())) {
                hidden++;
                continue;
            }
            moved.add(name(p, m.now().accountId()) + ": " + m.before() + " → " + m.now().health() + " (" + m.change() + ")"
                    + m.now().weakest().map(w -> "; " + w.evidence()).orElse("") + "; ARR " + Money.whole(m.arrCents()));
        }
        if (hidden > 0) {
            moved.add(hidden + (hidden == 1 ? " more account" : " more accounts") + " fell: names and ARR are for the roles that see them");
        }
        page.group("Biggest falls in 30 days:", moved.isEmpty() ? List.of("none") : moved);
        missingInputs(c.scores(), model).ifPresent(page::line);
        return page.build();
    }

    /** Which inputs no account had, and where their weight went. */
    static Optional<String> missingInputs(List<HealthScore> scores, HealthModel model) {
        if (scores.isEmpty()) {
            return Optional.empty();
        }
        List<String> none = new ArrayList<>();
        for (HealthComponent comp : HealthComponent.values()) {
            if (model.weight(comp) == 0) {
                continue;
            }
            boolean anyone = scores.stream().anyMatch(s -> s.part(comp).map(x -> x.reading().present()).orElse(false));
            if (!anyone) {
                none.add(comp.label() + " (" + model.weight(comp) + ")");
            }
        }
        return none.isEmpty() ? Optional.empty() : Optional.of("No account has " + String.join(", ", none)
                + ": their points are spread over the parts that were read. Import the signals that feed them"
                + " (bin/nrr-bot import tickets|usage|surveys|invoices|events FILE).");
    }

    static String name(Portfolio p, String accountId) {
        return p.account(accountId).map(a -> a.name().equals(accountId) ? accountId : a.name() + " (" + accountId + ")")
                .orElse(accountId);
    }

    /** One account: its health, band and trend, each part's points and evidence, and what was missing. */
    public static HealthPage account(HealthScore s, Optional<HealthScore> d30, Optional<HealthScore> d90, Portfolio p,
                                     long arrCents) {
        String trend = (d30.map(x -> "; 30 days before " + x.health()).orElse(""))
                + (d90.map(x -> ", 90 days before " + x.health()).orElse(""));
        HealthPage.Builder page = new HealthPage.Builder(name(p, s.accountId()) + ": health " + s.health() + " (" + s.band().label()
                + ") as of " + s.asOf() + trend + "; ARR " + Money.whole(arrCents));
        List<String> parts = new ArrayList<>();
        for (ComponentScore c : s.parts()) {
            if (c.reading().present()) {
                parts.add(String.format(Locale.ROOT, "%-27s %4.1f of %4.1f  %-20s %s", c.component().label(), c.points(),
                        c.maxPoints(), c.owner().label(), c.evidence()));
            }
        }
        page.group("Points per part (owner, evidence):", parts);
        List<String> missing = new ArrayList<>();
        for (ComponentScore c : s.missing()) {
            missing.add(c.component().label() + ": " + c.evidence());
        }
        if (!missing.isEmpty()) {
            page.group("Not read (their " + s.spreadWeight() + " points are spread over the parts above):", missing);
        }
        s.weakest().ifPresent(w -> page.line("Weakest: " + w.component().label() + ", owned by " + w.owner().label() + ": "
                + w.evidence() + "."));
        return page.build();
    }

    /** One function: its parts and weights, the ARR it holds at risk, the accounts where it holds the weakest part. */
    public static HealthPage function(BusinessFunction f, Checkup c, Portfolio p, HealthModel model, Predicate<String> seesAccount,
                                      IntPredicate seesGroup) {
        HealthPage.Builder page = new HealthPage.Builder(f.label() + ": health signals as of " + c.asOf());
        List<String> owned = new ArrayList<>();
        for (HealthComponent comp : HealthComponent.values()) {
            if (model.owner(comp) == f) {
                owned.add(comp.label() + ": weight " + model.weight(comp) + ", flag below " + model.threshold(comp));
            }
        }
        page.group("The parts " + f.label() + " owns:", owned.isEmpty()
                ? List.of("none: an admin gives it one with /nrr health set owner.COMPONENT " + f.code()) : owned);
        Checkup.Tally t = c.atRiskByFunction().get(f);
        page.line(t == null ? f.label() + " holds no at-risk ARR." : atRiskLine(f, t, seesGroup) + ".");
        List<HealthScore> weakest = c.weakestHeldBy(f);
        List<String> listed = new ArrayList<>();
        int hidden = 0;
        for (HealthScore s : weakest) {
            if (listed.size() == LISTED) {
                break;
            }
            if (!seesAccount.test(s.accountId())) {
                hidden++;
                continue;
            }
            ComponentScore w = s.weakest().orElseThrow();
            listed.add(name(p, s.accountId()) + ": health " + s.health() + " (" + s.band().label() + "), " + w.component().label()
                    + ": " + w.evidence() + "; ARR " + Money.whole(c.arrCents(s.accountId())));
        }
        int more = weakest.size() - listed.size() - hidden;
        if (hidden > 0) {
            listed.add(hidden + (hidden == 1 ? " more account" : " more accounts")
                    + ": names and ARR are for the roles that see them");
        }
        if (more > 0) {
            listed.add("... and " + more + " more");
        }
        page.group("Accounts where " + f.label() + " holds the weakest part (" + weakest.size() + "), lowest health first:",
                listed.isEmpty() ? List.of("none") : listed);
        return page.build();
    }

    public static HealthPage backtest(Backtest.Result r, HealthModel model) {
        if (r.months() == 0) {
            return new HealthPage.Builder("Backtest: there is no history to test on yet: it needs months of revenue with three"
                    + " more after each (the outcome). Import more history, then ask again.").build();
        }
        HealthPage.Builder page = new HealthPage.Builder(String.format(Locale.ROOT,
                "Backtest, %s to %s (%d months, %,d account-months scored with what was known then, %,d followed by churn or a fall of more than %d%% within 90 days)",
                r.from(), r.to(), r.months(), r.observations(), r.losses(), model.lossShare()));
        page.line(verdict(r));
        page.group("The score:", List.of(
                String.format(Locale.ROOT, "AUC %.2f (0.5 is a coin toss, 1.0 perfect)", r.auc()),
                String.format(Locale.ROOT, "riskiest tenth of scores caught %.0f%% of the ARR lost (%s of %s)", r.decileLostShare() * 100,
                        compact(Math.round(r.decileLostShare() * r.lostCents())), compact(r.lostCents())),
                String.format(Locale.ROOT, "lift %.1fx: losses there were %.1f times as common as overall", r.lift(), r.lift())));
        List<String> comps = new ArrayList<>();
        r.components().stream().filter(c -> c.scored() > 0)
                .sorted((x, y) -> Double.compare(y.auc(), x.auc()))
                .forEach(c -> comps.add(String.format(Locale.ROOT, "%-27s AUC %.2f  (%s, %,d account-months)%s",
                        c.component().label(), c.auc(), model.owner(c.component()).label(), c.scored(),
                        c.auc() >= Backtest.PREDICTS_FROM ? "" : c.auc() >= 0.55 ? "  weak" : "  no signal")));
        r.components().stream().filter(c -> c.scored() == 0)
                .forEach(c -> comps.add(c.component().label() + ": no input in these months"));
        page.group("Each part alone:", comps);
        List<String> bands = new ArrayList<>();
        r.bands().forEach((b, rate) -> bands.add(String.format(Locale.ROOT, "%-8s %,7d account-months, %.1f%% lost within 90 days,"
                + " %.1f%% of their ARR", b.label(), rate.observations(), rate.lossRate() * 100, rate.lostArrShare() * 100)));
        page.group("What happened next, per band (the forecast weighs at-risk ARR by these):", bands);
        List<String> reasons = new ArrayList<>();
        for (Backtest.ReasonLead lead : r.reasons()) {
            if (lead.component() == null) {
                reasons.add(lead.reasonCode() + ": " + lead.churns() + (lead.churns() == 1 ? " churn" : " churns")
                        + ", none with a part below its threshold the month before");
            } else {
                reasons.add(lead.reasonCode() + " churns showed " + lead.component().label() + " weakest the month before in "
                        + lead.weakestIn() + " of " + lead.churns() + ", below its threshold 60+ days before in "
                        + lead.sixtyDaysIn() + " of " + lead.churns()
                        + (lead.noWarning() > 0 ? "; " + lead.noWarning() + " showed no warning" : ""));
            }
        }
        if (!reasons.isEmpty()) {
            page.group("Churns with a reason, and what showed before them:", reasons.subList(0, Math.min(12, reasons.size())));
        }
        return page.build();
    }

    public static String verdict(Backtest.Result r) {
        return switch (r.verdict()) {
            case PREDICTS -> String.format(Locale.ROOT, "The score predicts for this company (AUC %.2f, from %.2f counts):"
                    + " automatic flags may run.", r.auc(), Backtest.PREDICTS_FROM);
            case DOES_NOT_PREDICT -> String.format(Locale.ROOT, "The score does not predict for this company: AUC %.2f is below"
                    + " %.2f, close to a coin toss. Automatic flags stay off unless an admin turns them on"
                    + " (/nrr health set auto_flags on); the parts below show which signals carry anything.", r.auc(), Backtest.PREDICTS_FROM);
            case TOO_LITTLE_HISTORY -> String.format(Locale.ROOT, "Too little history to tell whether the score predicts (%d months,"
                    + " %d losses; it needs %d months and %d losses). Automatic flags stay off unless an admin turns them on.",
                    r.months(), r.losses(), 6, 10);
        };
    }

    public static HealthPage settings(HealthModel model, List<HealthSettings.Change> history, boolean flagsOn) {
        HealthPage.Builder page = new HealthPage.Builder("Health settings (change one: /nrr health set NAME VALUE, admins)");
        List<String> comps = new ArrayList<>();
        for (HealthComponent c : HealthComponent.values()) {
            comps.add(String.format(Locale.ROOT, "%-19s weight %3d  owner %-19s threshold %d", c.code(), model.weight(c),
                    model.owner(c).code(), model.threshold(c)));
        }
        page.group("Parts (weight.CODE, owner.CODE, threshold.CODE):", comps);
        page.group("Bands and automatic flags:", List.of(
                "at_risk_below " + model.atRiskBelow() + ", healthy_from " + model.healthyFrom(),
                "auto_flags " + model.autoFlags() + " (now " + (flagsOn ? "on" : "off") + "), flag_arr_floor "
                        + Money.whole(model.flagFloorCents()) + ", flag_drop " + model.flagDrop() + ", recover_days " + model.recoverDays(),
                "loss_share " + model.lossShare() + "% (a fall within 90 days that the backtest counts as a loss)"));
        List<String> log = new ArrayList<>();
        for (HealthSettings.Change ch : history) {
            log.add(ch.changedAt().toString().substring(0, 16).replace('T', ' ') + " UTC  " + ch.name().substring(HealthModel.PREFIX.length())
                    + ": " + (ch.oldValue() == null ? "default" : ch.oldValue()) + " → " + ch.newValue() + " by " + ch.changedBy());
        }
        page.group("Changes, newest first:", log.isEmpty() ? List.of("none yet: every setting has its default") : log);
        return page.build();
    }
}
