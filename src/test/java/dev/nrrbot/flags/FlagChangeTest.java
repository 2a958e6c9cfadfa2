package dev.nrrbot.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a button or form asks for: the change, what the history says of it, and the token it carries. */
class FlagChangeTest {

    static final Instant NOW = Instant.parse("2026-11-23T22:30:00Z");

    @Test
    void eachChangeSaysWhatItDid() {
        assertThat(FlagChange.acknowledge().detail(Cadence.DEFAULTS, NOW)).isNull();
        assertThat(FlagChange.snooze().detail(Cadence.DEFAULTS, NOW)).isEqualTo("until 2026-11-30");
        assertThat(FlagChange.resolve(Flag.Outcome.SAVED, "Shipped SSO").detail(Cadence.DEFAULTS, NOW)).isEqualTo("saved: Shipped SSO");
        assertThat(FlagChange.resolve(Flag.Outcome.LOST, null).detail(Cadence.DEFAULTS, NOW)).isEqualTo("lost");
        assertThat(FlagChange.reassign("U0DANA").detail(Cadence.DEFAULTS, NOW)).isEqualTo("to U0DANA");
    }

    @Test
    void aBlankNoteIsNoNote() {
        FlagChange c = FlagChange.resolve(Flag.Outcome.OTHER, "   ");
        assertThat(c.note()).isNull();
        assertThat(c.detail(Cadence.DEFAULTS, NOW)).isEqualTo("other");
        Flag resolved = c.applyTo(FlagRulesTest.in(Flag.State.OPEN), Cadence.DEFAULTS, NOW).orElseThrow();
        assertThat(resolved.outcomeNote()).isNull();
    }

    @Test
    void aChangeAppliesItsRule() {
        Flag open = FlagRulesTest.in(Flag.State.OPEN);
        assertThat(FlagChange.acknowledge().applyTo(open, Cadence.DEFAULTS, NOW).orElseThrow().state())
                .isEqualTo(Flag.State.ACKNOWLEDGED);
        assertThat(FlagChange.snooze().applyTo(open, Cadence.DEFAULTS, NOW).orElseThrow().state()).isEqualTo(Flag.State.SNOOZED);
        assertThat(FlagChange.reassign("U0DANA").applyTo(open, Cadence.DEFAULTS, NOW).orElseThrow().assignee()).isEqualTo("U0DANA");
        assertThat(FlagChange.resolve(Flag.Outcome.SAVED, "ok").applyTo(FlagRulesTest.in(Flag.State.RESOLVED), Cadence.DEFAULTS, NOW))
                .isEmpty();
    }

    @Test
    void theBotsActionsAreNotChangesToAskFor() {
        for (FlagAction a : new FlagAction[] {FlagAction.FLAG, FlagAction.NUDGE, FlagAction.ESCALATE, FlagAction.SNOOZE_END}) {
            assertThatThrownBy(() -> new FlagChange(a, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theHistoryWords() {
        assertThat(FlagAction.FLAG.pastTense()).isEqualTo("flagged");
        assertThat(FlagAction.ACKNOWLEDGE.pastTense()).isEqualTo("acknowledged");
        assertThat(FlagAction.SNOOZE.pastTense()).isEqualTo("snoozed");
        assertThat(FlagAction.RESOLVE.pastTense()).isEqualTo("resolved");
        assertThat(FlagAction.REASSIGN.pastTense()).isEqualTo("reassigned");
        assertThat(FlagAction.NUDGE.pastTense()).isEqualTo("nudged");
        assertThat(FlagAction.ESCALATE.pastTense()).isEqualTo("escalated");
        assertThat(FlagAction.SNOOZE_END.pastTense()).isEqualTo("snooze ended");
    }

    @Test
    void aTokenIsTheFlagAndItsVersion() {
        assertThat(FlagToken.parse("12:3")).contains(new FlagToken(12, 3));
        assertThat(new FlagToken(12, 3)).hasToString("12:3");
        assertThat(FlagToken.parse(FlagRulesTest.in(Flag.State.OPEN).token())).contains(new FlagToken(7, 4));
        assertThat(FlagToken.parse(null)).isEmpty();
        assertThat(FlagToken.parse("")).isEmpty();
        assertThat(FlagToken.parse("12")).isEmpty();
        assertThat(FlagToken.parse("12:x")).isEmpty();
        assertThat(FlagToken.parse("flag:12:3")).isEmpty();
    }
}
