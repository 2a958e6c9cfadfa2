package dev.nrrbot.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nrrbot.flags.Flag.State;
import dev.nrrbot.metrics.BusinessFunction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each action's change to a flag, and the states that accept it. No database: flags are plain values. */
class FlagRulesTest {

    static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-25T15:30:00Z");
    static final Cadence C = Cadence.DEFAULTS;

    /** Flag #7 for U0PAT, at version 4, nudged twice, in {@code state} (snoozed until December when snoozed). */
    static Flag in(State state) {
        return new Flag(7, "ACME-1", BusinessFunction.PRODUCT, "product_gap", "needs SSO", 1_200_000, LocalDate.of(2027, 1, 1),
                state, state == State.SNOOZED ? Instant.parse("2026-12-01T00:00:00Z") : null,
                state == State.RESOLVED ? Flag.Outcome.LOST : null, null, "U0PAT", "U0ALEX", CREATED, CREATED, 2,
                Instant.parse("2026-11-24T10:00:00Z"), null, 4);
    }

    @Test
    void whichStatesAcceptWhichAction() {
        assertAccepted(FlagAction.ACKNOWLEDGE, EnumSet.of(State.OPEN, State.SNOOZED));
        assertAccepted(FlagAction.SNOOZE, EnumSet.of(State.OPEN, State.ACKNOWLEDGED, State.SNOOZED));
        assertAccepted(FlagAction.RESOLVE, EnumSet.of(State.OPEN, State.ACKNOWLEDGED, State.SNOOZED));
        assertAccepted(FlagAction.REASSIGN, EnumSet.of(State.OPEN, State.ACKNOWLEDGED, State.SNOOZED));
        assertAccepted(FlagAction.NUDGE, EnumSet.of(State.OPEN));
        assertAccepted(FlagAction.ESCALATE, EnumSet.of(State.OPEN));
        assertAccepted(FlagAction.SNOOZE_END, EnumSet.of(State.SNOOZED));
        assertAccepted(FlagAction.FLAG, EnumSet.noneOf(State.class));
    }

    static void assertAccepted(FlagAction action, Set<State> accepting) {
        for (State s : State.values()) {
            assertThat(FlagRules.accepts(action, s)).as(action + " on " + s).isEqualTo(accepting.contains(s));
        }
    }

    @Test
    void eachRuleChangesOnlyInTheStatesThatAcceptIt() {
        for (State s : State.values()) {
            Flag f = in(s);
            assertThat(FlagRules.acknowledge(f, NOW).isPresent()).as("acknowledge " + s).isEqualTo(FlagRules.accepts(FlagAction.ACKNOWLEDGE, s));
            assertThat(FlagRules.snooze(f, C, NOW).isPresent()).as("snooze " + s).isEqualTo(FlagRules.accepts(FlagAction.SNOOZE, s));
            assertThat(FlagRules.resolve(f, Flag.Outcome.SAVED, null, NOW).isPresent()).as("resolve " + s)
                    .isEqualTo(FlagRules.accepts(FlagAction.RESOLVE, s));
            assertThat(FlagRules.reassign(f, "U0DANA", NOW).isPresent()).as("reassign " + s)
                    .isEqualTo(FlagRules.accepts(FlagAction.REASSIGN, s));
            assertThat(FlagRules.nudge(f, NOW).isPresent()).as("nudge " + s).isEqualTo(FlagRules.accepts(FlagAction.NUDGE, s));
            assertThat(FlagRules.escalate(f, NOW).isPresent()).as("escalate " + s).isEqualTo(FlagRules.accepts(FlagAction.ESCALATE, s));
            assertThat(FlagRules.endSnooze(f, NOW).isPresent()).as("end snooze " + s)
                    .isEqualTo(FlagRules.accepts(FlagAction.SNOOZE_END, s));
        }
    }

    @Test
    void everyChangeMovesTheVersionOnByOneAndStampsTheTime() {
        Flag open = in(State.OPEN);
        Flag snoozed = in(State.SNOOZED);
        for (Optional<Flag> changed : java.util.List.of(FlagRules.acknowledge(open, NOW), FlagRules.snooze(open, C, NOW),
                FlagRules.resolve(open, Flag.Outcome.OTHER, "n", NOW), FlagRules.reassign(open, "U0DANA", NOW),
                FlagRules.nudge(open, NOW), FlagRules.escalate(open, NOW), FlagRules.endSnooze(snoozed, NOW))) {
            Flag f = changed.orElseThrow();
            assertThat(f.version()).isEqualTo(5);
            assertThat(f.updatedAt()).isEqualTo(NOW);
            // what the flag is about never changes
            assertThat(f.id()).isEqualTo(7);
            assertThat(f.accountId()).isEqualTo("ACME-1");
            assertThat(f.function()).isEqualTo(BusinessFunction.PRODUCT);
            assertThat(f.reasonCode()).isEqualTo("product_gap");
            assertThat(f.note()).isEqualTo("needs SSO");
            assertThat(f.arrCents()).isEqualTo(1_200_000);
            assertThat(f.renewalDate()).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(f.flaggedBy()).isEqualTo("U0ALEX");
            assertThat(f.createdAt()).isEqualTo(CREATED);
        }
    }

    @Test
    void acknowledgingEndsASnooze() {
        Flag acked = FlagRules.acknowledge(in(State.SNOOZED), NOW).orElseThrow();
        assertThat(acked.state()).isEqualTo(State.ACKNOWLEDGED);
        assertThat(acked.snoozedUntil()).isNull();
        assertThat(acked.assignee()).isEqualTo("U0PAT");
        assertThat(acked.nudges()).isEqualTo(2);
    }

    @Test
    void aSnoozeLastsTheCadencesDays() {
        Flag snoozed = FlagRules.snooze(in(State.ACKNOWLEDGED), C, NOW).orElseThrow();
        assertThat(snoozed.state()).isEqualTo(State.SNOOZED);
        assertThat(snoozed.snoozedUntil()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        Cadence fortnight = new Cadence(2, 3, 14, C.digestDay(), C.digestHour(), C.zone());
        assertThat(FlagRules.snooze(in(State.OPEN), fortnight, NOW).orElseThrow().snoozedUntil()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        // snoozing a snoozed flag starts the snooze again
        assertThat(FlagRules.snooze(in(State.SNOOZED), C, NOW).orElseThrow().snoozedUntil()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void resolvingKeepsTheOutcomeAndNote() {
        Flag resolved = FlagRules.resolve(in(State.SNOOZED), Flag.Outcome.SAVED, "Shipped SSO", NOW).orElseThrow();
        assertThat(resolved.state()).isEqualTo(State.RESOLVED);
        assertThat(resolved.outcome()).isEqualTo(Flag.Outcome.SAVED);
        assertThat(resolved.outcomeNote()).isEqualTo("Shipped SSO");
        assertThat(resolved.snoozedUntil()).isNull();
        assertThat(resolved.isActive()).isFalse();
    }

    @Test
    void aReassignedFlagStartsAFreshRoundForItsNewOwner() {
        Flag escalated = FlagRules.escalate(in(State.OPEN), CREATED).orElseThrow();
        Flag toDana = FlagRules.reassign(escalated, "U0DANA", NOW).orElseThrow();
        assertThat(toDana.assignee()).isEqualTo("U0DANA");
        assertThat(toDana.state()).isEqualTo(State.OPEN);
        assertThat(toDana.nudges()).isEqualTo(1);
        assertThat(toDana.lastNudgedAt()).isEqualTo(NOW);
        assertThat(toDana.escalatedAt()).isNull();
        // an acknowledgement was the previous owner's; a snooze stays
        assertThat(FlagRules.reassign(in(State.ACKNOWLEDGED), "U0DANA", NOW).orElseThrow().state()).isEqualTo(State.OPEN);
        Flag snoozed = FlagRules.reassign(in(State.SNOOZED), "U0DANA", NOW).orElseThrow();
        assertThat(snoozed.state()).isEqualTo(State.SNOOZED);
        assertThat(snoozed.snoozedUntil()).isEqualTo(in(State.SNOOZED).snoozedUntil());
    }

    @Test
    void reassigningToWhoeverHasItOrToNobodyIsNoChange() {
        assertThat(FlagRules.reassign(in(State.OPEN), "U0PAT", NOW)).isEmpty();
        assertThat(FlagRules.reassign(in(State.OPEN), null, NOW)).isEmpty();
    }

    @Test
    void aNudgeCountsAndStampsTheReminder() {
        Flag nudged = FlagRules.nudge(in(State.OPEN), NOW).orElseThrow();
        assertThat(nudged.nudges()).isEqualTo(3);
        assertThat(nudged.lastNudgedAt()).isEqualTo(NOW);
        assertThat(nudged.state()).isEqualTo(State.OPEN);
        assertThat(nudged.escalatedAt()).isNull();
    }

    @Test
    void aFlagEscalatesOnce() {
        Flag escalated = FlagRules.escalate(in(State.OPEN), NOW).orElseThrow();
        assertThat(escalated.escalatedAt()).isEqualTo(NOW);
        assertThat(escalated.nudges()).isEqualTo(2);
        assertThat(escalated.lastNudgedAt()).isEqualTo(in(State.OPEN).lastNudgedAt());
        assertThat(FlagRules.escalate(escalated, NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void backFromASnoozeItIsOpenWithANewRound() {
        Flag back = FlagRules.endSnooze(in(State.SNOOZED).withEscalatedAt(CREATED), NOW).orElseThrow();
        assertThat(back.state()).isEqualTo(State.OPEN);
        assertThat(back.snoozedUntil()).isNull();
        assertThat(back.nudges()).isEqualTo(1);
        assertThat(back.lastNudgedAt()).isEqualTo(NOW);
        assertThat(back.escalatedAt()).isNull();
    }

    @Test
    void aDraftWithAnOwnerHasHadItsFirstNudge() {
        Flag withOwner = Flag.draft("ACME-1", BusinessFunction.PRODUCT, null, "n", 100, null, "U0PAT", "U0ALEX", NOW);
        assertThat(withOwner.state()).isEqualTo(State.OPEN);
        assertThat(withOwner.version()).isZero();
        assertThat(withOwner.nudges()).isEqualTo(1);
        assertThat(withOwner.lastNudgedAt()).isEqualTo(NOW);
        assertThat(withOwner.createdAt()).isEqualTo(NOW);
        Flag ownerless = Flag.draft("ACME-1", BusinessFunction.SUPPORT, null, "n", 100, null, null, "U0ALEX", NOW);
        assertThat(ownerless.nudges()).isZero();
        assertThat(ownerless.lastNudgedAt()).isNull();
    }

    @Test
    void snoozingAndResolvingHaveWithersOfTheirOwn() {
        assertThatThrownBy(() -> in(State.OPEN).withState(State.SNOOZED, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> in(State.OPEN).withState(State.RESOLVED, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ageAndDaysToRenewal() {
        Flag f = in(State.OPEN);
        assertThat(f.ageDays(NOW)).isEqualTo(2);
        assertThat(f.daysToRenewal(NOW, java.time.ZoneOffset.UTC)).isEqualTo(37);
        assertThat(f.daysToRenewal(Instant.parse("2026-12-31T23:30:00Z"), java.time.ZoneId.of("Asia/Tokyo"))).isZero();
        assertThat(f.token()).isEqualTo("7:4");
    }
}
