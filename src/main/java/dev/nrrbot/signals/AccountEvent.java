package dev.nrrbot.signals;

import java.time.LocalDate;

/**
 * A milestone in an account's life: a champion or an executive leaving, a reorganisation, a
 * go-live. {@code type} is normalised (lower case, words joined by _).
 */
public record AccountEvent(String accountId, LocalDate date, String type, String note) {

    /** A change of the people who bought or champion the product: the kind that precedes churn. */
    public boolean isPeopleChange() {
        return type.contains("champion") || type.contains("executive") || type.contains("sponsor")
                || type.contains("exec") || type.contains("buyer") || type.contains("admin_left")
                || type.contains("contact_left");
    }
}
