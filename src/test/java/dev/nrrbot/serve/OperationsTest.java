package dev.nrrbot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees: /health, /ready, /metrics, one log line per request, and a graceful stop. */
class OperationsTest {

    @TempDir
    Path dir;

    @Test
    void healthReadyAndMetricsTellTheOperatorWhatIsGoingOn() throws Exception {
        try (RunningBot bot = RunningBot.start(dir)) {
            bot.client.command("U0A", "", bot.slack.responseUrl("r"));
            bot.client.command("U0A", "reasons", bot.slack.responseUrl("r"));
            bot.client.command("U0A", "account ACME-00001", bot.slack.responseUrl("r"));
            assertThat(bot.client.get("/health").statusCode()).isEqualTo(200);
            HttpResponse<String> ready = bot.client.get("/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"pending_migrations\":0");
            HttpResponse<String> metrics = bot.client.get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains("nrr_request_seconds_bucket{command=\"(report)\",kind=\"command\",le=\"0.3\"}")
                    .contains("nrr_requests_total{command=\"reasons\",kind=\"command\",outcome=\"ok\"} 1.0")
                    .contains("nrr_requests_total{command=\"account\",kind=\"command\",outcome=\"ok\"} 1.0")
                    .contains("nrr_outbox_depth ").contains("nrr_outbox_oldest_age_seconds ")
                    .contains("nrr_delivery_failures_total ").contains("nrr_slack_rate_limited_total ")
                    .contains("nrr_imported_rows ").contains("jvm_memory_used_bytes{area=\"heap\"}");
        }
    }

    @Test
    void eachRequestIsOneLogLineWithCommandLatencyAndOutcomeAndNeverASecret() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String logged;
        try (RunningBot bot = RunningBot.start(dir)) {
            org.slf4j.LoggerFactory.getLogger("nrr.requests"); // simple logger: info for this one logger
            bot.client.command("U0A", "function product", bot.slack.responseUrl("r"));
            bot.client.command("U0A", "account Secret Customer Name", bot.slack.responseUrl("r"));
        } finally {
            System.setErr(original);
        }
        logged = captured.toString(StandardCharsets.UTF_8);
        assertThat(logged).containsPattern("request kind=command command=function status=200 outcome=ok latency_ms=\\d+")
                .containsPattern("request kind=command command=account status=200 outcome=ok latency_ms=\\d+")
                .doesNotContain("Secret Customer Name").doesNotContain("xoxb-test-token").doesNotContain(RunningBot.SECRET);
    }

    @Test
    void closingStopsTakingRequestsAndFreesThePort() throws Exception {
        RunningBot bot = RunningBot.start(dir);
        Thread stopper = new Thread(bot::close);
        stopper.start();
        stopper.join(20_000);
        assertThat(stopper.isAlive()).isFalse();
        // after close, the port no longer answers
        assertThat(portAnswers(bot.server.port())).isFalse();
    }

    static boolean portAnswers(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void theOpsEndpointsCanBeKeptOffTheSlackPort() throws Exception {
        try (RunningBot bot = RunningBot.start(dir, java.util.Map.of("NRR_OPS_ADDRESS", "127.0.0.1:0"))) {
            assertThat(bot.bot.opsPort()).isNotEqualTo(bot.bot.port());
            assertThat(bot.client.get("/health").statusCode()).isEqualTo(404);
            assertThat(bot.client.get("/metrics").statusCode()).isEqualTo(404);
            var ops = new SignedClient(bot.bot.opsPort(), RunningBot.SECRET);
            assertThat(ops.get("/health").statusCode()).isEqualTo(200);
            assertThat(ops.get("/metrics").body()).contains("nrr_outbox_depth");
            assertThat(bot.ask("U0VIEWER", "trend").toString()).contains("T12M NRR trend");
        }
    }
}
