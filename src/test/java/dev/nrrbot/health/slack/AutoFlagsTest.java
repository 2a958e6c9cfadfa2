package dev.nrrbot.health.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.db.JdbiFlagStore;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.serve.FakeSlack;
import dev.nrrbot.serve.RunningBot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flags the bot raises itself, end to end: the real app, signed requests, the fake Slack, the
 * round the schedule runs. The synthetic company has no signals imported, so the part that fires
 * is recent contraction, owned by Account Management.
 */
class AutoFlagsTest extends dev.nrrbot.serve.SharedBot {

    static final String AM = "U0AMOWNER";

    @BeforeEach
    void owner() throws Exception {
        bot.reset();
        bot.ask(RunningBot.ADMIN, "owner account_management <@" + AM + ">");
        bot.slack.reset();
    }

    static String text(JsonObject o) {
        return dev.nrrbot.serve.BlockText.of(o);
    }

    List<Flag> active() {
        return new JdbiFlagStore(bot.db.jdbi()).active();
    }

    @Test
    void offUntilTheBacktestSaysTheScorePredictsOrAnAdminTurnsThemOn() throws Exception {
        // the synthetic company's contraction alone does not predict: the default (auto) keeps them off
        assertThat(text(bot.ask(RunningBot.ADMIN, "health settings"))).contains("auto_flags auto (now off)");
        assertThat(bot.bot.autoFlags.run()).isZero();
        assertThat(active()).isEmpty();
        assertThat(text(bot.ask("U0VIEWER", "health set auto_flags on"))).contains("Health settings are changed by admins");
    }

    @Test
    void aPartBelowItsThresholdRaisesOneFlagPerAccountAndFunctionRoutedToItsOwnerUnderTheCap() throws Exception {
        assertThat(text(bot.ask(RunningBot.ADMIN, "health set auto_flags on"))).contains("Set auto_flags to on (was the default)");
        bot.ask(RunningBot.ADMIN, "health set flag_arr_floor 0");

        int raised = bot.bot.autoFlags.run();
        List<Flag> flags = active();
        assertThat(raised).isPositive().isEqualTo(flags.size());
        assertThat(flags).allSatisfy(f -> {
            assertThat(f.isAutomatic()).isTrue();
            assertThat(f.function()).isEqualTo(BusinessFunction.ACCOUNT_MANAGEMENT);
            assertThat(f.assignee()).isEqualTo(AM);
            assertThat(f.note()).contains("recent contraction").contains("(below 40)").contains("MRR -");
        });
        assertThat(flags).extracting(Flag::accountId).doesNotHaveDuplicates();

        // the same data again: nothing new
        assertThat(bot.bot.autoFlags.run()).isZero();
        assertThat(active()).hasSameSizeAs(flags);

        // the owner hears of the first three today; the rest wait for tomorrow's digest
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(20))).isTrue();
        List<FakeSlack.Call> dms = bot.slack.calls("chat.postMessage").stream()
                .filter(c -> AM.equals(c.params().get("channel"))).toList();
        assertThat(dms).hasSize(Math.min(3, flags.size()));
        String first = dms.get(0).params().get("blocks");
        assertThat(first).contains("The health score flagged an account at risk for *Account Management*")
                .contains("Flagged by* the health score (automatic)").contains("recent contraction");
        System.out.println("An automatic flag DM, as the owner sees it:\n" + dms.get(0).params().get("text") + "\n" + first);
    }

    @Test
    void whenTheSignalsStayRecoveredTheOwnerIsOfferedAOneClickResolve() throws Exception {
        bot.ask(RunningBot.ADMIN, "health set auto_flags on");
        bot.ask(RunningBot.ADMIN, "health set flag_arr_floor 0");
        bot.bot.autoFlags.run();
        int flagged = active().size();
        assertThat(flagged).isPositive();

        // nothing is below its threshold any more, and a fall must be total to count: the signals recovered
        bot.ask(RunningBot.ADMIN, "health set threshold.contraction 0");
        bot.ask(RunningBot.ADMIN, "health set flag_drop 100");
        assertThat(bot.bot.autoFlags.run()).isZero();
        bot.clock.advance(Duration.ofDays(13));
        assertThat(bot.bot.autoFlags.run()).isZero();
        bot.clock.advance(Duration.ofDays(1));
        int offered = bot.bot.autoFlags.run();
        assertThat(offered).isPositive();
        bot.clock.advance(Duration.ofHours(1));
        assertThat(bot.bot.autoFlags.run()).isZero(); // offered once

        Flag f = active().stream().filter(x -> bot.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM auto_flag WHERE flag_id = ? AND resolve_offered_at IS NOT NULL").bind(0, x.id())
                .mapTo(Integer.class).one()) == 1).findFirst().orElseThrow();
        var click = bot.client.blockAction(AM, "flag_resolve_recovered", f.token(), bot.slack.responseUrl("dm"));
        assertThat(click.statusCode()).isEqualTo(200);
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(20))).isTrue();
        Flag resolved = new JdbiFlagStore(bot.db.jdbi()).find(f.id()).orElseThrow();
        assertThat(resolved.state()).isEqualTo(Flag.State.RESOLVED);
        assertThat(resolved.outcome()).isEqualTo(Flag.Outcome.SAVED);
        assertThat(resolved.outcomeNote()).isEqualTo("signals recovered");

        // a viewer's click changes nothing
        Flag other = active().get(0);
        bot.client.blockAction("U0VIEWER", "flag_resolve_recovered", other.token(), bot.slack.responseUrl("dm"));
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(new JdbiFlagStore(bot.db.jdbi()).find(other.id()).orElseThrow().version()).isEqualTo(other.version());
    }
}
