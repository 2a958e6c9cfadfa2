package dev.nrrbot.outbox.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.nrrbot.outbox.DmAllowance;
import dev.nrrbot.serve.FakeSlack;
import dev.nrrbot.serve.RunningBot;
import dev.nrrbot.serve.SharedBot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of DM counts toward one cap per person per 24 hours; the rest is held, never lost, and
 * comes the next morning in one digest that carries the messages themselves, buttons and all.
 */
class DmCapTest extends SharedBot {

    static final String PAT = "U0PAT";

    @org.junit.jupiter.api.BeforeEach
    void reset() throws Exception {
        bot.reset();
    }

    @Test
    void theFourthDmOfADayWaitsForTheNextMorningsDigestWithItsButtons() throws Exception {
        bot.ask(RunningBot.ADMIN, "owner product <@" + PAT + ">");
        for (int i = 1; i <= 5; i++) {
            bot.ask(RunningBot.ADMIN, "flag ACME-0000" + i + " product needs SSO " + i);
        }
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();
        List<FakeSlack.Call> toPat = toPat();
        assertThat(toPat).hasSize(DmAllowance.DEFAULT_CAP);
        assertThat(bot.bot.outbox.held(PAT)).hasSize(2);

        DmDigest digest = new DmDigest(bot.bot.outbox, bot.clock, ZoneOffset.UTC, () -> 9);
        assertThat(digest.run()).as("not before the next day").isZero();
        // the next morning, one hour before the digest hour: still nothing
        bot.clock.set(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(digest.run()).isZero();
        bot.clock.set(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(digest.run()).isEqualTo(2);
        assertThat(digest.run()).as("one digest a day").isZero();
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();

        List<FakeSlack.Call> after = toPat();
        assertThat(after).hasSize(DmAllowance.DEFAULT_CAP + 1);
        FakeSlack.Call d = after.get(after.size() - 1);
        assertThat(d.params().get("text")).isEqualTo("2 messages held back since yesterday");
        String blocks = d.params().get("blocks");
        assertThat(blocks).contains("needs SSO 4", "needs SSO 5", "That is everything held for you.");
        JsonArray parsed = JsonParser.parseString(blocks).getAsJsonArray();
        assertThat(parsed.size()).isLessThanOrEqualTo(50);
        assertThat(blocks.split("\"flag_ack\"", -1)).as("each held flag keeps its Acknowledge button").hasSize(3);
        assertThat(bot.bot.outbox.held(PAT)).isEmpty();
    }

    @Test
    void theCapIsASettingAndChannelsAndRepliesAreNotCapped() throws Exception {
        assertThat(dev.nrrbot.flags.Cadence.validate(DmAllowance.SETTING, "5")).isEqualTo("5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.nrrbot.flags.Cadence.validate(DmAllowance.SETTING, "0"))
                .hasMessageContaining("1-20");
        new dev.nrrbot.flags.db.JdbiFlagStore(bot.db.jdbi()).setSetting(DmAllowance.SETTING, "1");
        bot.ask(RunningBot.ADMIN, "owner product <@" + PAT + ">");
        bot.ask(RunningBot.ADMIN, "flag ACME-00001 product one");
        bot.ask(RunningBot.ADMIN, "flag ACME-00002 product two");
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(toPat()).hasSize(1);
        assertThat(bot.bot.outbox.held(PAT)).hasSize(1);

        assertThat(DmAllowance.counts(new dev.nrrbot.outbox.OutboxMessage("k", "chat.postMessage", "C0CHANNEL", "{}"))).isFalse();
        assertThat(DmAllowance.counts(new dev.nrrbot.outbox.OutboxMessage("k", "response_url", "https://hooks.slack.com/x", "{}")))
                .isFalse();
        assertThat(DmAllowance.counts(new dev.nrrbot.outbox.OutboxMessage(DmAllowance.DIGEST_KEY + "U0PAT:2026-11-24",
                "chat.postMessage", PAT, "{}"))).isFalse();
        assertThat(DmAllowance.counts(new dev.nrrbot.outbox.OutboxMessage("k", "chat.postMessage", PAT, "{}"))).isTrue();
    }

    private List<FakeSlack.Call> toPat() {
        return bot.slack.calls("chat.postMessage").stream().filter(c -> PAT.equals(c.params().get("channel"))).toList();
    }
}
