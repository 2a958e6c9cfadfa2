package dev.nrrbot.flags.slack;

import dev.nrrbot.serve.FakeSlack;
import dev.nrrbot.serve.RunningBot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.platform.format.Money;
import dev.nrrbot.flags.FlagStore;
import dev.nrrbot.flags.db.JdbiFlagStore;
import dev.nrrbot.metrics.Movement;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.Segment;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flags and nudges end to end: the real server, signed requests, the fake Slack Web API over HTTP,
 * the outbox delivering on its own, and a clock the test moves for follow-ups.
 */
class FlagsTest extends dev.nrrbot.serve.SharedBot {

    static final String CS = "U0CSLEAD";
    static final String PAT = "U0PAT";      // owns product
    static final String VP = "U0VP";        // escalation contact
    static final String ALEX = "U0ALEX";    // flags accounts

    @BeforeEach
    void owners() throws Exception {
        bot.reset();
        ask(RunningBot.ADMIN, "role <@" + CS + "> cs_leader");
        assertThat(text(ask(CS, "owner product <@" + PAT + "|pat>"))).contains("<@" + PAT + "> is now the owner of Product");
        assertThat(text(ask(CS, "owner escalation <@" + VP + ">"))).contains("the escalation contact");
        bot.slack.reset();
    }

    JsonObject ask(String user, String text) throws Exception {
        return bot.ask(user, text);
    }

    static String text(JsonObject o) {
        return dev.nrrbot.serve.BlockText.of(o);
    }

    FakeSlack.Call dm(int n) throws InterruptedException {
        return bot.slack.await("chat.postMessage", n, Duration.ofSeconds(10));
    }

    static JsonObject blocksOf(FakeSlack.Call c) {
        JsonObject o = new JsonObject();
        o.add("blocks", JsonParser.parseString(c.params().get("blocks")));
        return o;
    }

    Flag onlyFlag() {
        List<Flag> active = new JdbiFlagStore(bot.db.jdbi()).active();
        assertThat(active).hasSize(1);
        return active.get(0);
    }

    JsonObject action(String user, String actionId, String value, String blockId, String selectedUser) {
        JsonObject p = JsonParser.parseString("""
                {"type":"block_actions","team":{"id":"T0ACME","domain":"acme"},"user":{"id":"%s","team_id":"T0ACME"},
                 "api_app_id":"A0NRR","token":"legacy","trigger_id":"1337.42.trigger","container":{"type":"message"},
                 "channel":{"id":"D0PAT","name":"directmessage"},"response_url":"%s",
                 "actions":[{"action_id":"%s","block_id":"%s","type":"button","action_ts":"1700000000.1"}]}
                """.formatted(user, bot.slack.responseUrl("dm"), actionId, blockId)).getAsJsonObject();
        JsonObject a = p.getAsJsonArray("actions").get(0).getAsJsonObject();
        if (value != null) {
            a.addProperty("value", value);
        }
        if (selectedUser != null) {
            a.addProperty("type", "users_select");
            a.addProperty("selected_user", selectedUser);
        }
        return p;
    }

    /** {@code user} picks {@code account} in the flag form's searchable select. */
    JsonObject pick(String user, String account) {
        JsonObject p = action(user, "flag_account", null, "account", null);
        p.add("view", JsonParser.parseString("{\"id\":\"V0MODAL\",\"hash\":\"h1\",\"type\":\"modal\",\"callback_id\":\"flag_modal\","
                + "\"state\":{\"values\":{}}}"));
        JsonObject a = p.getAsJsonArray("actions").get(0).getAsJsonObject();
        a.add("selected_option", JsonParser.parseString("{\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":\"" + account + "\"}"));
        a.addProperty("type", "external_select");
        return p;
    }

    JsonObject submission(String user, String callbackId, String metadata, String values) {
        return JsonParser.parseString("""
                {"type":"view_submission","team":{"id":"T0ACME","domain":"acme"},"user":{"id":"%s","team_id":"T0ACME"},
                 "api_app_id":"A0NRR","token":"legacy","trigger_id":"1337.42.trigger",
                 "view":{"id":"V0MODAL","type":"modal","callback_id":"%s","private_metadata":"%s","hash":"h1",
                   "state":{"values":%s}}}
                """.formatted(user, callbackId, metadata.replace("\n", "\\n"), values)).getAsJsonObject();
    }

    @Test
    void ownersAreSetByAdminsAndCsLeadersAndListed() throws Exception {
        assertThat(text(ask("U0NOBODY", "owner support <@U0SAM>"))).contains("Only admins and CS leaders set owners");
        String owners = text(ask("U0NOBODY", "owners"));
        assertThat(owners).contains("Product: <@" + PAT + ">").contains("Support: _nobody yet_")
                .contains("Escalation contact: <@" + VP + ">");
    }

    @Test
    void aFlagByCommandReachesTheOwnersDmWithItsButtons() throws Exception {
        String reply = text(ask(ALEX, "flag ACME-00005 product They need SSO before renewal"));
        assertThat(reply).contains("Flagged *").contains("for Product").contains("<@" + PAT + "> will hear of it");
        FakeSlack.Call dm = dm(1);
        assertThat(dm.params().get("channel")).isEqualTo(PAT);
        String t = text(blocksOf(dm));
        long arr = 12 * bot.engine().portfolio().ledger().mrr("ACME-00005", java.time.YearMonth.of(2026, 10));
        assertThat(t).contains("ACME-00005").contains("ARR at risk *" + dev.nrrbot.platform.format.Money.whole(arr) + "*")
                .contains("*Function:* Product").contains("*Flagged by* <@" + ALEX + ">: They need SSO before renewal")
                .contains("renews in ").contains("Acknowledge").contains("Snooze 7 days").contains("Resolve");
        assertThat(dm.params().get("blocks")).contains("\"users_select\"").contains("\"action_id\":\"flag_reassign\"");
        Flag f = onlyFlag();
        assertThat(f.state()).isEqualTo(Flag.State.OPEN);
        assertThat(f.assignee()).isEqualTo(PAT);
        assertThat(f.nudges()).isEqualTo(1);
    }

    @Test
    void aFlagWithSomethingMissingOpensTheModalWhoseAccountSearchLoadsFromTheBot() throws Exception {
        assertThat(text(ask(ALEX, "flag"))).contains("Fill in the form");
        FakeSlack.Call open = bot.slack.await("views.open", 1, Duration.ofSeconds(5));
        JsonObject view = open.jsonParam("view");
        assertThat(view.get("callback_id").getAsString()).isEqualTo("flag_modal");
        assertThat(open.params().get("view")).contains("\"external_select\"").contains("\"static_select\"")
                .contains("product_gap").contains("\"datepicker\"");

        JsonObject suggestion = JsonParser.parseString("""
                {"type":"block_suggestion","team":{"id":"T0ACME"},"user":{"id":"%s"},"api_app_id":"A0NRR","token":"legacy",
                 "action_id":"flag_account","block_id":"account","value":"ACME-0000","view":{"id":"V0MODAL","type":"modal"}}
                """.formatted(ALEX)).getAsJsonObject();
        // a viewer finds accounts by name only: an id finds nothing, and the options show no ids
        HttpResponse<String> options = bot.client.interactive(suggestion);
        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.body()).isEqualTo("{\"options\":[]}");
        String name = bot.engine().portfolio().account("ACME-00007").orElseThrow().name();
        suggestion.addProperty("value", name.substring(0, 4));
        assertThat(bot.client.interactive(suggestion).body()).contains(name).doesNotContain("(ACME-");
        suggestion.addProperty("value", name.substring(0, 2));
        assertThat(bot.client.interactive(suggestion).body()).isEqualTo("{\"options\":[]}");
        // a CS leader searches ids too
        suggestion.add("user", JsonParser.parseString("{\"id\":\"" + CS + "\"}"));
        suggestion.addProperty("value", "ACME-0000");
        assertThat(bot.client.interactive(suggestion).body()).contains("\"options\"").contains("(ACME-00001)")
                .contains("\"value\":\"ACME-00001\"");

        // a viewer picks the account: its ARR and renewal are not theirs to see, so nothing is filled in
        JsonObject viewerPick = pick(ALEX, "ACME-00007");
        bot.client.interactive(viewerPick);
        assertThat(bot.slack.await("views.update", 1, Duration.ofSeconds(5)).params().get("view"))
                .doesNotContain("initial_value").doesNotContain("initial_date");

        // a CS leader picks the account: ARR and renewal are filled from the data
        JsonObject pick = pick(CS, "ACME-00007");
        bot.client.interactive(pick);
        FakeSlack.Call update = bot.slack.await("views.update", 2, Duration.ofSeconds(5));
        long arr = 12 * bot.engine().portfolio().ledger().mrr("ACME-00007", java.time.YearMonth.of(2026, 10));
        assertThat(update.params().get("view")).contains("\"initial_value\":\"" + new java.math.BigDecimal(arr).movePointLeft(2)
                .stripTrailingZeros().toPlainString() + "\"");

        String missingNote = """
                {"account":{"flag_account":{"type":"external_select","selected_option":{"text":{"type":"plain_text","text":"x"},"value":"ACME-00007"}}},
                 "function":{"function":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"x"},"value":"product"}}},
                 "arr":{"arr":{"type":"plain_text_input","value":"lots"}},
                 "note":{"note":{"type":"plain_text_input","value":""}}}""";
        HttpResponse<String> errors = bot.client.interactive(submission(ALEX, "flag_modal", "", missingNote));
        assertThat(errors.body()).contains("\"response_action\":\"errors\"").contains("\"arr\"").contains("\"note\"");
        assertThat(new JdbiFlagStore(bot.db.jdbi()).active()).isEmpty();

        String good = """
                {"account":{"flag_account":{"type":"external_select","selected_option":{"text":{"type":"plain_text","text":"x"},"value":"ACME-00007"}}},
                 "function":{"function":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"x"},"value":"product"}}},
                 "reason":{"reason":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"x"},"value":"product_gap"}}},
                 "arr":{"arr":{"type":"plain_text_input","value":"12,000"}},
                 "renewal":{"renewal":{"type":"datepicker","selected_date":"2027-01-15"}},
                 "note":{"note":{"type":"plain_text_input","value":"Pilot stalled"}}}""";
        HttpResponse<String> ok = bot.client.interactive(submission(ALEX, "flag_modal", "", good));
        assertThat(ok.statusCode()).isEqualTo(200);
        Flag f = onlyFlag();
        assertThat(f.accountId()).isEqualTo("ACME-00007");
        assertThat(f.arrCents()).isEqualTo(1_200_000);
        assertThat(f.reasonCode()).isEqualTo("product_gap");
        assertThat(f.renewalDate()).isEqualTo(java.time.LocalDate.of(2027, 1, 15));
        assertThat(dm(1).params().get("channel")).isEqualTo(PAT);
    }

    @Test
    void eachButtonMovesTheFlagOnceAndTheFlaggerHearsOfIt() throws Exception {
        // the flagger hears of four steps in a minute: over the daily DM cap, which DmCapTest covers
        new JdbiFlagStore(bot.db.jdbi()).setSetting(dev.nrrbot.outbox.DmAllowance.SETTING, "10");
        ask(ALEX, "flag ACME-00005 product They need SSO");
        dm(1);
        Flag f = onlyFlag();
        // a double click: both carry the same version, only one moves the flag
        bot.client.interactive(action(PAT, "flag_ack", f.token(), "b", null));
        bot.client.interactive(action(PAT, "flag_ack", f.token(), "b", null));
        FakeSlack.Call notice = dm(2);
        assertThat(notice.params().get("channel")).isEqualTo(ALEX);
        assertThat(text(blocksOf(notice))).contains("<@" + PAT + "> acknowledged the flag");
        FakeSlack.Call replaced = bot.slack.await("response_url", 1, Duration.ofSeconds(5));
        assertThat(replaced.json().get("replace_original").getAsBoolean()).isTrue();
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(bot.slack.calls("chat.postMessage")).hasSize(2);
        Flag acked = onlyFlag();
        assertThat(acked.state()).isEqualTo(Flag.State.ACKNOWLEDGED);
        assertThat(new JdbiFlagStore(bot.db.jdbi()).history(f.id()).stream().map(FlagStore.Event::action))
                .containsExactly("flagged", "acknowledged");

        bot.client.interactive(action(PAT, "flag_snooze", acked.token(), "b", null));
        dm(3);
        Flag snoozed = onlyFlag();
        assertThat(snoozed.state()).isEqualTo(Flag.State.SNOOZED);

        bot.client.interactive(action(PAT, "flag_reassign", null, "flag:" + snoozed.token(), "U0DANA"));
        FakeSlack.Call toDana = bot.slack.await("chat.postMessage", 5, Duration.ofSeconds(5));
        assertThat(bot.slack.calls("chat.postMessage").stream().map(c -> c.params().get("channel"))).contains("U0DANA", ALEX);
        Flag reassigned = onlyFlag();
        assertThat(reassigned.assignee()).isEqualTo("U0DANA");
        assertThat(toDana).isNotNull();

        bot.client.interactive(action("U0DANA", "flag_resolve", reassigned.token(), "b", null));
        FakeSlack.Call modal = bot.slack.await("views.open", 1, Duration.ofSeconds(5));
        JsonObject view = modal.jsonParam("view");
        assertThat(view.get("callback_id").getAsString()).isEqualTo("flag_resolve_modal");
        bot.client.interactive(submission("U0DANA", "flag_resolve_modal", view.get("private_metadata").getAsString(), """
                {"outcome":{"outcome":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"Saved"},"value":"saved"}}},
                 "note":{"note":{"type":"plain_text_input","value":"Shipped SSO"}}}"""));
        FakeSlack.Call resolvedNotice = bot.slack.await("chat.postMessage", 6, Duration.ofSeconds(5));
        assertThat(text(blocksOf(resolvedNotice))).contains("resolved (saved: Shipped SSO)");
        assertThat(new JdbiFlagStore(bot.db.jdbi()).active()).isEmpty();
        // the whole story shows in /nrr account
        assertThat(text(ask(CS, "account ACME-00005"))).contains("Flags and their history").contains("acknowledged by <@" + PAT + ">")
                .contains("snoozed").contains("reassigned").contains("resolved");
    }

    @Test
    void unacknowledgedFlagsComeBackEveryTwoBusinessDaysThenEscalateAndSnoozesEnd() throws Exception {
        ask(ALEX, "flag ACME-00005 product They need SSO");   // Monday 10:00: nudge 1
        dm(1);
        var followUps = bot.bot.services.flags().followUps();
        bot.clock.advance(Duration.ofDays(1));                 // Tuesday: not yet
        assertThat(followUps.run()).isZero();
        bot.clock.advance(Duration.ofDays(1));                 // Wednesday: 2 business days
        assertThat(followUps.run()).isEqualTo(1);
        assertThat(text(blocksOf(dm(2)))).contains("Reminder 2");
        bot.clock.advance(Duration.ofDays(2));                 // Friday: nudge 3
        assertThat(followUps.run()).isEqualTo(1);
        dm(3);
        bot.clock.advance(Duration.ofDays(3));                 // Monday: the weekend does not count, Tuesday does
        assertThat(followUps.run()).isZero();
        bot.clock.advance(Duration.ofDays(1));
        assertThat(followUps.run()).isEqualTo(1);
        // (Monday's run also sent Pat the weekly digest) the escalation goes to the escalation contact
        dm(5);
        FakeSlack.Call escalation = bot.slack.calls("chat.postMessage").stream()
                .filter(c -> c.params().get("channel").equals(VP)).findFirst().orElseThrow();
        assertThat(text(blocksOf(escalation))).contains("Escalated to you").contains("after 3 nudges");
        bot.clock.advance(Duration.ofDays(7));
        followUps.run();
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(bot.slack.calls("chat.postMessage").stream().filter(c -> c.params().get("channel").equals(VP))).hasSize(1);

        Flag f = onlyFlag();
        bot.client.interactive(action(PAT, "flag_snooze", f.token(), "b", null));
        bot.clock.advance(Duration.ofDays(6));
        assertThat(followUps.run()).isZero();
        bot.clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(followUps.run()).isEqualTo(1);
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();
        FakeSlack.Call back = bot.slack.calls("chat.postMessage").stream()
                .filter(c -> c.params().get("blocks").contains("The snooze is over")).findFirst().orElseThrow();
        assertThat(back.params().get("channel")).isEqualTo(PAT);
        assertThat(onlyFlag().state()).isEqualTo(Flag.State.OPEN);
    }

    @Test
    void eachOwnerGetsOneMondayDigest() throws Exception {
        ask(ALEX, "flag ACME-00005 product They need SSO");
        ask(ALEX, "flag ACME-00006 product Budget review");
        dm(2);
        bot.clock.set(java.time.Instant.parse("2026-11-30T08:59:00Z")); // Monday, before 09:00
        var followUps = bot.bot.services.flags().followUps();
        followUps.run();
        bot.clock.set(java.time.Instant.parse("2026-11-30T09:00:00Z"));
        followUps.run();
        followUps.run();
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();
        List<FakeSlack.Call> digests = bot.slack.calls("chat.postMessage").stream()
                .filter(c -> c.params().get("text").equals("Your open flags this week")).toList();
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).params().get("channel")).isEqualTo(PAT);
        assertThat(text(blocksOf(digests.get(0)))).contains("2 flags").contains("ACME-00005").doesNotContain("ACME-00099");
    }

    @Test
    void flagsListShowsAgeAndArrAtRiskToThoseWhoMaySeeAccounts() throws Exception {
        ask(ALEX, "flag ACME-00005 product They need SSO");
        assertThat(text(ask(CS, "flags"))).contains("Open flags").contains("1 flag · ARR at risk").contains("0d old");
        assertThat(text(ask(CS, "flags product"))).contains("Open flags · Product");
        assertThat(text(ask(CS, "flags engineering"))).contains("No open flags");
        assertThat(text(ask("U0NOBODY", "flags"))).contains("only admins, CS leaders and function owners see the full list");
        assertThat(text(ask(ALEX, "flags mine"))).contains("ACME-00005");
    }

    @Test
    void csmsAreAskedForMissingChurnReasonsAndTheAnswerShowsInTheParetoAtOnce() throws Exception {
        bot.slack.answer("users.lookupByEmail", "{\"ok\":true,\"user\":{\"id\":\"U0CSM\"}}");
        NrrEngine engine = bot.engine();
        Portfolio p = engine.portfolio();
        Movement target = null;
        String account = null;
        java.time.YearMonth from = p.ledger().latestMonth().orElseThrow().minusMonths(2);
        int unexplained = 0;
        for (int a = 0; a < p.ledger().accountCount(); a++) {
            for (Movement m : p.movements(a)) {
                if (m.kind().isLoss() && m.reason() == null && !m.month().isBefore(from)) {
                    unexplained++;
                    if (target == null || m.cents() > target.cents()) { // the largest comes first in the list
                        target = m;
                        account = p.ledger().accountId(a);
                    }
                }
            }
        }
        assertThat(target).as("the synthetic company has an unexplained recent loss").isNotNull();
        int asked = bot.bot.services.flags().reasons().run();
        assertThat(asked).isEqualTo(Math.min(15, unexplained));
        assertThat(bot.bot.services.flags().reasons().run()).isZero(); // one list a day
        String value = account + "|" + target.month();
        FakeSlack.Call question = dm(1);
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(bot.slack.calls("chat.postMessage")).hasSize(1);
        assertThat(question.params().get("channel")).isEqualTo("U0CSM");
        assertThat(question.params().get("blocks")).contains(value).contains("largest first");
        assertThat(bot.slack.calls("users.lookupByEmail")).isNotEmpty();
        if (unexplained > 15) { // the rest comes the next day, never lost
            assertThat(question.params().get("blocks")).contains((unexplained - 15) + " more will come in tomorrow");
            bot.clock.advance(Duration.ofDays(1));
            assertThat(bot.bot.services.flags().reasons().run()).isEqualTo(Math.min(15, unexplained - 15));
        }

        bot.client.interactive(action("U0CSM", "reason_set", value, "b", null));
        FakeSlack.Call modal = bot.slack.await("views.open", 1, Duration.ofSeconds(5));
        JsonObject view = modal.jsonParam("view");
        assertThat(view.get("callback_id").getAsString()).isEqualTo("reason_modal");
        long unexplainedBefore = engine.pareto(engine.window("last quarter"), Segment.ALL).unexplainedLostCents();
        HttpResponse<String> r = bot.client.interactive(submission("U0CSM", "reason_modal", view.get("private_metadata").getAsString(), """
                {"reason":{"reason":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"x"},"value":"champion_left"}}},
                 "note":{"note":{"type":"plain_text_input","value":"Sponsor left in September"}}}"""));
        assertThat(r.statusCode()).isEqualTo(200);
        NrrEngine after = bot.engine();
        Movement explained = after.portfolio().movements(after.portfolio().ledger().indexOf(account).orElseThrow()).stream()
                .filter(m -> m.month().equals(from.plusMonths(0)) || true).filter(m -> m.month().equals(
                        java.time.YearMonth.parse(value.split("\\|")[1])) && m.kind().isLoss()).findFirst().orElseThrow();
        assertThat(explained.reason().code()).isEqualTo("champion_left");
        assertThat(explained.note()).isEqualTo("Sponsor left in September");
        if (!target.month().isBefore(after.window("last quarter").start().plusMonths(1))) {
            assertThat(after.pareto(after.window("last quarter"), Segment.ALL).unexplainedLostCents())
                    .isEqualTo(unexplainedBefore - target.cents());
        }
        // and /nrr (a live answer) sees it at once
        assertThat(text(ask(CS, "account " + account))).contains("champion_left");
    }

    @Test
    void reasonQuestionsComeAsOneListADayAboveTheFloorAndTheRestLater(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (RunningBot own = RunningBot.start(dir)) { // its reasons are deleted: a bot of its own
            own.ask(RunningBot.ADMIN, "owner customer_success <@U0CSM>");
            own.db.jdbi().useTransaction(h -> {
                h.execute("DELETE FROM movement_reason");
                h.execute("DELETE FROM reason_record");
                h.execute("UPDATE data_version SET version = version + 1 WHERE id = 1");
            });
            own.slack.answer("users.lookupByEmail", "{\"ok\":true,\"user\":{\"id\":\"U0CSM\"}}");
            Portfolio p = own.engine().portfolio();
            java.time.YearMonth from = p.ledger().latestMonth().orElseThrow().minusMonths(2);
            List<Long> losses = new java.util.ArrayList<>();
            for (int a = 0; a < p.ledger().accountCount(); a++) {
                for (Movement m : p.movements(a)) {
                    if (m.kind().isLoss() && m.reason() == null && !m.month().isBefore(from)) {
                        losses.add(m.cents());
                    }
                }
            }
            losses.sort(java.util.Comparator.reverseOrder());
            assertThat(losses).as("unexplained recent losses").hasSizeGreaterThan(16);
            // a floor at the 17th largest loss: 16 or so are asked about, 15 today and the rest tomorrow
            long floor = losses.get(16) / 100;
            new JdbiFlagStore(own.db.jdbi()).setSetting("reason_floor_mrr", Long.toString(floor));
            int above = (int) losses.stream().filter(c -> c >= floor * 100).count();
            var capture = own.bot.services.flags().reasons();
            assertThat(capture.run()).isEqualTo(15);
            assertThat(capture.run()).isZero(); // one list a day
            own.clock.advance(Duration.ofDays(1));
            assertThat(capture.run()).isEqualTo(Math.min(15, above - 15));
            assertThat(own.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();
            List<FakeSlack.Call> lists = own.slack.calls("chat.postMessage");
            assertThat(lists).hasSize(2).allSatisfy(c -> assertThat(c.params().get("channel")).isEqualTo("U0CSM"));
            assertThat(lists.get(0).params().get("text")).contains("15 churns and contractions need a reason");
            assertThat(lists.get(0).params().get("blocks")).contains((above - 15) + " more will come in tomorrow")
                    .contains(Money.whole(losses.get(0)));
            assertThat(lists.get(1).params().get("blocks")).doesNotContain("more will come");
            // every question of the list has its own Set reason button, not only the last
            String blocks = lists.get(0).params().get("blocks");
            assertThat(blocks.split("\"action_id\":\"reason_set\"", -1)).hasSize(16);
        }
    }
}
