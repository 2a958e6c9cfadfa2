package dev.nrrbot.readouts.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.nrrbot.access.Access;
import dev.nrrbot.access.db.JdbiAccessStore;
import dev.nrrbot.comp.db.JdbiCompStore;
import dev.nrrbot.demo.SyntheticCompany;
import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.metrics.ReportUnavailable;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.platform.db.TestDatabase;
import dev.nrrbot.platform.jobs.TrackedExecutor;
import dev.nrrbot.platform.slack.CommandTable;
import dev.nrrbot.platform.slack.ErrorBoundary;
import dev.nrrbot.platform.slack.NrrSlashCommand;
import dev.nrrbot.platform.slack.SlackServer;
import dev.nrrbot.readouts.db.JdbiReadoutStore;
import dev.nrrbot.readouts.render.ChartRenderer;
import dev.nrrbot.readouts.render.ChartSpec;
import dev.nrrbot.readouts.render.Charts;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import dev.nrrbot.serve.BlockText;
import dev.nrrbot.serve.FakeSlack;
import dev.nrrbot.serve.MovableClock;
import dev.nrrbot.serve.SignedClient;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quarterly readout's preview draws no chart, and its post draws both, after the submit is
 * acknowledged: the readout listeners on a Bolt app of their own, with a chart renderer that counts,
 * a real database and the fake Slack Web API.
 */
class ReadoutPreviewTest {

    static final String SECRET = "preview-test-secret";
    static final String LEAD = "U0LEAD";

    @TempDir
    Path dir;
    @AutoClose
    TestDatabase database;
    @AutoClose
    FakeSlack slack;
    Database db;
    PortfolioCache cache;
    TrackedExecutor background;
    SlackServer server;
    SignedClient client;
    final List<ChartSpec> drawn = new CopyOnWriteArrayList<>();
    final AtomicInteger kicks = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        database = TestDatabase.file(dir.resolve("nrr"));
        db = database.open();
        MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
        JdbiRevenueStore store = new JdbiRevenueStore(db, clock);
        SyntheticCompany.Files3 files = new SyntheticCompany(200, YearMonth.of(2026, 10), 24, 7L).writeTo(dir.resolve("csv"));
        new Importer(store).run(ImportKind.MRR, files.mrr(), ImportOptions.DEFAULTS, null);
        new Importer(store).run(ImportKind.REASONS, files.reasons(), ImportOptions.DEFAULTS, null);
        cache = new PortfolioCache(store);
        ChartRenderer counting = spec -> {
            drawn.add(spec);
            return Charts.RENDERER.png(spec);
        };
        ReadoutService readouts = new ReadoutService(new JdbiReadoutStore(db.jdbi()), cache, List::of, new JdbiCompStore(db.jdbi()),
                clock, null, counting);
        Access access = new Access(new JdbiAccessStore(db, clock), Set.of(LEAD), new dev.nrrbot.access.Policy(5),
                id -> dev.nrrbot.access.AccountScope.UNKNOWN);
        background = new TrackedExecutor(Executors.newFixedThreadPool(2));
        CommandTable table = new CommandTable(new ReadoutCommands(readouts, access, clock).commands(), "schedules",
                List.of(ReportUnavailable.class, IllegalArgumentException.class));

        slack = new FakeSlack();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        App app = new App(AppConfig.builder().singleTeamBotToken("xoxb-test-token").signingSecret(SECRET)
                .slack(Slack.getInstance(config)).build());
        app.use(new ErrorBoundary());
        new NrrSlashCommand(table, wait -> true, background).register(app);
        new ReadoutActions(readouts, access, background, kicks::incrementAndGet).register(app);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = SlackServer.start(app, port);
        client = new SignedClient(server.port(), SECRET);
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
        background.shutdown();
        background.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        cache.close();
    }

    JsonObject submission(String viewId, String metadata) {
        return JsonParser.parseString("""
                {"type":"view_submission","team":{"id":"T0ACME"},"user":{"id":"%s","team_id":"T0ACME"},"api_app_id":"A0NRR",
                 "token":"legacy","trigger_id":"1.2.3","view":{"id":"%s","type":"modal","callback_id":"readout_modal",
                 "private_metadata":"%s","hash":"h","state":{"values":{"commentary":{"commentary":{"type":"plain_text_input",
                 "value":"Onboarding fixes cut early churn by half."}}}}}}
                """.formatted(LEAD, viewId, metadata)).getAsJsonObject();
    }

    List<Map<String, Object>> outbox(String keyPrefix) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT dedupe_key, method, recipient, body FROM outbox WHERE dedupe_key LIKE :k"
                + " ORDER BY dedupe_key").bind("k", keyPrefix + ":%").mapToMap().list());
    }

    @Test
    void thePreviewDrawsNoChartAndThePostDrawsBothOnceAfterTheAck() throws Exception {
        HttpResponse<String> asked = client.command(LEAD, "readout 2026-Q3 <#C0LEAD|leadership>", slack.responseUrl("r1"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(BlockText.of(JsonParser.parseString(asked.body()).getAsJsonObject())).contains("Preview opened");
        JsonObject view = slack.await("views.open", 1, Duration.ofSeconds(5)).jsonParam("view");
        assertThat(BlockText.of(view)).contains("2026-Q3 NRR readout").contains("Contribution by function").contains("Your commentary");
        assertThat(view.get("private_metadata").getAsString()).isEqualTo("2026-Q3|C0LEAD");
        assertThat(background.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(drawn).as("charts drawn for the preview").isEmpty();

        HttpResponse<String> submitted = client.interactive(submission("V0PREVIEW", "2026-Q3|C0LEAD"));
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).as("a plain ack closes the modal").doesNotContain("response_action");
        assertThat(background.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(drawn).hasSize(2).hasOnlyElementsOfTypes(ChartSpec.Trend.class, ChartSpec.Contributions.class);
        // the quarter's trend stops at its end (2026-09), though the data goes on to 2026-10
        ChartSpec.Trend trend = drawn.stream().filter(ChartSpec.Trend.class::isInstance).map(ChartSpec.Trend.class::cast)
                .findFirst().orElseThrow();
        assertThat(trend.points()).isNotEmpty();
        assertThat(trend.points().get(trend.points().size() - 1).month()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(trend.title()).contains("to 2026-09");
        assertThat(kicks).hasValue(1);

        List<Map<String, Object>> queued = outbox("quarterly:V0PREVIEW");
        assertThat(queued).extracting(m -> m.get("dedupe_key"))
                .containsExactly("quarterly:V0PREVIEW:chart1", "quarterly:V0PREVIEW:chart2", "quarterly:V0PREVIEW:message");
        JsonObject message = JsonParser.parseString((String) queued.get(2).get("body")).getAsJsonObject();
        assertThat(queued.get(2).get("recipient")).isEqualTo("C0LEAD");
        assertThat(message.get("username").getAsString()).isEqualTo("Lee");
        assertThat(message.toString()).contains("Onboarding fixes cut early churn by half.");
        for (Map<String, Object> chart : queued.subList(0, 2)) {
            byte[] png = Base64.getDecoder().decode(JsonParser.parseString((String) chart.get("body")).getAsJsonObject()
                    .get("png").getAsString());
            assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        }

        // the same view submitted again (a double click that came late, or Slack's retry): nothing more is drawn or queued
        assertThat(client.interactive(submission("V0PREVIEW", "2026-Q3|C0LEAD")).statusCode()).isEqualTo(200);
        assertThat(background.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(drawn).hasSize(2);
        assertThat(outbox("quarterly:V0PREVIEW")).hasSize(3);
    }

    @Test
    void aSubmitForAQuarterWithoutDataDrawsNothingAndSaysWhy() throws Exception {
        HttpResponse<String> r = client.interactive(submission("V0OLD", "2019-Q1|C0LEAD"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject answer = JsonParser.parseString(r.body()).getAsJsonObject();
        assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.getAsJsonObject("errors").get("commentary").getAsString()).startsWith("No NRR for 2019-Q1");
        assertThat(background.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(drawn).isEmpty();
        assertThat(outbox("quarterly:V0OLD")).isEmpty();
    }
}
