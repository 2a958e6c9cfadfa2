package dev.nrrbot.revenue;

import java.time.Instant;

/** One logged change to the taxonomy: who changed which code, how, and when. */
public record TaxonomyChange(Kind kind, String code, String detail, String changedBy, Instant changedAt) {

    public enum Kind { ADD, ALIAS, MOVE }
}
