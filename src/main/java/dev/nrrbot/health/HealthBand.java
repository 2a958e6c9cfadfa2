package dev.nrrbot.health;

/** Where a health score falls: the cut-offs are settings ({@link HealthModel}). */
public enum HealthBand {
    HEALTHY("healthy"), WATCH("watch"), AT_RISK("at risk");

    private final String label;

    HealthBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
