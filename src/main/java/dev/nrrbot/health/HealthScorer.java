package dev.nrrbot.health;

import java.util.ArrayList;
import java.util.List;

/**
 * Health 0-100: each present component scores 0-1 and earns that share of its weight; the weight of
 * a missing component is spread over the present ones in proportion, so 100 stays the best.
 */
public final class HealthScorer {

    private HealthScorer() {
    }

    public static HealthScore score(String accountId, Signals in, HealthModel model) {
        HealthComponent[] all = HealthComponent.values();
        Reading[] readings = new Reading[all.length];
        int present = 0;
        int missing = 0;
        for (int i = 0; i < all.length; i++) {
            int w = model.weight(all[i]);
            if (w == 0) {
                readings[i] = null;
                continue;
            }
            readings[i] = Components.read(all[i], in);
            if (readings[i].present()) {
                present += w;
            } else {
                missing += w;
            }
        }
        List<ComponentScore> parts = new ArrayList<>(all.length);
        double total = 0;
        for (int i = 0; i < all.length; i++) {
            if (readings[i] == null) {
                continue;
            }
            double max = present == 0 || !readings[i].present() ? 0 : 100.0 * model.weight(all[i]) / present;
            double points = readings[i].present() ? readings[i].score() * max : 0;
            total += points;
            parts.add(new ComponentScore(readings[i], model.owner(all[i]), points, max));
        }
        // with nothing to read at all there is no score to give: the middle, and every part says why
        int health = present == 0 ? 50 : (int) Math.round(total);
        return new HealthScore(accountId, in.asOf(), health, model.band(health), List.copyOf(parts), missing);
    }
}
