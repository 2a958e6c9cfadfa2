package dev.nrrbot.ingest;

import java.util.Locale;
import java.util.Optional;

/** What a file holds. */
public enum ImportKind {
    ACCOUNTS, MRR, SUBSCRIPTIONS, REASONS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportKind> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "accounts", "account", "customers" -> Optional.of(ACCOUNTS);
            case "mrr", "ledger" -> Optional.of(MRR);
            case "subscriptions", "subscription", "subs" -> Optional.of(SUBSCRIPTIONS);
            case "reasons", "reason", "churn", "drivers" -> Optional.of(REASONS);
            default -> Optional.empty();
        };
    }
}
