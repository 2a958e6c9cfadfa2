package dev.nrrbot.numbers.slack;

import dev.nrrbot.serve.FakeSlack;
import dev.nrrbot.serve.RunningBot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.revenue.RevenueStore;
import dev.nrrbot.revenue.RevenueWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The App Home tab, its buttons, Slack's event retries, and answers that arrive after the ack. */
class HomeAndAsyncTest extends dev.nrrbot.serve.SharedBot {

    /** The test that needs a slow store starts its own bot, here. */
    @TempDir
    Path dir;
    static int authTestsAtStart;

    @BeforeAll
    static void countAuthTests() {
        authTestsAtStart = bot.slack.calls("auth.test").size();
    }

    @BeforeEach
    void clearCalls() {
        bot.slack.reset();
    }

    private static final String HOME_OPENED = """
            {"type":"app_home_opened","user":"%s","channel":"D0HOME","tab":"home","event_ts":"1700000000.1"}""";

    @Test
    void openingTheHomeTabPublishesCompanyNrrTrendAndButtonsOnceEvenWhenSlackRetries() throws Exception {
        HttpResponse<String> first = bot.client.event("Ev0HOME1", HOME_OPENED.formatted("U0DANA"), 0);
        assertThat(first.statusCode()).isEqualTo(200);
        FakeSlack.Call publish = bot.slack.await("views.publish", 1, Duration.ofSeconds(10));
        assertThat(publish.params().get("user_id")).isEqualTo("U0DANA");
        assertThat(publish.params().get("token")).isNull(); // the token travels in the Authorization header
        JsonObject view = publish.jsonParam("view");
        assertThat(view.get("type").getAsString()).isEqualTo("home");
        String text = dev.nrrbot.serve.BlockText.of(view);
        assertThat(text).contains("Net Revenue Retention · ").contains("Contribution by function")
                .contains("T12M NRR trend").contains("Why revenue left").contains("How to ask /nrr")
                .contains("Data through 2026-10").contains("Definitions").contains("All definitions: `/nrr definitions`")
                .doesNotContain("docs/definitions.md");

        HttpResponse<String> retry = bot.client.event("Ev0HOME1", HOME_OPENED.formatted("U0DANA"), 1);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(bot.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(bot.slack.calls("views.publish")).hasSize(1);

        bot.client.event("Ev0HOME2", HOME_OPENED.formatted("U0DANA"), 0);
        bot.slack.await("views.publish", 2, Duration.ofSeconds(10));
    }

    @Test
    void aFunctionOwnerSeesTheirFunctionOnHome() throws Exception {
        bot.db.jdbi().useHandle(h -> h.execute("INSERT INTO function_owner (function_code, user_id, set_by, set_at)"
                + " VALUES ('product', 'U0PAT', 'U0ADMIN', CURRENT_TIMESTAMP)"));
        bot.client.event("Ev0OWNER", HOME_OPENED.formatted("U0PAT"), 0);
        String text = dev.nrrbot.serve.BlockText.of(bot.slack.await("views.publish", 1, Duration.ofSeconds(10)).jsonParam("view"));
        assertThat(text).contains("Your function, Product:").contains("Product details");
        // an owner sees the revenue of the accounts flagged for their function, and of no other
        assertThat(dev.nrrbot.serve.BlockText.of(ask(bot, "U0PAT", "account ACME-00003"))).contains("Account-level revenue is for")
                .doesNotContain("MRR now");
        ask(bot, "U0VIEWER", "flag ACME-00003 product champion left");
        assertThat(dev.nrrbot.serve.BlockText.of(ask(bot, "U0PAT", "account ACME-00003"))).contains("MRR now");
        assertThat(dev.nrrbot.serve.BlockText.of(ask(bot, "U0PAT", "account ACME-00004"))).doesNotContain("MRR now");
    }

    @Test
    void anyoneSaysWhichFunctionTheyBelongToAndHomeShowsIt() throws Exception {
        assertThat(dev.nrrbot.serve.BlockText.of(ask(bot, "U0SAM", "me"))).contains("You have not said which function");
        assertThat(dev.nrrbot.serve.BlockText.of(ask(bot, "U0SAM", "me banana"))).contains("\"banana\" is not a function");
        assertThat(dev.nrrbot.serve.BlockText.of(ask(bot, "U0SAM", "me support"))).contains("you belong to Support")
                .contains("grants no access");
        assertThat(dev.nrrbot.serve.BlockText.of(ask(bot, "U0SAM", "me"))).contains("You belong to Support");
        bot.client.event("Ev0MEMBER", HOME_OPENED.formatted("U0SAM"), 0);
        String text = dev.nrrbot.serve.BlockText.of(bot.slack.await("views.publish", 1, Duration.ofSeconds(10)).jsonParam("view"));
        assertThat(text).contains("Your function, Support:").contains("Support details");
        // belonging is not owning: no account-level revenue
        assertThat(dev.nrrbot.serve.BlockText.of(ask(bot, "U0SAM", "account ACME-00003"))).doesNotContain("MRR now");
    }

    @Test
    void homeButtonsOpenTheAnswerInAModal() throws Exception {
        HttpResponse<String> r = bot.client.blockAction("U0DANA", "home_reasons", "reasons", null);
        assertThat(r.statusCode()).isEqualTo(200);
        FakeSlack.Call open = bot.slack.await("views.open", 1, Duration.ofSeconds(10));
        assertThat(open.params().get("trigger_id")).startsWith("1337.");
        JsonObject view = open.jsonParam("view");
        assertThat(view.get("type").getAsString()).isEqualTo("modal");
        assertThat(dev.nrrbot.serve.BlockText.of(view)).contains("Why revenue left").doesNotContain("Share in channel");
    }

    @Test
    void theDefinitionsButtonOpensTheDefinitionsInAModal() throws Exception {
        HttpResponse<String> r = bot.client.blockAction("U0DANA", "home_definitions", "definitions", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject view = bot.slack.await("views.open", 1, Duration.ofSeconds(10)).jsonParam("view");
        assertThat(dev.nrrbot.serve.BlockText.of(view)).contains("What the numbers mean").contains("*NRR* = End MRR ÷ Start MRR.")
                .contains("*Bands*").doesNotContain("Share in channel");
    }

    @Test
    void whenNumbersAreNotReadyInTwoSecondsTheAckComesFirstAndTheAnswerFollowsOnTheResponseUrl() throws Exception {
        try (RunningBot slow = RunningBot.start(dir, SlowStore::new)) {
            slow.store.write(w -> null); // new data arrived: the next question reloads the (now slow) snapshot
            HttpResponse<String> r = slow.client.command("U0DANA", "2026-Q3", slow.slack.responseUrl("late"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Crunching the numbers");
            FakeSlack.Call late = slow.slack.await("response_url", 1, Duration.ofSeconds(15));
            assertThat(late.path()).isEqualTo("/response/late");
            assertThat(late.json().get("response_type").getAsString()).isEqualTo("ephemeral");
            assertThat(dev.nrrbot.serve.BlockText.of(late.json())).contains("*2026-Q3*").contains("Share in channel");
        }
    }

    @Test
    void theWebApiSawAuthTestAtStartWithTheBotToken() throws Exception {
        assertThat(authTestsAtStart).isPositive();
    }

    private static JsonObject ask(RunningBot bot, String user, String text) throws Exception {
        return com.google.gson.JsonParser.parseString(bot.client.command(user, text, bot.slack.responseUrl("x")).body())
                .getAsJsonObject();
    }

    /** A store whose snapshot, after the first load, takes longer than Slack waits for an ack (a large import, say). */
    static final class SlowStore extends dev.nrrbot.revenue.ForwardingRevenueStore {
        private final java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();

        SlowStore(RevenueStore real) {
            super(real);
        }

        @Override
        public Portfolio loadPortfolio() {
            try {
                Thread.sleep(loads.getAndIncrement() == 0 ? 0 : 3_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.loadPortfolio();
        }
    }
}
