package dev.nrrbot.health;

/**
 * What one component read for one account on one day: a score from 0 (worst) to 1 (best) and the
 * figures behind it, or, when its input is missing, why. Figures, not text: the backtest reads
 * millions of these, and only the few shown are put into words ({@link Evidence}).
 *
 * @param missing null when read; else why not ("no usage imported for this account")
 */
public record Reading(HealthComponent component, double score, double a, double b, double c, String missing) {

    public static Reading of(HealthComponent component, double score, double a, double b, double c) {
        return new Reading(component, Math.max(0, Math.min(1, score)), a, b, c, null);
    }

    public static Reading missing(HealthComponent component, String why) {
        return new Reading(component, Double.NaN, 0, 0, 0, why);
    }

    public boolean present() {
        return missing == null;
    }
}
