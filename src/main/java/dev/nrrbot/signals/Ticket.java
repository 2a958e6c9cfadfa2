package dev.nrrbot.signals;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A support ticket as the helpdesk exported it.
 *
 * @param closed               the day it was closed, or null while open
 * @param firstResponseMinutes minutes to the first answer, or null when the export has none
 * @param satisfaction         the customer's rating as a share of the best (0 worst, 1 best), or null unrated
 */
public record Ticket(String ticketId, String accountId, LocalDate opened, LocalDate closed, Priority priority,
                     Integer firstResponseMinutes, Double satisfaction, boolean escalated) {

    /** Helpdesks name four levels; "medium" and "normal" are the same one. */
    public enum Priority {
        LOW, NORMAL, HIGH, URGENT;

        public boolean isHigh() {
            return this == HIGH || this == URGENT;
        }

        public static Optional<Priority> parse(String text) {
            return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
                case "low", "p4", "4", "minor" -> Optional.of(LOW);
                case "normal", "medium", "med", "p3", "3", "", "moderate" -> Optional.of(NORMAL);
                case "high", "p2", "2", "major" -> Optional.of(HIGH);
                case "urgent", "critical", "p1", "1", "blocker", "highest", "emergency" -> Optional.of(URGENT);
                default -> Optional.empty();
            };
        }
    }

    /** Whether it was still open at the end of {@code day}. */
    public boolean openOn(LocalDate day) {
        return !opened.isAfter(day) && (closed == null || closed.isAfter(day));
    }
}
