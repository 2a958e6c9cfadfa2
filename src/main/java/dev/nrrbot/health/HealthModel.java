package dev.nrrbot.health;

import dev.nrrbot.metrics.BusinessFunction;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The health score's settings: each component's weight, owner and flag threshold, the band
 * cut-offs, and the rules of automatic flags. Admins change them from Slack ({@code /nrr health set})
 * or the CLI ({@code setting}); every change is logged. Stored as text settings named
 * {@code health.weight.usage_trend} and so on.
 *
 * @param thresholds   per component, a score (0-100) below which a flag is raised
 * @param atRiskBelow  health below this is at risk (80 and 90 by default: most parts of a sound account
 *                     score full marks, so one part at zero already costs 10-20 points; on the demo's
 *                     history, 65% of the account-months below 80 were lost within 90 days, 4% of
 *                     those from 90 on)
 * @param healthyFrom  health from this on is healthy; between the two, watch
 * @param autoFlags    "on", "off", or "auto" (on only while the backtest says the score predicts)
 * @param flagFloorCents ARR below which no automatic flag is raised
 * @param flagDrop     a fall of a component's score by this many points (0-100) within 30 days raises a flag
 * @param recoverDays  days a component stays above its threshold before the owner is offered to resolve
 * @param lossShare    a fall of MRR by more than this share (percent) within 90 days counts as a loss in the backtest
 */
public record HealthModel(Map<HealthComponent, Integer> weights, Map<HealthComponent, BusinessFunction> owners,
                          Map<HealthComponent, Integer> thresholds, int atRiskBelow, int healthyFrom, String autoFlags,
                          long flagFloorCents, int flagDrop, int recoverDays, int lossShare) {

    public static final String PREFIX = "health.";
    public static final HealthModel DEFAULTS = from(Map.of());

    /** Every setting, with what it takes: what {@code /nrr health settings} lists. */
    public static final Map<String, String> SETTINGS;

    static {
        Map<String, String> s = new LinkedHashMap<>();
        for (HealthComponent c : HealthComponent.values()) {
            s.put(PREFIX + "weight." + c.code(), "points out of the total, 0-100 (default " + c.defaultWeight() + ")");
            s.put(PREFIX + "owner." + c.code(), "the function that owns it (default " + c.defaultOwner().code() + ")");
            s.put(PREFIX + "threshold." + c.code(), "a score 0-100 below which a flag is raised (default 40)");
        }
        s.put(PREFIX + "at_risk_below", "health below this is at risk, 1-99 (default 80)");
        s.put(PREFIX + "healthy_from", "health from this on is healthy, 1-100 (default 90)");
        s.put(PREFIX + "auto_flags", "on, off, or auto: on while the backtest shows the score predicts (default auto)");
        s.put(PREFIX + "flag_arr_floor", "no automatic flag below this ARR, 0 or more (default 5000)");
        s.put(PREFIX + "flag_drop", "a component falling by this many points within 30 days raises a flag, 1-100 (default 40)");
        s.put(PREFIX + "recover_days", "days a signal stays recovered before the owner is offered to resolve, 1-90 (default 14)");
        s.put(PREFIX + "loss_share", "a fall of MRR by more than this percent within 90 days counts as a loss in the backtest, 1-99 (default 20)");
        SETTINGS = Collections.unmodifiableMap(s);
    }

    public int weight(HealthComponent c) {
        return weights.get(c);
    }

    public BusinessFunction owner(HealthComponent c) {
        return owners.get(c);
    }

    public int threshold(HealthComponent c) {
        return thresholds.get(c);
    }

    public HealthBand band(int health) {
        return health < atRiskBelow ? HealthBand.AT_RISK : health >= healthyFrom ? HealthBand.HEALTHY : HealthBand.WATCH;
    }

    /** The model the stored settings describe; names it does not know are not its own and are left alone. */
    public static HealthModel from(Map<String, String> settings) {
        Map<HealthComponent, Integer> weights = new EnumMap<>(HealthComponent.class);
        Map<HealthComponent, BusinessFunction> owners = new EnumMap<>(HealthComponent.class);
        Map<HealthComponent, Integer> thresholds = new EnumMap<>(HealthComponent.class);
        for (HealthComponent c : HealthComponent.values()) {
            weights.put(c, number(settings, PREFIX + "weight." + c.code(), c.defaultWeight()));
            owners.put(c, BusinessFunction.parse(settings.get(PREFIX + "owner." + c.code())).orElse(c.defaultOwner()));
            thresholds.put(c, number(settings, PREFIX + "threshold." + c.code(), 40));
        }
        String auto = settings.getOrDefault(PREFIX + "auto_flags", "auto");
        return new HealthModel(Collections.unmodifiableMap(weights), Collections.unmodifiableMap(owners),
                Collections.unmodifiableMap(thresholds), number(settings, PREFIX + "at_risk_below", 80),
                number(settings, PREFIX + "healthy_from", 90), auto, number(settings, PREFIX + "flag_arr_floor", 5000) * 100L,
                number(settings, PREFIX + "flag_drop", 40), number(settings, PREFIX + "recover_days", 14),
                number(settings, PREFIX + "loss_share", 20));
    }

    private static int number(Map<String, String> settings, String name, int fallback) {
        String v = settings.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback; // validate() keeps such values out; an old one falls back to the default
        }
    }

    /**
     * Checks one setting and returns its value as stored.
     *
     * @throws IllegalArgumentException with the sentence to show: what the setting takes
     */
    public static String validate(String name, String value, Map<String, String> current) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (!SETTINGS.containsKey(n)) {
            throw new IllegalArgumentException("There is no health setting '" + name + "'. They are: weight, owner and"
                    + " threshold of a component (" + componentCodes() + "), at_risk_below, healthy_from, auto_flags,"
                    + " flag_arr_floor, flag_drop, recover_days, loss_share.");
        }
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        String rule = SETTINGS.get(n);
        if (n.startsWith(PREFIX + "owner.")) {
            return BusinessFunction.parse(v).map(BusinessFunction::code).orElseThrow(() ->
                    new IllegalArgumentException("'" + value + "' is not a function. Functions: " + functionCodes() + "."));
        }
        if (n.equals(PREFIX + "auto_flags")) {
            if (!v.equals("on") && !v.equals("off") && !v.equals("auto")) {
                throw new IllegalArgumentException("auto_flags takes on, off or auto (on while the backtest shows the score predicts).");
            }
            return v;
        }
        int x;
        try {
            x = Integer.parseInt(v.replace(",", "").replace("%", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number. " + n.substring(PREFIX.length()) + ": " + rule + ".");
        }
        int[] range = n.startsWith(PREFIX + "weight.") || n.startsWith(PREFIX + "threshold.") ? new int[] {0, 100}
                : n.equals(PREFIX + "at_risk_below") || n.equals(PREFIX + "loss_share") ? new int[] {1, 99}
                : n.equals(PREFIX + "healthy_from") || n.equals(PREFIX + "flag_drop") ? new int[] {1, 100}
                : n.equals(PREFIX + "recover_days") ? new int[] {1, 90} : new int[] {0, 100_000_000};
        if (x < range[0] || x > range[1]) {
            throw new IllegalArgumentException(x + " is out of range. " + n.substring(PREFIX.length()) + ": " + rule + ".");
        }
        Map<String, String> after = new java.util.HashMap<>(current);
        after.put(n, Integer.toString(x));
        HealthModel m = from(after);
        if (m.atRiskBelow() >= m.healthyFrom()) {
            throw new IllegalArgumentException("at_risk_below (" + m.atRiskBelow() + ") must be below healthy_from ("
                    + m.healthyFrom() + "), or no score would be watch.");
        }
        if (m.weights().values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new IllegalArgumentException("At least one component needs a weight above 0.");
        }
        return Integer.toString(x);
    }

    static String componentCodes() {
        StringBuilder b = new StringBuilder();
        for (HealthComponent c : HealthComponent.values()) {
            b.append(b.isEmpty() ? "" : ", ").append(c.code());
        }
        return b.toString();
    }

    static String functionCodes() {
        StringBuilder b = new StringBuilder();
        for (BusinessFunction f : BusinessFunction.values()) {
            b.append(b.isEmpty() ? "" : ", ").append(f.code());
        }
        return b.toString();
    }
}
