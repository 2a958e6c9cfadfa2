package dev.nrrbot.health;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An account's health on a day: 0-100, the weighted sum of its components' points, so it explains
 * itself. {@code parts} lists every component, the missing ones with why; {@code spreadWeight} is
 * the weight of the missing ones, spread over the rest.
 */
public record HealthScore(String accountId, LocalDate asOf, int health, HealthBand band, List<ComponentScore> parts,
                          int spreadWeight) {

    /** The component that cost the most points, if any cost anything. */
    public Optional<ComponentScore> weakest() {
        ComponentScore worst = null;
        for (ComponentScore p : parts) {
            if (p.reading().present() && p.lost() > 1e-9 && (worst == null || p.lost() > worst.lost() + 1e-9)) {
                worst = p;
            }
        }
        return Optional.ofNullable(worst);
    }

    public Optional<ComponentScore> part(HealthComponent c) {
        return parts.stream().filter(p -> p.component() == c).findFirst();
    }

    public List<ComponentScore> missing() {
        return parts.stream().filter(p -> !p.reading().present()).toList();
    }
}
