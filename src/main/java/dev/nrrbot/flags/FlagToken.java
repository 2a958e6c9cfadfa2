package dev.nrrbot.flags;

import java.util.Optional;

/** What a button carries: which flag, at which version ("12:3"). */
public record FlagToken(long id, int version) {

    public static FlagToken of(Flag f) {
        return new FlagToken(f.id(), f.version());
    }

    /** The token in a button's value; empty when it is not one. */
    public static Optional<FlagToken> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FlagToken(Long.parseLong(parts[0]), Integer.parseInt(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return id + ":" + version;
    }
}
