package dev.nrrbot.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.metrics.BusinessFunction;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules a CFO signs, one by one, as plain functions. */
class PolicyTest {

    final Policy policy = new Policy(5);
    final Viewer admin = new Viewer("UA", Role.ADMIN, Set.of(), false);
    final Viewer lead = new Viewer("UL", Role.CS_LEADER, Set.of(), false);
    final Viewer productOwner = new Viewer("UP", Role.VIEWER, Set.of(BusinessFunction.PRODUCT), false);
    final Viewer csm = new Viewer("UC", Role.VIEWER, Set.of(), false);
    final Viewer escalation = new Viewer("UE", Role.VIEWER, Set.of(), true);
    final Viewer anyone = new Viewer("UX", Role.VIEWER, Set.of(), false);

    @Test
    void accountAmountsAreForLeadersTheCsmAndWhoeverAFlagIsRoutedTo() {
        AccountScope unflagged = new AccountScope("UC", Set.of(), Set.of());
        AccountScope flagged = new AccountScope("UC", Set.of(BusinessFunction.PRODUCT), Set.of("UR"));
        assertThat(policy.seesAccountAmounts(admin, unflagged)).isTrue();
        assertThat(policy.seesAccountAmounts(lead, unflagged)).isTrue();
        assertThat(policy.seesAccountAmounts(csm, unflagged)).isTrue();
        assertThat(policy.seesAccountAmounts(productOwner, unflagged)).isFalse();
        assertThat(policy.seesAccountAmounts(productOwner, flagged)).isTrue();
        assertThat(policy.seesAccountAmounts(new Viewer("UR", Role.VIEWER, Set.of(), false), flagged)).isTrue();
        assertThat(policy.seesAccountAmounts(escalation, unflagged)).isFalse();
        assertThat(policy.seesAccountAmounts(escalation, flagged)).isTrue();
        assertThat(policy.seesAccountAmounts(anyone, flagged)).isFalse();
        assertThat(policy.seesAccountAmounts(Viewer.CHANNEL, new AccountScope(null, Set.of(), Set.of()))).isFalse();
    }

    @Test
    void smallGroupsShowAmountsToLeadersOnly() {
        assertThat(policy.seesGroupAmounts(anyone, 4)).isFalse();
        assertThat(policy.seesGroupAmounts(anyone, 5)).isTrue();
        assertThat(policy.seesGroupAmounts(productOwner, 1)).isFalse();
        assertThat(policy.seesGroupAmounts(lead, 1)).isTrue();
        assertThat(policy.seesGroupAmounts(Viewer.CHANNEL, 4)).isFalse();
        assertThat(new Policy(1).seesGroupAmounts(anyone, 1)).isTrue();
        assertThat(policy.seesAttributeValues(anyone)).isFalse();
        assertThat(policy.seesAttributeValues(admin)).isTrue();
    }

    @Test
    void flagsChangeByTheAssigneeTheEscalationContactAndLeaders() {
        assertThat(policy.changesFlag(productOwner, "UP")).isTrue();
        assertThat(policy.changesFlag(anyone, "UP")).isFalse();
        assertThat(policy.changesFlag(anyone, null)).isFalse();
        assertThat(policy.changesFlag(escalation, "UP")).isTrue();
        assertThat(policy.changesFlag(lead, "UP")).isTrue();
        assertThat(policy.changesFlag(Viewer.CHANNEL, null)).isFalse();
    }

    @Test
    void reasonsAreSetByWhoeverWasAskedOrLeaders() {
        assertThat(policy.setsReason(csm, "UC")).isTrue();
        assertThat(policy.setsReason(anyone, "UC")).isFalse();
        assertThat(policy.setsReason(anyone, null)).isFalse();
        assertThat(policy.setsReason(lead, null)).isTrue();
        assertThat(policy.runsReadoutsAndOwners(productOwner)).isFalse();
        assertThat(policy.runsReadoutsAndOwners(lead)).isTrue();
        assertThat(policy.changesRolesAndPay(lead)).isFalse();
        assertThat(policy.changesRolesAndPay(admin)).isTrue();
        // moving a code moves revenue between functions: admins only, not even CS leaders or owners
        assertThat(policy.changesTaxonomy(admin)).isTrue();
        assertThat(policy.changesTaxonomy(lead)).isFalse();
        assertThat(policy.changesTaxonomy(productOwner)).isFalse();
    }
}
