package dev.nrrbot.access;

import java.util.Locale;
import java.util.Optional;

/** What a person may see and change. Everyone without a stored role is a viewer. */
public enum Role {
    ADMIN("admin"), CS_LEADER("cs_leader"), VIEWER("viewer");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Role> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Role r : values()) {
            if (r.code.equals(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
