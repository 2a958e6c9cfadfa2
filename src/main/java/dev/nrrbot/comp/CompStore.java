package dev.nrrbot.comp;

import dev.nrrbot.metrics.BusinessFunction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Targets, weights and the payout curve, kept as settings with their history. Keys:
 * {@code target.company.PERIOD}, {@code target.FUNCTION.PERIOD} (PERIOD is a window label such as
 * 2026-Q3, or "default"), {@code weight.FUNCTION}, {@code curve.floor}, {@code curve.cap_at},
 * {@code curve.cap}.
 */
public interface CompStore {

    BigDecimal DEFAULT_TARGET = new BigDecimal("100");

    /** One change, as kept in the history. */
    record Change(String key, String oldValue, String newValue, String by, Instant at) {
    }

    /** The plan in force for a window: its own targets, else the defaults. */
    record Plan(BigDecimal companyTarget, Map<BusinessFunction, BigDecimal> functionTargets,
                Map<BusinessFunction, BigDecimal> weights, PayoutCurve curve) {

        /** The plan for {@code windowLabel} from the stored settings ({@link #all()}), defaults filling the rest. */
        public static Plan of(Map<String, BigDecimal> settings, String windowLabel) {
            BigDecimal target = pick(settings, "target.company", windowLabel).orElse(DEFAULT_TARGET);
            Map<BusinessFunction, BigDecimal> targets = new EnumMap<>(BusinessFunction.class);
            Map<BusinessFunction, BigDecimal> weights = Weights.defaults();
            for (BusinessFunction f : BusinessFunction.values()) {
                pick(settings, "target." + f.code(), windowLabel).ifPresent(v -> targets.put(f, v));
                if (settings.containsKey("weight." + f.code())) {
                    weights.put(f, settings.get("weight." + f.code()));
                }
            }
            BigDecimal floor = settings.getOrDefault("curve.floor", PayoutCurve.DEFAULT_FLOOR);
            BigDecimal capAt = settings.getOrDefault("curve.cap_at", target.add(PayoutCurve.DEFAULT_CAP_SPAN));
            BigDecimal cap = settings.getOrDefault("curve.cap", PayoutCurve.DEFAULT_CAP);
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

    /** Sets one value, keeping the change in the history. */
    void set(String key, BigDecimal value, String by, Instant now);

    /** Every stored setting. */
    Map<String, BigDecimal> all();

    /** The latest changes, newest first. */
    List<Change> history(int limit);

    /** The plan in force for a window. */
    default Plan plan(String windowLabel) {
        return Plan.of(all(), windowLabel);
    }
}
