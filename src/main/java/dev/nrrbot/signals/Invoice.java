package dev.nrrbot.signals;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * An invoice as billing exported it.
 *
 * @param paid   the day it was paid, or null
 * @param status what the export said when it was taken
 */
public record Invoice(String invoiceId, String accountId, LocalDate due, LocalDate paid, long amountCents, Status status) {

    public enum Status {
        PAID, OPEN, OVERDUE, FAILED;

        public static Optional<Status> parse(String text) {
            return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
                case "paid", "succeeded", "success", "settled", "collected" -> Optional.of(PAID);
                case "open", "pending", "draft", "sent", "unpaid", "issued" -> Optional.of(OPEN);
                case "overdue", "past_due", "past due", "late", "uncollectible" -> Optional.of(OVERDUE);
                case "failed", "declined", "payment_failed", "failure", "refused" -> Optional.of(FAILED);
                default -> Optional.empty();
            };
        }
    }

    /**
     * What was known at the end of {@code day}: unpaid and past due then, whatever happened later
     * (a failed invoice counts from its due date).
     */
    public boolean unpaidPastDueOn(LocalDate day) {
        boolean paidBy = paid != null && !paid.isAfter(day);
        return !paidBy && due.isBefore(day);
    }

    /** A payment that failed, as known at the end of {@code day}. */
    public boolean failedBy(LocalDate day) {
        return status == Status.FAILED && !due.isAfter(day);
    }
}
