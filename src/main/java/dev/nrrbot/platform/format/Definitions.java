package dev.nrrbot.platform.format;

/** The short forms of the definitions shown next to the numbers. */
public final class Definitions {

    public static final String NRR_FOOTNOTE = "NRR = End MRR / Start MRR of the accounts paying at the start"
            + " (expansion and reactivation in, contraction and churn out, new customers excluded);"
            + " GRR caps each account at its start MRR. Definitions: docs/definitions.md";

    public static final String PARETO_FOOTNOTE = "Churn and contraction of all accounts in the window, new customers"
            + " included; the vital few are the fewest reasons that explain 80% of the revenue lost.";

    private Definitions() {
    }
}
