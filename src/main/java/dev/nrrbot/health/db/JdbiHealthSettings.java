package dev.nrrbot.health.db;

import dev.nrrbot.health.HealthModel;
import dev.nrrbot.health.HealthSettings;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** {@link HealthSettings} in app_setting, each change logged in setting_change (migrations/V15__health.sql). */
public final class JdbiHealthSettings implements HealthSettings {

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiHealthSettings(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Map<String, String> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_name, setting_value FROM app_setting WHERE setting_name LIKE 'health.%'")
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public Change set(String name, String value, String by) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return jdbi.inTransaction(h -> {
            Map<String, String> current = h.createQuery("SELECT setting_name, setting_value FROM app_setting"
                            + " WHERE setting_name LIKE 'health.%' FOR UPDATE")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            String stored = HealthModel.validate(n, value, current);
            String old = current.get(n);
            h.execute("DELETE FROM app_setting WHERE setting_name = ?", n);
            h.execute("INSERT INTO app_setting (setting_name, setting_value) VALUES (?, ?)", n, stored);
            h.execute("INSERT INTO setting_change (setting_name, old_value, new_value, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)",
                    n, old, stored, by, now);
            return new Change(n, old, stored, by, now.toInstant());
        });
    }

    @Override
    public List<Change> history(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_name, old_value, new_value, changed_by, changed_at FROM setting_change"
                        + " WHERE setting_name LIKE 'health.%' ORDER BY id DESC")
                .setMaxRows(limit)
                .map((rs, ctx) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list());
    }
}
