package dev.nrrbot.platform.slack;

/**
 * What a person typed cannot be read: {@code problem} says why in a sentence, {@code example} (may be
 * null) is a command that would work. The command table answers it as "did you mean", never as an error.
 */
public final class BadInput extends RuntimeException {

    private final String example;

    public BadInput(String problem, String example) {
        super(problem, null, false, false);
        this.example = example;
    }

    public String problem() {
        return getMessage();
    }

    public String example() {
        return example;
    }
}
