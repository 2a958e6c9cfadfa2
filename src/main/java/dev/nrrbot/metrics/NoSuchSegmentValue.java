package dev.nrrbot.metrics;

import java.util.List;

/**
 * A segment whose value no account has. The message lists some values the attribute does have; the
 * values can be people's e-mails or deal names, so {@link #withoutValues()} is the sentence for
 * whoever may not see them.
 */
public final class NoSuchSegmentValue extends ReportUnavailable {

    private final String key;
    private final String value;

    public NoSuchSegmentValue(String key, String value, List<String> some, boolean more) {
        super("No account has " + key + "=" + value + ". Values of " + key + ": " + String.join(", ", some)
                + (more ? ", ..." : "") + ".");
        this.key = key;
        this.value = value;
    }

    /** The same news without the attribute's values. */
    public String withoutValues() {
        return "No account has " + key + "=" + value + ". Check the spelling, or ask an admin or a CS leader which values "
                + key + " has.";
    }
}
