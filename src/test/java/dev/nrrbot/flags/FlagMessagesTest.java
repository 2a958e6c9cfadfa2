package dev.nrrbot.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.metrics.BusinessFunction;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every flag DM's words and every flag message's dedupe key, as people and the outbox have known them. */
class FlagMessagesTest {

    @Test
    void aNewFlagToItsOwnerOrToTheEscalationContact() {
        assertThat(FlagMessages.newFlag("U0ALEX", BusinessFunction.PRODUCT, "Ember Labs")).isEqualTo(new FlagMessages.Dm(
                "At-risk account for Product: Ember Labs",
                ":rotating_light: <@U0ALEX> flagged an account at risk for *Product*, which you own."));
        assertThat(FlagMessages.noOwner(BusinessFunction.SUPPORT, "Fjord Labs")).isEqualTo(new FlagMessages.Dm(
                "Nobody owns Support: Fjord Labs",
                ":warning: An account was flagged for *Support*, which has no owner yet. Set one with `/nrr owner support @someone`."));
    }

    @Test
    void changesToTheFlaggerTheNewAssigneeAndThePressedDm() {
        assertThat(FlagMessages.flaggerNotice("U0PAT", FlagAction.SNOOZE, "until 2026-11-30", "Ember Labs")).isEqualTo(
                new FlagMessages.Dm("Your flag on Ember Labs was snoozed",
                        "<@U0PAT> snoozed (until 2026-11-30) the flag on *Ember Labs*."));
        assertThat(FlagMessages.flaggerNotice("U0PAT", FlagAction.ACKNOWLEDGE, null, "Ember Labs").headline())
                .isEqualTo("<@U0PAT> acknowledged the flag on *Ember Labs*.");
        assertThat(FlagMessages.changed(1, "U0DANA", FlagAction.RESOLVE, "saved: Shipped SSO", "Ember Labs")).isEqualTo(
                new FlagMessages.Dm("Flag #1: resolved", "<@U0DANA> resolved (saved: Shipped SSO) the flag on *Ember Labs*."));
        assertThat(FlagMessages.reassigned("nrr-bot", "Fjord Labs")).isEqualTo(new FlagMessages.Dm(
                "At-risk account for you: Fjord Labs", ":rotating_light: nrr-bot handed you this at-risk account."));
    }

    @Test
    void theBotsFollowUps() {
        assertThat(FlagMessages.nudge(2, "Granite Labs")).isEqualTo(new FlagMessages.Dm("Reminder: Granite Labs is at risk",
                ":bell: Reminder 2: nobody has acknowledged this at-risk account yet."));
        assertThat(FlagMessages.escalation("U0SAM", 3, "Fjord Labs")).isEqualTo(new FlagMessages.Dm(
                "Escalation: Fjord Labs is at risk",
                ":rotating_light: Escalated to you: <@U0SAM> has not acknowledged this at-risk account after 3 nudges."));
        assertThat(FlagMessages.snoozeOver("Granite Labs")).isEqualTo(new FlagMessages.Dm("Back from snooze: Granite Labs",
                ":alarm_clock: The snooze is over: this account is still flagged at risk."));
        assertThat(FlagMessages.digest()).isEqualTo(new FlagMessages.Dm("Your open flags this week", "Your open flags this week"));
    }

    @Test
    void aQuestionAboutAChurnOrAContraction() {
        assertThat(FlagMessages.reasonRequest("Acorn Studios", "churn", 123_456, YearMonth.of(2026, 9))).isEqualTo(
                new FlagMessages.Dm("Why did Acorn Studios churn?",
                        "had a churn of 1,235 MRR in 2026-09, and no reason is recorded. What happened?"));
        assertThat(FlagMessages.reasonRequest("Acorn Studios", "contraction", 5_000, YearMonth.of(2026, 10)).text())
                .isEqualTo("Why did Acorn Studios contract?");
    }

    @Test
    void namesAndNotesAreTextAndPeopleAreMentionedOnlyById() {
        String name = "<!channel> & Co";
        assertThat(FlagMessages.flaggerNotice("U0PAT", FlagAction.RESOLVE, "lost: <https://evil.example|x> <@U9>", name)).isEqualTo(
                new FlagMessages.Dm("Your flag on &lt;!channel&gt; &amp; Co was resolved", "<@U0PAT> resolved (lost: "
                        + "&lt;https://evil.example|x&gt; &lt;@U9&gt;) the flag on *&lt;!channel&gt; &amp; Co*."));
        assertThat(FlagMessages.newFlag("U1><!here", BusinessFunction.PRODUCT, name).headline())
                .startsWith(":rotating_light: U1&gt;&lt;!here flagged");
        for (FlagMessages.Dm dm : List.of(FlagMessages.newFlag("U0ALEX", BusinessFunction.PRODUCT, name),
                FlagMessages.noOwner(BusinessFunction.PRODUCT, name), FlagMessages.reassigned("U0PAT", name), FlagMessages.nudge(1, name),
                FlagMessages.escalation("U0SAM", 3, name), FlagMessages.snoozeOver(name),
                FlagMessages.reasonRequest(name, "churn", 100, YearMonth.of(2026, 9)))) {
            assertThat(dm.text() + dm.headline()).doesNotContain("<!").doesNotContain("& Co");
        }
    }

    @Test
    void theDedupeKeys() {
        Flag f = FlagRulesTest.in(Flag.State.OPEN); // #7 at version 4, nudged twice
        assertThat(FlagKeys.newFlag(f)).isEqualTo("flag:7:new");
        assertThat(FlagKeys.noOwner(f)).isEqualTo("flag:7:no-owner");
        assertThat(FlagKeys.flagger(f)).isEqualTo("flag:7:v4:flagger");
        assertThat(FlagKeys.assignee(f)).isEqualTo("flag:7:v4:assignee");
        assertThat(FlagKeys.changed(f)).isEqualTo("flag:7:v4:dm");
        assertThat(FlagKeys.nudge(f)).isEqualTo("flag:7:nudge:2");
        assertThat(FlagKeys.escalation(f)).isEqualTo("flag:7:escalated");
        assertThat(FlagKeys.snoozeOver(f)).isEqualTo("flag:7:v4:unsnoozed");
        assertThat(FlagKeys.digest("U0PAT", "2026-W48")).isEqualTo("digest:U0PAT:2026-W48");
        assertThat(FlagKeys.reasonDigest("U0CSM", java.time.LocalDate.of(2026, 11, 23))).isEqualTo("reasons:U0CSM:2026-11-23");
    }
}
