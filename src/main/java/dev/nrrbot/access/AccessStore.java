package dev.nrrbot.access;

import dev.nrrbot.metrics.BusinessFunction;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stored roles and function owners. */
public interface AccessStore {

    Optional<Role> storedRole(String userId);

    void setRole(String userId, Role role, String grantedBy);

    /** Users with a stored admin role. */
    Set<String> storedAdmins();

    Map<BusinessFunction, String> functionOwners();

    /** The person flags go to when nobody acts on them, or nobody owns the function. */
    Optional<String> escalationContact();

    /** The function this person said they belong to, if any. */
    Optional<BusinessFunction> memberOf(String userId);

    /** Records that this person belongs to {@code function} (one function a person). */
    void setMember(String userId, BusinessFunction function);
}
