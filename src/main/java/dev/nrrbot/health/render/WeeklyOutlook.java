package dev.nrrbot.health.render;

import dev.nrrbot.health.Checkup;
import dev.nrrbot.health.Forecast;
import dev.nrrbot.health.HealthCache;
import dev.nrrbot.revenue.SubscriptionSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * The weekly readout's lines on what is ahead: the quarter-end forecast, then the at-risk ARR each
 * function holds. Without revenue data there is no line; without signals the health reads only
 * contraction and renewal, and the lines say what those show.
 */
public final class WeeklyOutlook {

    private WeeklyOutlook() {
    }

    public static List<String> lines(HealthCache health, Supplier<List<SubscriptionSpan>> subscriptions, IntPredicate seesGroup) {
        Optional<Checkup> c = health.checkup();
        if (c.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Forecast.of(health.portfolio(), subscriptions.get(), c.get(), health.backtest()).ifPresent(f -> out.add(ForecastText.line(f)));
        out.addAll(HealthText.atRiskLines(c.get(), seesGroup));
        return out;
    }
}
