package dev.nrrbot.metrics;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The functions a reason or driver can belong to. A movement whose code has no function (or that
 * has no code) is "unattributed", which is modelled as the absence of a function, not a constant.
 */
public enum BusinessFunction {
    PRODUCT("product", "Product", Set.of("prod", "pm")),
    ENGINEERING("engineering", "Engineering", Set.of("eng", "dev", "rd")),
    SUPPORT("support", "Support", Set.of("sup", "cx")),
    CUSTOMER_SUCCESS("customer_success", "Customer Success", Set.of("cs", "csm", "success")),
    ACCOUNT_MANAGEMENT("account_management", "Account Management", Set.of("am", "accounts")),
    SALES("sales", "Sales", Set.of("new_business", "nb")),
    MARKETING("marketing", "Marketing", Set.of("mkt", "pmm")),
    FINANCE("finance", "Finance", Set.of("fin", "billing")),
    HR("hr", "HR", Set.of("people")),
    EXTERNAL("external", "External", Set.of("ext"));

    /** How an absent function is written in reports and JSON. */
    public static final String UNATTRIBUTED = "unattributed";

    private final String code;
    private final String label;
    private final Set<String> aliases;

    BusinessFunction(String code, String label, Set<String> aliases) {
        this.code = code;
        this.label = label;
        this.aliases = aliases;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Accepts the code, the label, or a short alias, in any case, with spaces or hyphens. */
    public static Optional<BusinessFunction> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (BusinessFunction f : values()) {
            if (f.code.equals(key) || f.aliases.contains(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static String codeOf(BusinessFunction f) {
        return f == null ? UNATTRIBUTED : f.code;
    }

    public static String labelOf(BusinessFunction f) {
        return f == null ? "Unattributed" : f.label;
    }
}
