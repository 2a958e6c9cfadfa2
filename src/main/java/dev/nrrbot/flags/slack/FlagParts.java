package dev.nrrbot.flags.slack;

import dev.nrrbot.flags.Accounts;
import dev.nrrbot.flags.FlagStore;

/** The flag capability as serve wires it: its store, the accounts it names, the workflow and the bot's two jobs. */
public record FlagParts(FlagStore store, Accounts accounts, FlagWorkflow workflow, FollowUpRound followUps,
                        ReasonCapture reasons) {
}
