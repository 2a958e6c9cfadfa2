package dev.nrrbot.health;

import dev.nrrbot.metrics.BusinessFunction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When the bot raises a flag itself: on an account at or above the ARR floor, a part owned by
 * function F scores below its threshold, or fell by the set drop within 30 days (renewal proximity
 * aside: it is the flag's context, not a fault). Each function
 * gets one flag per account, carrying every part of its that triggered.
 */
public final class AutoFlagRule {

    /** One part that triggered, with its score 30 days before (-1 unknown). */
    public record Trigger(ComponentScore part, int before, boolean below) {
        /** "usage trend 0 (below 40): usage -46% over 90 days ..." or "... fell 60 points in 30 days: ...". */
        public String describe(HealthModel model) {
            String how = below ? "below " + model.threshold(part.component())
                    : "fell " + (before - part.score100()) + " points in 30 days";
            return part.component().label() + " " + part.score100() + " (" + how + "): " + part.evidence();
        }
    }

    private AutoFlagRule() {
    }

    public static Map<BusinessFunction, List<Trigger>> triggers(HealthScore now, Optional<HealthScore> before, long arrCents,
                                                                HealthModel model) {
        Map<BusinessFunction, List<Trigger>> out = new EnumMap<>(BusinessFunction.class);
        if (arrCents < model.flagFloorCents()) {
            return out;
        }
        for (ComponentScore p : now.parts()) {
            int s = p.score100();
            // a renewal coming closer is context for every flag (the flag carries the date), not a fault to act on
            if (s < 0 || p.component() == HealthComponent.RENEWAL) {
                continue;
            }
            int was = before.flatMap(b -> b.part(p.component())).map(ComponentScore::score100).orElse(-1);
            boolean below = s < model.threshold(p.component());
            boolean fell = was >= 0 && was - s >= model.flagDrop();
            if (below || fell) {
                out.computeIfAbsent(p.owner(), k -> new ArrayList<>()).add(new Trigger(p, was, below));
            }
        }
        return out;
    }

    /** Whether none of {@code parts} is below its threshold any longer: the flag's signals recovered. */
    public static boolean recovered(HealthScore now, java.util.Set<HealthComponent> parts, HealthModel model) {
        for (HealthComponent c : parts) {
            Optional<ComponentScore> p = now.part(c);
            if (p.isPresent() && p.get().score100() >= 0 && p.get().score100() < model.threshold(c)) {
                return false;
            }
        }
        return true;
    }
}
