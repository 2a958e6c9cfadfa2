package dev.nrrbot.metrics;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What we know about an account besides its revenue. Attribute names are lower case. */
public record Account(String id, String name, String csmEmail, LocalDate renewalDate, Map<String, String> attributes) {

    public Account {
        TreeMap<String, String> norm = new TreeMap<>();
        attributes.forEach((k, v) -> norm.put(k.toLowerCase(Locale.ROOT), v));
        attributes = java.util.Collections.unmodifiableMap(norm);
        if (name == null || name.isBlank()) {
            name = id;
        }
    }

    public static Account bare(String id) {
        return new Account(id, id, null, null, Map.of());
    }

    public String attribute(String key) {
        return attributes.get(key.toLowerCase(Locale.ROOT));
    }
}
