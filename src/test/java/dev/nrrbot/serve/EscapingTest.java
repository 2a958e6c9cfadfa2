package dev.nrrbot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.db.JdbiFlagStore;
import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.metrics.Movement;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.platform.format.Mrkdwn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text from data and from people reaches Slack as text, never as a mention or a link: a reason code
 * {@code <!channel>} imported with --add-unknown-reasons, an account named
 * {@code <@U123> & <https://evil.example|click>} with such a CSM e-mail and attribute, flag, resolve and
 * reason notes, and typed text echoed back. Every mrkdwn text and message text the bot sends (acks,
 * response_urls, chat.postMessage, views) is checked, and the guard under {@link Mrkdwn#escape} must
 * never have had to step in: each path escapes its own data.
 */
class EscapingTest extends SharedBot {

    static final String NAME = "<@U123> & <https://evil.example|click>";
    static final String NAME_ESCAPED = "&lt;@U123&gt; &amp; &lt;https://evil.example|click&gt;";
    static final String CODE = "<!channel>";
    static final String CODE_ESCAPED = "&lt;!channel&gt;";
    static final String PAT = "U0PAT";
    static final String ALEX = "U0ALEX";

    /** The account made hostile, and the month of its loss that now has the reason {@code <!channel>}. */
    static String account;
    static YearMonth lossMonth;

    private final List<JsonObject> acks = new ArrayList<>();
    private long neutralisedBefore;

    @BeforeAll
    static void importHostileData(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // the largest loss without a reason in 2026-Q3: in T12M, the quarter's readout and its top reasons
        Portfolio p = bot.engine().portfolio();
        Movement best = null;
        for (int a = 0; a < p.ledger().accountCount(); a++) {
            for (Movement m : p.movements(a)) {
                if (m.kind().isLoss() && m.reason() == null && !m.month().isBefore(YearMonth.of(2026, 7))
                        && !m.month().isAfter(YearMonth.of(2026, 9)) && (best == null || m.cents() > best.cents())) {
                    best = m;
                    account = p.ledger().accountId(a);
                }
            }
        }
        assertThat(best).as("the synthetic company has an unexplained loss in 2026-Q3").isNotNull();
        lossMonth = best.month();
        Importer importer = new Importer(bot.store);
        Path accounts = Files.writeString(dir.resolve("accounts.csv"), "account_id,name,csm_email,plan\n"
                + account + ",\"" + NAME.replace("\"", "\"\"") + "\",<!channel>@evil.example,<!here>\n");
        importer.run(ImportKind.ACCOUNTS, accounts, ImportOptions.DEFAULTS, null);
        Path reasons = Files.writeString(dir.resolve("reasons.csv"), "account_id,date,reason,note\n"
                + account + "," + lossMonth.atDay(1) + "," + CODE + ",\"<!here> they left for <https://evil.example|a rival>\"\n");
        importer.run(ImportKind.REASONS, reasons, new ImportOptions(true, null), null);
        NrrEngine engine = bot.engine();
        assertThat(engine.portfolio().taxonomy().byCode(CODE)).isPresent();
    }

    @BeforeEach
    void start() throws Exception {
        bot.reset();
        neutralisedBefore = Mrkdwn.neutralisedCount();
    }

    @AfterEach
    void everythingSentToSlackWasEscapedAtItsSource() throws Exception {
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(20))).isTrue();
        List<String> texts = new ArrayList<>();
        acks.forEach(a -> messageTexts(a, texts));
        for (String method : List.of("chat.postMessage", "response_url", "views.open", "views.update", "views.publish")) {
            for (FakeSlack.Call c : bot.slack.calls(method)) {
                if (method.equals("chat.postMessage")) {
                    texts.add(c.params().get("text"));
                    mrkdwn(JsonParser.parseString(c.params().get("blocks")), texts);
                } else if (method.equals("response_url")) {
                    messageTexts(c.json(), texts);
                } else {
                    mrkdwn(c.jsonParam("view"), texts);
                }
            }
        }
        assertThat(texts).isNotEmpty();
        for (String t : texts) {
            assertThat(t).as("sent to Slack as mrkdwn").doesNotContain("<!").doesNotContain("<http").doesNotContain("<mailto")
                    .doesNotContain("<@U123");
        }
        assertThat(Mrkdwn.neutralisedCount()).as("texts the guard had to escape: a path that forgot Mrkdwn.escape")
                .isEqualTo(neutralisedBefore);
    }

    JsonObject ask(String user, String text) throws Exception {
        JsonObject ack = bot.ask(user, text);
        acks.add(ack);
        return ack;
    }

    static String text(JsonObject message) {
        return BlockText.of(message) + (message.has("text") ? message.get("text").getAsString() : "");
    }

    @Test
    void reasonsAccountWhatIfAndEchoedTextShowTheDataAsText() throws Exception {
        JsonObject reasons = ask(RunningBot.ADMIN, "reasons");
        assertThat(BlockText.of(reasons)).contains(CODE_ESCAPED);
        // shared to the channel: the ping the issue reproduced
        bot.client.blockAction(RunningBot.ADMIN, "share_answer", "reasons", bot.slack.responseUrl("share"));
        assertThat(BlockText.of(bot.slack.await("response_url", 1, Duration.ofSeconds(10)).json())).contains(CODE_ESCAPED);

        String history = BlockText.of(ask(RunningBot.ADMIN, "account " + account));
        assertThat(history).contains(NAME + " (" + account + ")") // the header is plain text: shown as it is
                .contains("*CSM*\n&lt;!channel&gt;@evil.example").contains("*plan*\n&lt;!here&gt;")
                .contains(CODE_ESCAPED + " (unattributed) — &lt;!here&gt; "); // the imported note, or the one set in the other test
        assertThat(text(ask(RunningBot.ADMIN, "account " + NAME.substring(0, 8)))).contains(NAME_ESCAPED);

        assertThat(text(ask(RunningBot.ADMIN, "whatif " + CODE + " -50%"))).contains(CODE_ESCAPED + " -50%");
        assertThat(text(ask(RunningBot.ADMIN, "whatif <!here> -50%"))).contains("\"&lt;!here&gt;\" is neither a function");
        assertThat(text(ask(RunningBot.ADMIN, "<!channel> now"))).contains("I did not understand \"&lt;!channel&gt; now\"");
        assertThat(text(ask(RunningBot.ADMIN, "acount <!here>"))).contains("Did you mean `/nrr account &lt;!here&gt;`?");
        assertThat(text(ask(RunningBot.ADMIN, "account <!everyone>"))).contains("No account matches \"&lt;!everyone&gt;\"");
        assertThat(text(ask(RunningBot.ADMIN, "reasons <https://evil.example|q3>")))
                .contains("\"&lt;https://evil.example|q3&gt;\" is not a window");
        ask(RunningBot.ADMIN, "segment plan=<!here>");
        ask(RunningBot.ADMIN, "segment <@U123>=x");
        ask(RunningBot.ADMIN, "function <!channel>");
        ask(RunningBot.ADMIN, "schedule weekly <#C0NRR|nrr> <!here>");
        ask(RunningBot.ADMIN, "flags <!here>");
    }

    @Test
    void aFlagItsResolveNoteAndAReasonNoteReachTheDmsAndTheHistoryAsText() throws Exception {
        ask(RunningBot.ADMIN, "owner product <@" + PAT + "|pat>");
        String reply = text(ask(ALEX, "flag " + account + " product <!here> they need SSO <https://evil.example|now>"));
        assertThat(reply).contains("Flagged *" + NAME_ESCAPED + "* for Product");
        FakeSlack.Call toOwner = bot.slack.await("chat.postMessage", 1, Duration.ofSeconds(10));
        assertThat(toOwner.params().get("text")).contains(NAME_ESCAPED);
        assertThat(BlockText.of(blocks(toOwner))).contains("*" + NAME_ESCAPED + "*")
                .contains(": &lt;!here&gt; they need SSO &lt;https://evil.example|now&gt;");
        assertThat(text(ask(RunningBot.ADMIN, "flags"))).contains("*" + NAME_ESCAPED + "*");

        Flag f = new JdbiFlagStore(bot.db.jdbi()).active().get(0);
        bot.client.interactive(action(PAT, "flag_resolve", f.token()));
        JsonObject view = bot.slack.await("views.open", 1, Duration.ofSeconds(5)).jsonParam("view");
        assertThat(BlockText.of(view)).contains("on *" + NAME_ESCAPED + "*");
        bot.client.interactive(submission(PAT, "flag_resolve_modal", view.get("private_metadata").getAsString(), """
                {"outcome":{"outcome":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"Lost"},"value":"lost"}}},
                 "note":{"note":{"type":"plain_text_input","value":"<!channel> went to <https://evil.example|them>"}}}"""));
        // the flagger hears of it: the note that reached their DM unescaped
        FakeSlack.Call notice = bot.slack.await("chat.postMessage", 2, Duration.ofSeconds(10));
        assertThat(notice.params().get("channel")).isEqualTo(ALEX);
        assertThat(notice.params().get("text")).isEqualTo("Your flag on " + NAME_ESCAPED + " was resolved");
        assertThat(BlockText.of(blocks(notice))).contains("<@" + PAT + "> resolved (lost: &lt;!channel&gt; went to"
                + " &lt;https://evil.example|them&gt;) the flag on *" + NAME_ESCAPED + "*.")
                .contains("resolved: lost (&lt;!channel&gt; went to &lt;https://evil.example|them&gt;)");
        bot.slack.await("response_url", 1, Duration.ofSeconds(10)); // the owner's DM, redrawn

        // a reason set from the "Set reason" form, with a note (by an admin: Pat was not asked)
        bot.client.interactive(action(RunningBot.ADMIN, "reason_set", account + "|" + lossMonth));
        JsonObject reasonForm = bot.slack.await("views.open", 2, Duration.ofSeconds(5)).jsonParam("view");
        assertThat(BlockText.of(reasonForm)).contains("Why did *" + NAME_ESCAPED + "*");
        bot.client.interactive(submission(RunningBot.ADMIN, "reason_modal", reasonForm.get("private_metadata").getAsString(), """
                {"reason":{"reason":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"x"},"value":"<!channel>"}}},
                 "note":{"note":{"type":"plain_text_input","value":"<!here> asked for <@U123>"}}}"""));
        String history = BlockText.of(ask(RunningBot.ADMIN, "account " + account));
        assertThat(history).contains(CODE_ESCAPED + " (unattributed) — &lt;!here&gt; asked for &lt;@U123&gt;")
                .contains("resolved by <@" + PAT + ">: lost: &lt;!channel&gt; went to &lt;https://evil.example|them&gt;");
    }

    @Test
    void aViewersAnswersWithoutAmountsShowTheDataAsTextToo() throws Exception {
        String viewer = "U0VIEWER";
        assertThat(BlockText.of(ask(viewer, "reasons"))).contains(CODE_ESCAPED);
        assertThat(BlockText.of(ask(viewer, "segment plan=<!here>"))).contains("*plan=&lt;!here&gt;* has 1 account in its cohort");
        assertThat(text(ask(viewer, "segment plan=<!channel>"))).contains("No account has plan=&lt;!channel&gt;.");
        ask(viewer, "account " + account);
        assertThat(text(ask(viewer, "flag " + account + " product <!here> call them"))).contains("*" + NAME_ESCAPED + "*");
        ask(viewer, "flags mine");
    }

    @Test
    void readoutsAndTheReasonQuestionShowTheDataAsText() throws Exception {
        bot.slack.answer("users.lookupByEmail", "{\"ok\":true,\"user\":{\"id\":\"U0CSM\"}}");
        ask(RunningBot.ADMIN, "readout 2026-Q3 <#C0LEAD|leadership>");
        var readouts = bot.bot.services.readouts();
        mrkdwnOf(readouts.now("weekly", null, true).blocks());
        mrkdwnOf(readouts.now("reasons", null, false).blocks());
        mrkdwnOf(readouts.now("quarterly", "2026-Q3", false).blocks());
        assertThat(bot.bot.services.flags().reasons().run()).isPositive();
    }

    /** Blocks rendered but not sent (a readout built on demand): checked like a message. */
    private void mrkdwnOf(List<com.slack.api.model.block.LayoutBlock> blocks) {
        JsonObject m = new JsonObject();
        m.add("blocks", JsonParser.parseString(com.slack.api.util.json.GsonFactory.createSnakeCase().toJson(blocks)));
        acks.add(m);
    }

    static JsonObject blocks(FakeSlack.Call c) {
        JsonObject o = new JsonObject();
        o.add("blocks", JsonParser.parseString(c.params().get("blocks")));
        return o;
    }

    /** A message's own text and every mrkdwn text in its blocks. */
    static void messageTexts(JsonObject message, List<String> out) {
        if (message.has("text") && message.get("text").isJsonPrimitive()) {
            out.add(message.get("text").getAsString());
        }
        mrkdwn(message.get("blocks"), out);
    }

    /** Every text of a mrkdwn object inside {@code e}; plain_text is shown as it is and needs no escaping. */
    static void mrkdwn(JsonElement e, List<String> out) {
        if (e == null || e.isJsonNull() || e.isJsonPrimitive()) {
            return;
        }
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> mrkdwn(x, out));
            return;
        }
        JsonObject o = e.getAsJsonObject();
        if (o.has("type") && o.get("type").isJsonPrimitive() && o.get("type").getAsString().equals("mrkdwn") && o.has("text")) {
            out.add(o.get("text").getAsString());
        }
        o.entrySet().forEach(x -> mrkdwn(x.getValue(), out));
    }

    JsonObject action(String user, String actionId, String value) {
        JsonObject p = JsonParser.parseString("""
                {"type":"block_actions","team":{"id":"T0ACME","domain":"acme"},"user":{"id":"%s","team_id":"T0ACME"},
                 "api_app_id":"A0NRR","token":"legacy","trigger_id":"1337.42.trigger","container":{"type":"message"},
                 "channel":{"id":"D0PAT","name":"directmessage"},"response_url":"%s",
                 "actions":[{"action_id":"%s","block_id":"b","type":"button","action_ts":"1700000000.1"}]}
                """.formatted(user, bot.slack.responseUrl("dm"), actionId)).getAsJsonObject();
        p.getAsJsonArray("actions").get(0).getAsJsonObject().addProperty("value", value);
        return p;
    }

    JsonObject submission(String user, String callbackId, String metadata, String values) {
        JsonObject p = JsonParser.parseString("""
                {"type":"view_submission","team":{"id":"T0ACME","domain":"acme"},"user":{"id":"%s","team_id":"T0ACME"},
                 "api_app_id":"A0NRR","token":"legacy","trigger_id":"1337.42.trigger",
                 "view":{"id":"V0MODAL","type":"modal","callback_id":"%s","hash":"h1","state":{"values":%s}}}
                """.formatted(user, callbackId, values)).getAsJsonObject();
        p.getAsJsonObject("view").addProperty("private_metadata", metadata);
        return p;
    }
}
