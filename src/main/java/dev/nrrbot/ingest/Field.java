package dev.nrrbot.ingest;

import java.util.List;
import java.util.Locale;

/** A column an import understands, and the other names exports give it. */
public record Field(String name, boolean required, List<String> aliases) {

    public static Field required(String name, String... aliases) {
        return new Field(name, true, List.of(aliases));
    }

    public static Field optional(String name, String... aliases) {
        return new Field(name, false, List.of(aliases));
    }

    /** The name's (cached by String): a row looks its fields up by Field millions of times. */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Field f && required == f.required && name.equals(f.name) && aliases.equals(f.aliases));
    }

    public boolean matches(String header) {
        String h = normalize(header);
        return h.equals(name) || aliases.contains(h);
    }

    /** "Customer ID", "customer-id" and "CUSTOMER_ID" are the same header. */
    public static String normalize(String header) {
        return header.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    public String describe() {
        return aliases.isEmpty() ? "'" + name + "'" : "'" + name + "' (also accepted: " + String.join(", ", aliases) + ")";
    }
}
