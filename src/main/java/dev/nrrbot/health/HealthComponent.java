package dev.nrrbot.health;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.signals.SignalBook;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of an account's health, each read from signals one function owns and can act on. The
 * defaults add up to 100 points; admins change weights, owners and thresholds ({@link HealthModel}).
 */
public enum HealthComponent {
    USAGE_TREND("usage_trend", "usage trend", BusinessFunction.PRODUCT, 20, SignalBook.Kind.USAGE),
    USAGE_BREADTH("usage_breadth", "usage breadth", BusinessFunction.PRODUCT, 10, SignalBook.Kind.USAGE),
    ERRORS("errors", "errors per use", BusinessFunction.ENGINEERING, 10, SignalBook.Kind.USAGE),
    TICKET_LOAD("ticket_load", "ticket load", BusinessFunction.SUPPORT, 8, SignalBook.Kind.TICKETS),
    OPEN_HIGH_PRIORITY("open_high_priority", "open high-priority tickets", BusinessFunction.SUPPORT, 7, SignalBook.Kind.TICKETS),
    ESCALATIONS("escalations", "escalations", BusinessFunction.SUPPORT, 5, SignalBook.Kind.TICKETS),
    CSAT("csat", "ticket satisfaction", BusinessFunction.SUPPORT, 5, SignalBook.Kind.TICKETS),
    PAYMENTS("payments", "payments", BusinessFunction.FINANCE, 10, SignalBook.Kind.INVOICES),
    SURVEYS("surveys", "survey score", BusinessFunction.CUSTOMER_SUCCESS, 8, SignalBook.Kind.SURVEYS),
    CHAMPION("champion", "champion changes", BusinessFunction.CUSTOMER_SUCCESS, 7, SignalBook.Kind.EVENTS),
    RENEWAL("renewal", "renewal proximity", BusinessFunction.ACCOUNT_MANAGEMENT, 5, null),
    CONTRACTION("contraction", "recent contraction", BusinessFunction.ACCOUNT_MANAGEMENT, 5, null);

    private final String code;
    private final String label;
    private final BusinessFunction defaultOwner;
    private final int defaultWeight;
    private final SignalBook.Kind input;

    HealthComponent(String code, String label, BusinessFunction defaultOwner, int defaultWeight, SignalBook.Kind input) {
        this.code = code;
        this.label = label;
        this.defaultOwner = defaultOwner;
        this.defaultWeight = defaultWeight;
        this.input = input;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public BusinessFunction defaultOwner() {
        return defaultOwner;
    }

    public int defaultWeight() {
        return defaultWeight;
    }

    /** The import that feeds it, or null for what the revenue and accounts data give (renewal, contraction). */
    public SignalBook.Kind input() {
        return input;
    }

    public static Optional<HealthComponent> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (HealthComponent c : values()) {
            if (c.code.equals(t) || c.label.replace(' ', '_').replace('-', '_').equals(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
