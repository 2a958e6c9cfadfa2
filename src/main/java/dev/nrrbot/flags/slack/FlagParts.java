package dev.nrrbot.flags.slack;

import dev.nrrbot.flags.Accounts;
import dev.nrrbot.flags.FlagStore;
import dev.nrrbot.flags.SlackDirectory;

/** The flag capability as serve wires it: its store, the accounts it names, the workflow and the bot's two jobs. */
public record FlagParts(FlagStore store, Accounts accounts, FlagWorkflow workflow, SlackDirectory directory,
                        FollowUpRound followUps,
                        ReasonCapture reasons) {
}
