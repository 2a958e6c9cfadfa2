package dev.nrrbot.access;

import dev.nrrbot.metrics.BusinessFunction;
import java.util.Set;

/**
 * Whoever an answer or a change is for, as the {@link Policy} needs to know them.
 *
 * @param userId             the Slack user, from the request's signed body (never from text); null for a channel
 * @param role               their stored role (viewer when none)
 * @param owns               the functions whose owner they are
 * @param escalationContact  whether they are the escalation contact
 */
public record Viewer(String userId, Role role, Set<BusinessFunction> owns, boolean escalationContact) {

    public Viewer {
        owns = Set.copyOf(owns);
    }

    /** Everyone in a channel: what a channel may see is what any viewer may see. */
    public static final Viewer CHANNEL = new Viewer(null, Role.VIEWER, Set.of(), false);
}
