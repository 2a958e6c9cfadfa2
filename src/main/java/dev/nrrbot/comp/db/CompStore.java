package dev.nrrbot.comp.db;

import dev.nrrbot.comp.Weights;
import dev.nrrbot.comp.PayoutCurve;

import dev.nrrbot.metrics.BusinessFunction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Targets, weights and the payout curve. Keys: {@code target.company.PERIOD},
 * {@code target.FUNCTION.PERIOD} (PERIOD is a window label such as 2026-Q3, or "default"),
 * {@code weight.FUNCTION}, {@code curve.floor}, {@code curve.cap_at}, {@code curve.cap}.
 */
public final class CompStore {

    /** One change, as kept in the history. */
    public record Change(String key, String oldValue, String newValue, String by, Instant at) {
    }

    private final Jdbi jdbi;

    public CompStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void set(String key, BigDecimal value, String by, Instant now) {
        String v = value.stripTrailingZeros().toPlainString();
        OffsetDateTime t = now.atOffset(ZoneOffset.UTC);
        jdbi.useTransaction(h -> {
            String old = h.createQuery("SELECT setting_value FROM comp_setting WHERE setting_key = :k").bind("k", key)
                    .mapTo(String.class).findOne().orElse(null);
            h.execute("DELETE FROM comp_setting WHERE setting_key = ?", key);
            h.execute("INSERT INTO comp_setting (setting_key, setting_value, set_by, set_at) VALUES (?, ?, ?, ?)", key, v, by, t);
            h.execute("INSERT INTO comp_setting_history (setting_key, old_value, new_value, set_by, set_at) VALUES (?, ?, ?, ?, ?)",
                    key, old, v, by, t);
        });
    }

    public Map<String, BigDecimal> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_key, setting_value FROM comp_setting")
                .map((rs, ctx) -> Map.entry(rs.getString(1), new BigDecimal(rs.getString(2)))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<Change> history(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_key, old_value, new_value, set_by, set_at FROM comp_setting_history"
                        + " ORDER BY id DESC").setMaxRows(limit)
                .map((rs, ctx) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant())).list());
    }

    /** The plan in force for a window: its own targets, else the defaults. */
    public record Plan(BigDecimal companyTarget, Map<BusinessFunction, BigDecimal> functionTargets,
                       Map<BusinessFunction, BigDecimal> weights, PayoutCurve curve) {
    }

    public static final BigDecimal DEFAULT_TARGET = new BigDecimal("100");

    public Plan plan(String windowLabel) {
        Map<String, BigDecimal> s = all();
        BigDecimal target = pick(s, "target.company", windowLabel).orElse(DEFAULT_TARGET);
        Map<BusinessFunction, BigDecimal> targets = new EnumMap<>(BusinessFunction.class);
        Map<BusinessFunction, BigDecimal> weights = Weights.defaults();
        for (BusinessFunction f : BusinessFunction.values()) {
            pick(s, "target." + f.code(), windowLabel).ifPresent(v -> targets.put(f, v));
            if (s.containsKey("weight." + f.code())) {
                weights.put(f, s.get("weight." + f.code()));
            }
        }
        BigDecimal floor = s.getOrDefault("curve.floor", PayoutCurve.DEFAULT_FLOOR);
        BigDecimal capAt = s.getOrDefault("curve.cap_at", target.add(PayoutCurve.DEFAULT_CAP_SPAN));
        BigDecimal cap = s.getOrDefault("curve.cap", PayoutCurve.DEFAULT_CAP);
        // a target moved above the stored cap point keeps a usable curve: the cap follows it
        if (capAt.compareTo(target) <= 0) {
            capAt = target.add(PayoutCurve.DEFAULT_CAP_SPAN);
        }
        if (floor.compareTo(target) >= 0) {
            floor = target.subtract(BigDecimal.TEN);
        }
        return new Plan(target, targets, weights, new PayoutCurve(floor, target, capAt, cap));
    }

    private static Optional<BigDecimal> pick(Map<String, BigDecimal> s, String prefix, String window) {
        BigDecimal specific = s.get(prefix + "." + window);
        return Optional.ofNullable(specific != null ? specific : s.get(prefix + ".default"));
    }
}
