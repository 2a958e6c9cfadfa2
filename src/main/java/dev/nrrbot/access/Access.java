package dev.nrrbot.access;

import dev.nrrbot.metrics.BusinessFunction;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules of who sees what. Admins come from NRR_ADMINS (so a new install has one) and from
 * stored roles. Account-level revenue is for admins, CS leaders and function owners.
 */
public final class Access {

    private final AccessStore store;
    private final Set<String> bootstrapAdmins;

    public Access(AccessStore store, Set<String> bootstrapAdmins) {
        this.store = store;
        this.bootstrapAdmins = Set.copyOf(bootstrapAdmins);
    }

    public Role role(String userId) {
        if (bootstrapAdmins.contains(userId)) {
            return Role.ADMIN;
        }
        return store.storedRole(userId).orElse(Role.VIEWER);
    }

    public boolean isAdmin(String userId) {
        return role(userId) == Role.ADMIN;
    }

    public boolean canSeeAccounts(String userId) {
        Role r = role(userId);
        return r == Role.ADMIN || r == Role.CS_LEADER || store.functionOwners().containsValue(userId);
    }

    /** The functions this person owns, if any. */
    public Set<BusinessFunction> ownedFunctions(String userId) {
        return store.functionOwners().entrySet().stream().filter(e -> e.getValue().equals(userId))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(() -> new TreeSet<>()));
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

    public void setRole(String userId, Role role, String grantedBy) {
        store.setRole(userId, role, grantedBy);
    }

    public boolean firstDelivery(String eventId) {
        return store.firstDelivery(eventId);
    }
}
