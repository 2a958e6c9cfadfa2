package dev.nrrbot.access;

import dev.nrrbot.metrics.BusinessFunction;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one place Slack paths ask who may see and do what: it finds out who the viewer is (roles,
 * function owners, the escalation contact, the account's CSM and flags) and asks the
 * {@link Policy}. Admins come from NRR_ADMINS (so a new install has one) and from stored roles.
 * The refusals name who can help.
 */
public final class Access {

    /** What the policy must know of an account, found by the capabilities that hold it (CSM, flags). */
    public interface AccountScopes {
        AccountScope of(String accountId);
    }

    private final AccessStore store;
    private final Set<String> bootstrapAdmins;
    private final Policy policy;
    private final AccountScopes scopes;

    public Access(AccessStore store, Set<String> bootstrapAdmins, Policy policy, AccountScopes scopes) {
        this.store = store;
        this.bootstrapAdmins = Set.copyOf(bootstrapAdmins);
        this.policy = policy;
        this.scopes = scopes;
    }

    public Policy policy() {
        return policy;
    }

    public Role role(String userId) {
        if (userId != null && bootstrapAdmins.contains(userId)) {
            return Role.ADMIN;
        }
        return userId == null ? Role.VIEWER : store.storedRole(userId).orElse(Role.VIEWER);
    }

    /** Who {@code userId} is to the policy; null is a channel's audience. */
    public Viewer viewer(String userId) {
        if (userId == null) {
            return Viewer.CHANNEL;
        }
        return new Viewer(userId, role(userId), ownedFunctions(userId), userId.equals(store.escalationContact().orElse(null)));
    }

    public boolean isAdmin(String userId) {
        return policy.changesRolesAndPay(viewer(userId));
    }

    /** ARR, MRR, ARR at risk and renewal date of this account, for this person (null: a channel). */
    public boolean seesAccountAmounts(String userId, String accountId) {
        return seesAccountAmounts(viewer(userId), accountId);
    }

    /** As above, for a viewer found once for a whole answer (a list of accounts or flags). */
    public boolean seesAccountAmounts(Viewer v, String accountId) {
        // leaders see every account: no need to look up this one's CSM and flags
        return policy.seesEveryAccount(v) || (v.userId() != null && policy.seesAccountAmounts(v, scopes.of(accountId)));
    }

    /**
     * The amounts of a flag's account, for a message or list about that flag: as for the account,
     * counting the flag itself (it may not be stored yet, or no longer active).
     */
    public boolean seesFlagAmounts(String userId, String accountId, BusinessFunction function, String assignee) {
        return seesFlagAmounts(viewer(userId), accountId, function, assignee);
    }

    /** As above, for a viewer found once for a whole answer. */
    public boolean seesFlagAmounts(Viewer v, String accountId, BusinessFunction function, String assignee) {
        return policy.seesEveryAccount(v)
                || (v.userId() != null && policy.seesAccountAmounts(v, scopes.of(accountId).withFlag(function, assignee)));
    }

    public boolean seesGroupAmounts(String userId, int accounts) {
        return policy.seesGroupAmounts(viewer(userId), accounts);
    }

    public boolean seesAttributeValues(String userId) {
        return policy.seesAttributeValues(viewer(userId));
    }

    public boolean searchesAccountIds(String userId) {
        return policy.searchesAccountIds(viewer(userId));
    }

    public boolean changesFlag(String userId, String assignee) {
        return policy.changesFlag(viewer(userId), assignee);
    }

    public boolean setsReason(String userId, String askedUser) {
        return policy.setsReason(viewer(userId), askedUser);
    }

    public boolean seesDataStatus(String userId) {
        return policy.seesDataStatus(viewer(userId));
    }

    public boolean runsReadoutsAndOwners(String userId) {
        return policy.runsReadoutsAndOwners(viewer(userId));
    }

    public boolean changesTaxonomy(String userId) {
        return policy.changesTaxonomy(viewer(userId));
    }

    /** The sentence for someone who may not change the taxonomy. */
    public String taxonomyRefusal() {
        return "Only admins change the taxonomy: moving a code moves revenue between functions and their scorecards."
                + " Ask " + adminMentions() + ".";
    }

    /** The functions this person owns, if any. */
    public Set<BusinessFunction> ownedFunctions(String userId) {
        return store.functionOwners().entrySet().stream().filter(e -> e.getValue().equals(userId))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(() -> new TreeSet<>()));
    }

    /** The functions App Home shows as this person's: those they own and the one they belong to. */
    public Set<BusinessFunction> ownFunctions(String userId) {
        Set<BusinessFunction> all = new TreeSet<>(ownedFunctions(userId));
        store.memberOf(userId).ifPresent(all::add);
        return all;
    }

    public java.util.Optional<BusinessFunction> memberOf(String userId) {
        return store.memberOf(userId);
    }

    public void setMember(String userId, BusinessFunction function) {
        store.setMember(userId, function);
    }

    public Map<BusinessFunction, String> functionOwners() {
        return store.functionOwners();
    }

    /** Everyone who is an admin, for "ask ... " in refusals. */
    public Set<String> admins() {
        Set<String> all = new TreeSet<>(bootstrapAdmins);
        all.addAll(store.storedAdmins());
        return all;
    }

    /** Up to five admins as Slack mentions, for "ask ..." in refusals. */
    public String adminMentions() {
        Set<String> all = admins();
        return all.isEmpty() ? "whoever runs nrr-bot (set NRR_ADMINS)"
                : all.stream().limit(5).map(u -> "<@" + u + ">").collect(Collectors.joining(", "));
    }

    /** The sentence for someone who may not see an account's amounts. */
    public String accountAmountsRefusal() {
        return "Account-level revenue is for admins, CS leaders, the account's CSM and the owner of a function it is flagged"
                + " for. Ask " + adminMentions() + " for the cs_leader role (`/nrr role @you cs_leader`) if you need it.";
    }

    /** The sentence under an answer whose small groups are shown without amounts. */
    public String smallGroupNote() {
        return "Groups of fewer than " + policy.minGroupSize() + " accounts show no amounts here: they would show single accounts'"
                + " revenue. Admins and CS leaders see them in full.";
    }

    public void setRole(String userId, Role role, String grantedBy) {
        store.setRole(userId, role, grantedBy);
    }
}
