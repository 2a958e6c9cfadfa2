package dev.nrrbot.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where the health settings are kept, with every change to them. */
public interface HealthSettings {

    /** One change: who set what, from what, when. */
    record Change(String name, String oldValue, String newValue, String changedBy, Instant changedAt) {
    }

    /** The health settings set so far (names from {@link HealthModel#SETTINGS}). */
    Map<String, String> all();

    default HealthModel model() {
        return HealthModel.from(all());
    }

    /**
     * Checks and sets one setting, logged with who and when.
     *
     * @throws IllegalArgumentException saying what the setting takes
     * @return the change
     */
    Change set(String name, String value, String by);

    /** The changes, newest first, at most {@code limit}. */
    List<Change> history(int limit);
}
