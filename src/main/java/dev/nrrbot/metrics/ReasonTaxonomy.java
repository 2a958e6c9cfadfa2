package dev.nrrbot.metrics;

import static dev.nrrbot.metrics.BusinessFunction.*;
import static dev.nrrbot.metrics.ReasonCode.Polarity.DRIVER;
import static dev.nrrbot.metrics.ReasonCode.Polarity.REASON;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The codes that explain why revenue moved, each owned by one function. Lookups accept the code or
 * any alias in any case; everything the bot shows uses the canonical code.
 */
public final class ReasonTaxonomy {

    /** Not a code: the Pareto's row for lost revenue that has no reason. */
    public static final String UNEXPLAINED = "unexplained";

    private final Map<String, ReasonCode> byCode = new LinkedHashMap<>();
    private final Map<String, ReasonCode> byAlias = new LinkedHashMap<>();

    public ReasonTaxonomy(Collection<ReasonCode> codes) {
        for (ReasonCode c : codes) {
            String key = normalize(c.code());
            if (key.equals(UNEXPLAINED)) {
                throw new IllegalArgumentException("'" + UNEXPLAINED + "' is reserved and cannot be a reason code");
            }
            byCode.put(key, c);
            byAlias.put(key, c);
        }
        for (ReasonCode c : codes) {
            for (String alias : c.aliases()) {
                byAlias.putIfAbsent(normalize(alias), c);
            }
        }
    }

    public static String normalize(String raw) {
        return raw.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    public Optional<ReasonCode> resolve(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byAlias.get(normalize(raw)));
    }

    public Optional<ReasonCode> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(normalize(code)));
    }

    public List<ReasonCode> codes() {
        return List.copyOf(byCode.values());
    }

    public List<String> codeNames() {
        return new ArrayList<>(byCode.keySet());
    }

    public ReasonTaxonomy with(ReasonCode extra) {
        List<ReasonCode> all = new ArrayList<>(byCode.values());
        all.add(extra);
        return new ReasonTaxonomy(all);
    }

    /**
     * The code whose name or alias is nearest to {@code unknown}, for "did you mean": close in spelling
     * (edit distance at most a third of the longer text) or sharing a word ("pricing_complaint" and
     * "pricing"). Empty when nothing is reasonably close: a far-fetched guess would be mapped by mistake.
     */
    public Optional<String> closest(String unknown) {
        if (unknown == null || unknown.isBlank() || unknown.length() > 200) {
            return Optional.empty(); // no code is that long, and the distance would cost its square
        }
        String u = normalize(unknown);
        List<String> words = List.of(u.split("_"));
        String best = null;
        double bestScore = Double.MAX_VALUE;
        for (String known : byAlias.keySet()) {
            int distance = distance(u, known);
            boolean close = distance * 3 <= Math.max(u.length(), known.length());
            long shared = java.util.Arrays.stream(known.split("_")).filter(w -> w.length() > 2 && words.contains(w)).count();
            if (!close && shared == 0) {
                continue;
            }
            // a shared word counts for much; spelling breaks ties, then the canonical code over its aliases
            double score = distance - 10.0 * shared + (byCode.containsKey(known) ? -0.5 : 0);
            if (score < bestScore) {
                bestScore = score;
                best = known;
            }
        }
        return Optional.ofNullable(best).map(k -> byAlias.get(k).code());
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The default taxonomy of the published definitions. Teams can change it in the database. */
    public static ReasonTaxonomy defaults() {
        return new ReasonTaxonomy(List.of(
                code("product_gap", PRODUCT, REASON, "Product gap", "features", "missing_feature"),
                code("competitor", PRODUCT, REASON, "Lost to a competitor"),
                code("bugs_reliability", ENGINEERING, REASON, "Bugs and reliability",
                        "bugs", "outage", "reliability", "performance"),
                code("support_experience", SUPPORT, REASON, "Support experience", "support"),
                code("onboarding_adoption", CUSTOMER_SUCCESS, REASON, "Onboarding and adoption",
                        "onboarding", "adoption", "low_usage"),
                code("champion_left", CUSTOMER_SUCCESS, REASON, "Champion left", "relationship"),
                code("poor_fit", SALES, REASON, "Poor fit at sale", "fit"),
                code("value_awareness", MARKETING, REASON, "Value not understood"),
                code("pricing", FINANCE, REASON, "Pricing", "price", "cost"),
                code("billing_contract", FINANCE, REASON, "Billing or contract terms", "billing", "contract"),
                code("staffing", HR, REASON, "Staffing of customer-facing roles"),
                code("budget_cut", EXTERNAL, REASON, "Budget cut", "budget", "financial_struggle"),
                code("business_closed", EXTERNAL, REASON, "Business closed"),
                code("acquired", EXTERNAL, REASON, "Acquired", "merger"),
                code("change_in_needs", EXTERNAL, REASON, "Change in needs"),
                code("unknown", null, REASON, "Unknown", "other"),
                code("seat_growth", CUSTOMER_SUCCESS, DRIVER, "Seat growth", "seats", "usage_growth"),
                code("upsell", ACCOUNT_MANAGEMENT, DRIVER, "Upsell", "upgrade"),
                code("cross_sell", ACCOUNT_MANAGEMENT, DRIVER, "Cross-sell"),
                code("price_increase", FINANCE, DRIVER, "Price increase"),
                code("win_back", CUSTOMER_SUCCESS, DRIVER, "Win-back")));
    }

    private static ReasonCode code(String code, BusinessFunction f, ReasonCode.Polarity p, String label,
                                   String... aliases) {
        return new ReasonCode(code, f, p, label, List.of(aliases));
    }
}
