package dev.nrrbot.platform.format;

/** The short forms of the definitions shown next to the numbers. */
public final class Definitions {

    /** Where Slack users read the definitions in full: the {@code /nrr definitions} command. */
    public static final String POINTER = "All definitions: `/nrr definitions`";

    /** The formula alone, without saying where the definitions are. */
    public static final String NRR_FORMULA = "NRR = End MRR / Start MRR of the accounts paying at the start"
            + " (expansion and reactivation in, contraction and churn out, new customers excluded);"
            + " GRR caps each account at its start MRR.";

    /** Under every NRR answer in Slack. */
    public static final String NRR_FOOTNOTE = NRR_FORMULA + " " + POINTER;

    /** Under the command line's text report, read where the repository's docs are at hand. */
    public static final String TEXT_FOOTNOTE = NRR_FORMULA + " Definitions: docs/definitions.md (in Slack: /nrr definitions)";

    public static final String PARETO_FOOTNOTE = "Churn and contraction of all accounts in the window, new customers"
            + " included; the vital few are the fewest reasons that explain 80% of the revenue lost.";

    /** Under the Pareto in Slack. */
    public static final String PARETO_SLACK_FOOTNOTE = PARETO_FOOTNOTE + " " + POINTER;

    private Definitions() {
    }
}
