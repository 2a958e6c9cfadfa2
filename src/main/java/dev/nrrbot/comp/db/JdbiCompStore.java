package dev.nrrbot.comp.db;

import dev.nrrbot.comp.CompStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** {@link CompStore} on the project's database: the settings and every change to them. */
public final class JdbiCompStore implements CompStore {

    private final Jdbi jdbi;

    public JdbiCompStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void set(String key, BigDecimal value, String by, Instant now) {
        String v = value.stripTrailingZeros().toPlainString();
        OffsetDateTime t = now.atOffset(ZoneOffset.UTC);
        jdbi.useTransaction(h -> {
            String old = h.createQuery("SELECT setting_value FROM comp_setting WHERE setting_key = :k").bind("k", key)
                    .map((rs, ctx) -> rs.getString("setting_value")).findOne().orElse(null);
            h.execute("DELETE FROM comp_setting WHERE setting_key = ?", key);
            h.execute("INSERT INTO comp_setting (setting_key, setting_value, set_by, set_at) VALUES (?, ?, ?, ?)", key, v, by, t);
            h.execute("INSERT INTO comp_setting_history (setting_key, old_value, new_value, set_by, set_at) VALUES (?, ?, ?, ?, ?)",
                    key, old, v, by, t);
        });
    }

    @Override
    public Map<String, BigDecimal> all() {
        Map<String, BigDecimal> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT setting_key, setting_value FROM comp_setting")
                .map((rs, ctx) -> Map.entry(rs.getString("setting_key"), new BigDecimal(rs.getString("setting_value"))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    @Override
    public List<Change> history(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_key, old_value, new_value, set_by, set_at FROM comp_setting_history"
                        + " ORDER BY id DESC").setMaxRows(limit)
                .map((rs, ctx) -> new Change(rs.getString("setting_key"), rs.getString("old_value"), rs.getString("new_value"),
                        rs.getString("set_by"), rs.getObject("set_at", OffsetDateTime.class).toInstant())).list());
    }
}
