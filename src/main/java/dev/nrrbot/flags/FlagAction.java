package dev.nrrbot.flags;

/**
 * What happens to a flag, by a person (the DM's buttons and forms) or by the bot (follow-ups). Each
 * carries the past-tense word that the history and the notices use.
 */
public enum FlagAction {
    FLAG("flagged"),
    ACKNOWLEDGE("acknowledged"),
    SNOOZE("snoozed"),
    RESOLVE("resolved"),
    REASSIGN("reassigned"),
    NUDGE("nudged"),
    ESCALATE("escalated"),
    SNOOZE_END("snooze ended");

    private final String pastTense;

    FlagAction(String pastTense) {
        this.pastTense = pastTense;
    }

    /** "acknowledged", "snooze ended"...: the word kept in the flag's history and used in the notices. */
    public String pastTense() {
        return pastTense;
    }
}
