package dev.nrrbot.revenue;

/** An import that cannot be taken back; the message says why and what to do instead. */
public final class UndoRefused extends RuntimeException {
    public UndoRefused(String message) {
        super(message);
    }
}
