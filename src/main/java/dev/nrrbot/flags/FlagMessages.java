package dev.nrrbot.flags;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.platform.format.Money;
import dev.nrrbot.platform.format.Mrkdwn;
import java.time.YearMonth;

/**
 * What the flag DMs say, in one place: for each, the notification text (what Slack shows in the
 * notification and the sidebar) and the headline above the flag. Pure; the blocks around them are
 * {@code render/FlagBlocks}'. Both are mrkdwn: account names and details (a resolve note) are escaped,
 * people are mentioned by id.
 */
public final class FlagMessages {

    /** One DM's notification text and the headline it opens with. */
    public record Dm(String text, String headline) {
    }

    public static final String DIGEST = "Your open flags this week";
    public static final String REASON_CONTEXT = "The reason shows up in /nrr and in the churn Pareto as soon as you set it.";

    private FlagMessages() {
    }

    /** To the function's owner, about a flag just raised. */
    public static Dm newFlag(String by, BusinessFunction function, String account) {
        if (Flag.AUTOMATIC.equals(by)) {
            return new Dm("At-risk account for " + function.label() + " (automatic): " + Mrkdwn.escape(account),
                    ":rotating_light: The health score flagged an account at risk for *" + function.label() + "*, which you own:"
                            + " signals your function owns fell. It works like any flag: acknowledge, snooze, resolve or reassign.");
        }
        return new Dm("At-risk account for " + function.label() + ": " + Mrkdwn.escape(account),
                ":rotating_light: " + Mrkdwn.user(by) + " flagged an account at risk for *" + function.label() + "*, which you own.");
    }

    /** To the owner of an automatic flag whose signals have been back above their thresholds for {@code days} days. */
    public static Dm recovered(BusinessFunction function, String account, int days) {
        return new Dm("Signals recovered: " + Mrkdwn.escape(account),
                ":white_check_mark: The signals behind this automatic flag for *" + function.label() + "* have been back above their"
                        + " thresholds for " + days + " days. Resolve it as saved in one click, or keep it open.");
    }

    /** To the escalation contact, when the flag's function has no owner. */
    public static Dm noOwner(BusinessFunction function, String account) {
        return new Dm("Nobody owns " + function.label() + ": " + Mrkdwn.escape(account),
                ":warning: An account was flagged for *" + function.label() + "*, which has no owner yet. Set one with `/nrr owner "
                        + function.code() + " @someone`.");
    }

    /** "<@U1> snoozed (until 2026-11-30) the flag on *Acme*.": the line every notice of a change opens with. */
    public static String changeLine(String actor, FlagAction action, String detail, String account) {
        return Mrkdwn.user(actor) + " " + action.pastTense() + (detail == null ? "" : " (" + Mrkdwn.escape(detail) + ")") + " the flag on *"
                + Mrkdwn.escape(account) + "*.";
    }

    /** To whoever raised the flag, when someone else changed it. */
    public static Dm flaggerNotice(String actor, FlagAction action, String detail, String account) {
        return new Dm("Your flag on " + Mrkdwn.escape(account) + " was " + action.pastTense(), changeLine(actor, action, detail, account));
    }

    /** The DM whose button was pressed, redrawn after the change. */
    public static Dm changed(long flagId, String actor, FlagAction action, String detail, String account) {
        return new Dm("Flag #" + flagId + ": " + action.pastTense(), changeLine(actor, action, detail, account));
    }

    /** To the new assignee of a reassigned flag. */
    public static Dm reassigned(String actor, String account) {
        return new Dm("At-risk account for you: " + Mrkdwn.escape(account), ":rotating_light: " + Mrkdwn.user(actor)
                + " handed you this at-risk account.");
    }

    /** Reminder {@code nudge} to the assignee of a flag nobody acknowledged. */
    public static Dm nudge(int nudge, String account) {
        return new Dm("Reminder: " + Mrkdwn.escape(account) + " is at risk",
                ":bell: Reminder " + nudge + ": nobody has acknowledged this at-risk account yet.");
    }

    /** To the escalation contact, after {@code nudges} reminders to {@code assignee}. */
    public static Dm escalation(String assignee, int nudges, String account) {
        return new Dm("Escalation: " + Mrkdwn.escape(account) + " is at risk", ":rotating_light: Escalated to you: "
                + Mrkdwn.user(assignee) + " has not acknowledged this at-risk account after " + nudges + " nudges.");
    }

    /** To the assignee, when a snooze is over. */
    public static Dm snoozeOver(String account) {
        return new Dm("Back from snooze: " + Mrkdwn.escape(account), ":alarm_clock: The snooze is over: this account is still flagged at risk.");
    }

    /** Each owner's weekly list of their open flags. */
    public static Dm digest() {
        return new Dm(DIGEST, DIGEST);
    }

    /**
     * To a CSM, about a churn or contraction without a reason. The headline follows the account's
     * name and id, which the renderer sets in bold and code.
     */
    public static Dm reasonRequest(String accountName, String kindCode, long cents, YearMonth month) {
        return new Dm("Why did " + Mrkdwn.escape(accountName) + " " + (kindCode.equals("churn") ? "churn" : "contract") + "?",
                "had a " + kindCode + " of " + Money.whole(cents) + " MRR in " + month + ", and no reason is recorded. What happened?");
    }

    /** The day's digest of reason questions to one person. */
    public static Dm reasonDigest(int shown, int waiting) {
        String what = shown + (shown == 1 ? " churn or contraction needs" : " churns and contractions need") + " a reason";
        return new Dm(what + ": what happened?", "*" + what + "*, largest first. Press Set reason on each."
                + (waiting > 0 ? " " + waiting + " more will come in tomorrow's list." : ""));
    }
}
