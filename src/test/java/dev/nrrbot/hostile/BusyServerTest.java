package dev.nrrbot.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.nrrbot.platform.slack.SlackServer;
import dev.nrrbot.serve.FakeSlack;
import dev.nrrbot.serve.SignedClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server's queue is bounded: with every worker busy and the queue full, the next signed request is
 * answered 503 at once (not reset, not queued without end), and one that waited past Slack's deadline
 * is answered 503 instead of being worked on too late. A Bolt app whose command waits for the test.
 */
@Tag("hostile")
class BusyServerTest {

    static final String SECRET = "busy-test-secret";

    private final CountDownLatch release = new CountDownLatch(1);
    private final java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newCachedThreadPool();
    private FakeSlack slack;
    private SlackServer server;
    private SignedClient client;

    void start(SlackServer.Limits limits) throws IOException {
        slack = new FakeSlack();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        App app = new App(AppConfig.builder().singleTeamBotToken("xoxb-busy").signingSecret(SECRET)
                .slack(Slack.getInstance(config)).build());
        app.command("/nrr", (req, ctx) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ctx.ack("done");
        });
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = SlackServer.start(app, port, new dev.nrrbot.platform.ops.Metrics(), limits);
        client = new SignedClient(port, SECRET);
    }

    @AfterEach
    void stop() {
        release.countDown();
        clients.shutdownNow();
        if (server != null) {
            server.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    private CompletableFuture<HttpResponse<String>> ask() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.command("U1", "x", slack.responseUrl("busy"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, clients);
    }

    @Test
    void withEveryWorkerBusyAndTheQueueFullTheNextRequestIs503AtOnce() throws Exception {
        start(new SlackServer.Limits(2, 2, Duration.ofSeconds(5), Duration.ofSeconds(30), 1 << 20));
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(ask());
        }
        await(() -> server.busyWorkers() == 2 && server.queuedRequests() == 2);

        HttpResponse<String> refused = client.command("U1", "x", slack.responseUrl("busy"));
        Figures.record("queue full", "2 workers busy, 2 queued: the next request HTTP " + refused.statusCode() + " " + refused.body());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo("{\"error\":\"busy\"}");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");

        release.countDown();
        for (CompletableFuture<HttpResponse<String>> f : held) {
            assertThat(f.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(client.command("U1", "x", slack.responseUrl("busy")).statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestThatWaitedPastSlacksDeadlineIsAnswered503NotWorkedOn() throws Exception {
        start(new SlackServer.Limits(1, 4, Duration.ofSeconds(5), Duration.ofMillis(300), 1 << 20));
        CompletableFuture<HttpResponse<String>> first = ask();
        await(() -> server.busyWorkers() == 1);
        CompletableFuture<HttpResponse<String>> second = ask();
        await(() -> server.queuedRequests() == 1);
        Thread.sleep(400); // the second request is now older than the 300 ms the queue may hold it
        release.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        HttpResponse<String> late = second.get(20, TimeUnit.SECONDS);
        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.body()).isEqualTo("{\"error\":\"busy\"}");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server did not reach the expected state in 20 s");
            }
            Thread.sleep(10);
        }
    }
}
