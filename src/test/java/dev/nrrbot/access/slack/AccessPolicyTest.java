package dev.nrrbot.access.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.db.JdbiFlagStore;
import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.metrics.Movement;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.platform.format.Money;
import dev.nrrbot.serve.BlockText;
import dev.nrrbot.serve.FakeSlack;
import dev.nrrbot.serve.RunningBot;
import dev.nrrbot.serve.SignedClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access policy as a hostile user meets it, through the real app with signed requests: a viewer
 * using the normal UI, and anyone holding a copy of a message or a payload signed for someone else.
 * Each case failed on the main before the policy (issue 11).
 */
class AccessPolicyTest extends dev.nrrbot.serve.SharedBot {

    static final String CS = "U0CSLEAD";
    static final String PAT = "U0PAT";        // owns product
    static final String VIEWER = "U0VIEWER";  // anyone in the workspace

    @TempDir
    Path dir;

    @BeforeEach
    void owners() throws Exception {
        bot.reset();
        bot.ask(RunningBot.ADMIN, "role <@" + CS + "> cs_leader");
        bot.ask(CS, "owner product <@" + PAT + ">");
        bot.slack.reset();
    }

    static String text(JsonObject o) {
        return BlockText.of(o);
    }

    String ask(String user, String text) throws Exception {
        return text(bot.ask(user, text));
    }

    Flag onlyFlag() {
        List<Flag> active = new JdbiFlagStore(bot.db.jdbi()).active();
        assertThat(active).hasSize(1);
        return active.get(0);
    }

    @Test
    void aViewerRaisesAFlagAndSeesNoAmountsWhileTheOwnerDoes() throws Exception {
        String reply = ask(VIEWER, "flag ACME-00003 product champion left");
        assertThat(reply).contains("Flagged *").contains("for Product").contains("flag #").doesNotContain("ARR");
        Flag f = onlyFlag();
        FakeSlack.Call dm = bot.slack.await("chat.postMessage", 1, Duration.ofSeconds(10));
        assertThat(dm.params().get("channel")).isEqualTo(PAT);
        assertThat(dm.params().get("blocks")).contains("ARR at risk *" + Money.whole(f.arrCents()) + "*");

        String mine = ask(VIEWER, "flags mine");
        assertThat(mine).contains("#" + f.id()).doesNotContain("ARR");
        assertThat(ask(VIEWER, "flags")).contains("only admins, CS leaders and function owners see the full list");
        assertThat(ask(PAT, "flags")).contains("ARR " + Money.whole(f.arrCents()));
        assertThat(ask(VIEWER, "account ACME-00003")).contains("Account-level revenue is for").doesNotContain("MRR now");

        // the owner acknowledges: the viewer's notice says so, without the amounts
        bot.client.interactive(action(PAT, "flag_ack", f.token()));
        FakeSlack.Call notice = bot.slack.await("chat.postMessage", 2, Duration.ofSeconds(10));
        assertThat(notice.params().get("channel")).isEqualTo(VIEWER);
        assertThat(notice.params().get("blocks")).contains("acknowledged").doesNotContain("ARR at risk");
    }

    @Test
    void flagButtonsAndTheResolveFormActOnlyForTheAssigneeTheEscalationContactAndLeaders() throws Exception {
        ask(VIEWER, "flag ACME-00005 product They need SSO");
        Flag f = onlyFlag();
        for (String button : List.of("flag_ack", "flag_snooze", "flag_resolve")) {
            assertThat(bot.client.interactive(action(VIEWER, button, f.token())).statusCode()).isEqualTo(200);
        }
        JsonObject reassign = action(VIEWER, "flag_reassign", null);
        reassign.getAsJsonArray("actions").get(0).getAsJsonObject().addProperty("block_id", "flag:" + f.token());
        reassign.getAsJsonArray("actions").get(0).getAsJsonObject().addProperty("selected_user", VIEWER);
        bot.client.interactive(reassign);
        JsonObject resolve = submission(VIEWER, "flag_resolve_modal", f.token() + "\n", """
                {"outcome":{"outcome":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"x"},"value":"saved"}}}}""");
        HttpResponse<String> r = bot.client.interactive(resolve);
        assertThat(r.body()).contains("\"response_action\":\"errors\"").contains("Only the flag");
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(20))).isTrue();
        Flag after = onlyFlag();
        assertThat(after.version()).isEqualTo(f.version());
        assertThat(after.state()).isEqualTo(Flag.State.OPEN);
        assertThat(after.assignee()).isEqualTo(PAT);
        assertThat(bot.slack.calls("views.open")).isEmpty();
        // each refusal went to the presser alone, through Slack's response_url
        List<FakeSlack.Call> answers = bot.slack.calls("response_url");
        assertThat(answers).hasSize(4).allSatisfy(c -> assertThat(c.body()).contains("\"response_type\":\"ephemeral\"")
                .contains("Only the flag"));

        // the assignee and a CS leader may
        bot.client.interactive(action(PAT, "flag_ack", f.token()));
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(20))).isTrue();
        Flag acked = onlyFlag();
        assertThat(acked.state()).isEqualTo(Flag.State.ACKNOWLEDGED);
        bot.client.interactive(submission(CS, "flag_resolve_modal", acked.token() + "\n", """
                {"outcome":{"outcome":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"x"},"value":"saved"}}}}"""));
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(new JdbiFlagStore(bot.db.jdbi()).active()).isEmpty();
    }

    @Test
    void aSegmentOfFewerThanFiveAccountsShowsNoAmountsToViewersNorToAChannel() throws Exception {
        Path accounts = dir.resolve("tier.csv");
        Files.writeString(accounts, "account_id,tier\nACME-00001,platinum\nACME-00002,gold\nACME-00003,gold\n");
        new Importer(bot.store).run(ImportKind.ACCOUNTS, accounts, ImportOptions.DEFAULTS, null);
        bot.bot.services.cache().engine(Duration.ofSeconds(10));

        String viewer = ask(VIEWER, "segment tier=platinum");
        assertThat(viewer).contains("has 1 account in its cohort").contains("fewer than 5 accounts").doesNotContain("Start MRR");
        assertThat(ask(CS, "segment tier=platinum")).contains("Start MRR").contains("End MRR");
        // an error names no values to viewers; a CS leader gets them
        assertThat(ask(VIEWER, "segment tier=silver")).contains("No account has tier=silver").doesNotContain("gold")
                .doesNotContain("platinum");
        assertThat(ask(CS, "segment tier=silver")).contains("gold").contains("platinum");
        String csm = bot.engine().portfolio().account("ACME-00001").orElseThrow().csmEmail();
        assertThat(ask(VIEWER, "segment csm=nobody@example.com")).doesNotContain(csm);

        // a CS leader shares it: the channel may not see it, so the sharer alone hears why
        bot.client.blockAction(CS, "share_answer", "segment tier=platinum", bot.slack.responseUrl("share"));
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(20))).isTrue();
        FakeSlack.Call shared = bot.slack.await("response_url", 1, Duration.ofSeconds(10));
        assertThat(shared.body()).contains("\"response_type\":\"ephemeral\"").doesNotContain("Start MRR");
    }

    @Test
    void aReasonLineOfFewAccountsShowsNoAmountToViewers() throws Exception {
        var p = bot.engine().pareto(bot.engine().window("2026-10"), dev.nrrbot.metrics.Segment.ALL);
        var small = p.rows().stream().filter(r -> r.accounts() < 5).findFirst();
        assertThat(small).as("a month has a reason of fewer than 5 accounts").isPresent();
        String viewer = ask(VIEWER, "reasons 2026-10");
        String row = (small.get().function() == null ? "unattributed" : small.get().function().code()) + ")";
        assertThat(viewer).contains(row + " fewer than 5 accounts").doesNotContain(row + " " + Money.whole(small.get().lostCents()));
        assertThat(ask(CS, "reasons 2026-10")).contains(row + " " + Money.whole(small.get().lostCents())).doesNotContain("fewer than");
    }

    @Test
    void onlyTheAskedPersonOrALeaderSetsAReason() throws Exception {
        bot.db.jdbi().useHandle(h -> h.execute("INSERT INTO function_owner (function_code, user_id, set_by, set_at)"
                + " VALUES ('customer_success', 'U0CSM', 'U0ADMIN', CURRENT_TIMESTAMP)"));
        Portfolio p = bot.engine().portfolio();
        String value = null;
        long largest = -1;
        YearMonth from = p.ledger().latestMonth().orElseThrow().minusMonths(2);
        for (int a = 0; a < p.ledger().accountCount(); a++) {
            for (Movement m : p.movements(a)) {
                if (m.kind().isLoss() && m.reason() == null && !m.month().isBefore(from) && m.cents() > largest) {
                    value = p.ledger().accountId(a) + "|" + m.month(); // the largest is in the first day's list
                    largest = m.cents();
                }
            }
        }
        assertThat(value).isNotNull();
        assertThat(bot.bot.services.flags().reasons().run()).isPositive();
        String reason = """
                {"reason":{"reason":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"x"},"value":"champion_left"}}}}""";
        bot.client.interactive(action(VIEWER, "reason_set", value));
        HttpResponse<String> refused = bot.client.interactive(submission(VIEWER, "reason_modal", value, reason));
        assertThat(refused.body()).contains("\"response_action\":\"errors\"").contains("or a CS leader or admin can set this reason");
        assertThat(bot.slack.calls("views.open")).isEmpty();
        String account = value.split("\\|")[0];
        YearMonth month = YearMonth.parse(value.split("\\|")[1]);
        assertThat(movement(account, month).reason()).isNull();

        // whoever was asked, or a CS leader, may
        String asked = bot.db.jdbi().withHandle(h -> h.createQuery("SELECT asked_user FROM reason_request WHERE account_id = :a")
                .bind("a", account).mapTo(String.class).list()).get(0);
        assertThat(bot.client.interactive(submission(asked, "reason_modal", value, reason)).body()).doesNotContain("errors");
        assertThat(movement(account, month).reason().code()).isEqualTo("champion_left");
    }

    Movement movement(String account, YearMonth month) throws Exception {
        bot.bot.services.cache().engine(Duration.ofSeconds(10));
        var after = bot.engine();
        return after.portfolio().movements(after.portfolio().ledger().indexOf(account).orElseThrow()).stream()
                .filter(m -> m.month().equals(month) && m.kind().isLoss()).findFirst().orElseThrow();
    }

    @Test
    void aQuarterlyReadoutSubmittedByAViewerPostsNothing() throws Exception {
        JsonObject submission = JsonParser.parseString("""
                {"type":"view_submission","team":{"id":"T0ACME"},"user":{"id":"%s","team_id":"T0ACME"},"api_app_id":"A0NRR",
                 "token":"legacy","view":{"id":"V0FORGED","type":"modal","callback_id":"readout_modal",
                 "private_metadata":"2026-Q3|C0ALL","hash":"h","state":{"values":{"commentary":{"commentary":{"type":"plain_text_input",
                 "value":"We are doomed."}}}}}}
                """.formatted(VIEWER)).getAsJsonObject();
        HttpResponse<String> r = bot.client.interactive(submission);
        assertThat(r.body()).contains("Only admins and CS leaders post readouts");
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(bot.slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void aResponseUrlOffSlacksHostsIsNeverUsed() throws Exception {
        ask(VIEWER, "flag ACME-00005 product They need SSO");
        Flag f = onlyFlag();
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(20))).isTrue();
        bot.slack.reset();
        JsonObject ack = action(PAT, "flag_ack", f.token());
        ack.addProperty("response_url", "https://evil.example/steal");
        assertThat(bot.client.interactive(ack).statusCode()).isEqualTo(200);
        HttpResponse<String> cmd = bot.client.command(PAT, "flag ACME-00006 product budget", "http://127.0.0.1:1/hook");
        assertThat(cmd.statusCode()).isEqualTo(200);
        assertThat(cmd.body()).isEmpty();
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(onlyFlag().version()).isEqualTo(f.version());
        long offSlack = bot.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE recipient LIKE '%evil%'"
                + " OR recipient LIKE '%127.0.0.1:1/%'").mapTo(Long.class).one());
        assertThat(offSlack).isZero();
    }

    @Test
    void theSameSignedBytesActOnce() throws Exception {
        String body = SignedClient.form(new java.util.LinkedHashMap<>(Map.of("team_id", "T0ACME", "user_id", VIEWER,
                "command", "/nrr", "text", "flag ACME-00005 product replayed", "response_url", bot.slack.responseUrl("cmd"),
                "trigger_id", "1.2.3")));
        long ts = SignedClient.now();
        HttpResponse<String> first = bot.client.post(body, "application/x-www-form-urlencoded", ts, RunningBot.SECRET, Map.of());
        HttpResponse<String> again = bot.client.post(body, "application/x-www-form-urlencoded", ts, RunningBot.SECRET, Map.of());
        assertThat(first.body()).contains("Flagged");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEmpty();
        assertThat(onlyFlag().note()).isEqualTo("replayed");

        String schedule = SignedClient.form(new java.util.LinkedHashMap<>(Map.of("team_id", "T0ACME", "user_id", CS,
                "command", "/nrr", "text", "schedule weekly <#C0NEWS|news>", "response_url", bot.slack.responseUrl("cmd"),
                "trigger_id", "1.2.4")));
        bot.client.post(schedule, "application/x-www-form-urlencoded", ts, RunningBot.SECRET, Map.of());
        bot.client.post(schedule, "application/x-www-form-urlencoded", ts, RunningBot.SECRET, Map.of());
        assertThat(bot.bot.services.readouts().store().active()).hasSize(1);

        // the flag form submitted twice (a double click, signed anew each time) makes one flag
        String good = """
                {"account":{"flag_account":{"type":"external_select","selected_option":{"text":{"type":"plain_text","text":"x"},"value":"ACME-00007"}}},
                 "function":{"function":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"x"},"value":"product"}}},
                 "note":{"note":{"type":"plain_text_input","value":"Pilot stalled"}}}""";
        bot.client.interactive(submission(VIEWER, "flag_modal", "", good));
        bot.client.interactive(submission(VIEWER, "flag_modal", "", good));
        assertThat(new JdbiFlagStore(bot.db.jdbi()).active()).hasSize(2);
    }

    JsonObject action(String user, String actionId, String value) {
        JsonObject p = JsonParser.parseString("""
                {"type":"block_actions","team":{"id":"T0ACME","domain":"acme"},"user":{"id":"%s","team_id":"T0ACME"},
                 "api_app_id":"A0NRR","token":"legacy","container":{"type":"message"},
                 "channel":{"id":"D0PAT","name":"directmessage"},"response_url":"%s",
                 "actions":[{"action_id":"%s","block_id":"b","type":"button","action_ts":"1700000000.1"}]}
                """.formatted(user, bot.slack.responseUrl("dm"), actionId)).getAsJsonObject();
        if (value != null) {
            p.getAsJsonArray("actions").get(0).getAsJsonObject().addProperty("value", value);
        }
        return p;
    }

    static JsonObject submission(String user, String callbackId, String metadata, String values) {
        return JsonParser.parseString("""
                {"type":"view_submission","team":{"id":"T0ACME","domain":"acme"},"user":{"id":"%s","team_id":"T0ACME"},
                 "api_app_id":"A0NRR","token":"legacy",
                 "view":{"id":"V0MODAL%s","type":"modal","callback_id":"%s","private_metadata":"%s","hash":"h1",
                   "state":{"values":%s}}}
                """.formatted(user, callbackId.length(), callbackId, metadata.replace("\n", "\\n"), values)).getAsJsonObject();
    }
}
