package dev.nrrbot.ingest;

import java.util.Locale;
import java.util.Optional;

/** What a file holds: revenue data, or one of the early-warning signals. */
public enum ImportKind {
    ACCOUNTS, MRR, SUBSCRIPTIONS, REASONS, TICKETS, USAGE, SURVEYS, INVOICES, EVENTS;

    /** Every KIND an import accepts, for help and for the sentence refusing an unknown one. */
    public static final String NAMES = "accounts, mrr, subscriptions, reasons, tickets, usage, surveys, invoices or events";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the kind is a signal (read by the health score), not revenue data. */
    public boolean isSignal() {
        return ordinal() >= TICKETS.ordinal();
    }

    public static Optional<ImportKind> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (t) {
            case "accounts", "account", "customers" -> Optional.of(ACCOUNTS);
            case "mrr", "ledger" -> Optional.of(MRR);
            case "subscriptions", "subscription", "subs" -> Optional.of(SUBSCRIPTIONS);
            case "reasons", "reason", "churn", "drivers" -> Optional.of(REASONS);
            case "tickets", "ticket", "support_tickets" -> Optional.of(TICKETS);
            case "usage", "feature_usage", "product_usage" -> Optional.of(USAGE);
            case "surveys", "survey", "nps", "csat" -> Optional.of(SURVEYS);
            case "invoices", "invoice", "payments", "billing" -> Optional.of(INVOICES);
            case "events", "event", "milestones", "account_events" -> Optional.of(EVENTS);
            default -> Optional.empty();
        };
    }
}
