package dev.nrrbot.flags;

import java.time.LocalDate;

/** What the data says of an account: its name, ARR now and renewal date. */
public record AccountFacts(String id, String name, long arrCents, LocalDate renewal) {
}
