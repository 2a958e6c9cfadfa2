package dev.nrrbot.serve;

import dev.nrrbot.revenue.RevenueStore;
import java.util.List;

/** What the health capability tells others about what is ahead: the readout's lines, the scorecard's at-risk renewals. */
public final class Outlooks {

    private Outlooks() {
    }

    /**
     * The weekly readout's lines on what is ahead. A failure there is logged and leaves them out: the
     * readout's numbers go out all the same.
     */
    public static java.util.function.Function<java.util.function.IntPredicate, List<String>> weekly(dev.nrrbot.health.HealthCache health,
                                                                                            RevenueStore store) {
        return seesGroup -> {
            try {
                return dev.nrrbot.health.render.WeeklyOutlook.lines(health, store::subscriptions, seesGroup);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Outlooks.class).error("the weekly readout's forecast failed; posted without it", e);
                return List.of();
            }
        };
    }

    /** The at-risk ARR renewing in the checkup's quarter, per function, for the scorecard's "if saved" lines. */
    public static java.util.Optional<dev.nrrbot.comp.SavedRenewals.Due> atRiskRenewals(dev.nrrbot.health.HealthCache health) {
        return health.checkup().map(c -> {
            java.time.LocalDate through = dev.nrrbot.health.Renewing.quarterEnd(c.asOf());
            List<dev.nrrbot.comp.SavedRenewals.Held> held = dev.nrrbot.health.Renewing.atRisk(c, health.portfolio(), through)
                    .entrySet().stream().sorted((x, y) -> Long.compare(y.getValue().arrCents(), x.getValue().arrCents()))
                    .map(e -> new dev.nrrbot.comp.SavedRenewals.Held(e.getKey(), e.getValue().accounts(), e.getValue().arrCents()))
                    .toList();
            // the backtest takes long on a large book: a scorecard uses it once it is computed, the whole ARR before
            Double share = health.backtestIfReady().filter(r -> r.verdict() != dev.nrrbot.health.Backtest.Verdict.TOO_LITTLE_HISTORY)
                    .map(r -> r.bands().get(dev.nrrbot.health.HealthBand.AT_RISK)).map(b -> b.lostArrShare()).orElse(null);
            return new dev.nrrbot.comp.SavedRenewals.Due(through, held, share);
        });
    }
}
