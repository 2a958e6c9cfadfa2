package dev.nrrbot.access;

import java.util.Collections;

/**
 * Who may see and do what: the rules a CFO signs, as pure functions of the viewer and the thing
 * asked. Every Slack path asks {@link Access}, which asks this, so no path keeps a rule of its own.
 *
 * <ul>
 *   <li>Account-level amounts (ARR, MRR, ARR at risk, renewal date): admins, CS leaders, the
 *       account's CSM, the owner of a function an active flag on the account is routed to, whoever
 *       holds such a flag, and the escalation contact, who is sent any of them.</li>
 *   <li>Any answer about fewer than {@code minGroupSize} accounts (a segment, a reason line, a
 *       readout line) shows amounts only to admins and CS leaders: a small group is an account.</li>
 *   <li>A flag changes only by its assignee, the escalation contact, a CS leader or an admin.</li>
 *   <li>A churn reason is set only by the person asked for it, a CS leader or an admin.</li>
 *   <li>Owners, schedules and quarterly readouts: CS leaders and admins. Roles and pay: admins.</li>
 *   <li>The taxonomy (codes, aliases, which function a code counts for): admins, since it moves
 *       revenue between functions, and so their scorecards.</li>
 * </ul>
 *
 * @param minGroupSize the fewest accounts a group may have for its amounts to be shown to everyone
 */
public record Policy(int minGroupSize) {

    public static final int DEFAULT_MIN_GROUP_SIZE = 5;

    public Policy {
        if (minGroupSize < 1) {
            throw new IllegalArgumentException("the smallest group shown must be 1 account or more");
        }
    }

    /** Admins and CS leaders: every account, every group, every attribute value. */
    public boolean seesEveryAccount(Viewer v) {
        return v.role() == Role.ADMIN || v.role() == Role.CS_LEADER;
    }

    public boolean seesAccountAmounts(Viewer v, AccountScope account) {
        boolean flagged = !account.flaggedFor().isEmpty();
        return seesEveryAccount(v)
                || (v.userId() != null && (v.userId().equals(account.csmUserId()) || account.assignees().contains(v.userId())))
                || !Collections.disjoint(v.owns(), account.flaggedFor())
                || (v.escalationContact() && flagged);
    }

    /** Whether amounts about a group of {@code accounts} accounts may be shown to this viewer. */
    public boolean seesGroupAmounts(Viewer v, int accounts) {
        return seesEveryAccount(v) || accounts == 0 || accounts >= minGroupSize;
    }

    /** Listing an attribute's values (every CSM's e-mail, every plan) names accounts' people and deals. */
    public boolean seesAttributeValues(Viewer v) {
        return seesEveryAccount(v);
    }

    /** Searching accounts by id and seeing their ids in the flag form; others find them by name. */
    public boolean searchesAccountIds(Viewer v) {
        return seesEveryAccount(v) || !v.owns().isEmpty();
    }

    /** Acknowledge, snooze, reassign or resolve a flag held by {@code assignee} (null: nobody). */
    public boolean changesFlag(Viewer v, String assignee) {
        return seesEveryAccount(v) || v.escalationContact() || (v.userId() != null && v.userId().equals(assignee));
    }

    /** Set the reason of a churn or contraction that {@code askedUser} was asked about (null: nobody). */
    public boolean setsReason(Viewer v, String askedUser) {
        return seesEveryAccount(v) || (v.userId() != null && v.userId().equals(askedUser));
    }

    /** Function owners, readout schedules and quarterly readouts under one's own name. */
    public boolean runsReadoutsAndOwners(Viewer v) {
        return seesEveryAccount(v);
    }

    /** Roles, pay targets, weights and the payout curve. */
    public boolean changesRolesAndPay(Viewer v) {
        return v.role() == Role.ADMIN;
    }

    /** What is loaded, who imported it, and the warnings about it (the status). */
    public boolean seesDataStatus(Viewer v) {
        return v.role() == Role.ADMIN;
    }

    /** Add reason codes and aliases, and move a code to another function. */
    public boolean changesTaxonomy(Viewer v) {
        return v.role() == Role.ADMIN;
    }
}
