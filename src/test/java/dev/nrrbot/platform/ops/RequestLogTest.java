package dev.nrrbot.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A graceful stop: requests in flight finish, new ones are turned away with 503 so Slack retries elsewhere. */
class RequestLogTest {

    static final java.util.function.Predicate<String> COMMANDS = java.util.Set.of("trend", "reasons", "account")::contains;

    static SlashCommandRequest command(String text) {
        return new SlashCommandRequest("command=%2Fnrr&text=" + text + "&user_id=U1&team_id=T1", new RequestHeaders(Map.of()));
    }

    @Test
    void drainWaitsForRequestsInFlightAndRefusesNewOnes() throws Exception {
        Metrics metrics = new Metrics();
        RequestLog log = new RequestLog(metrics, COMMANDS);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return log.apply(command("trend"), Response.builder().build(), req -> {
                    inside.countDown();
                    release.await(5, TimeUnit.SECONDS);
                    return Response.ok("{}");
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> draining = CompletableFuture.runAsync(() -> {
            try {
                log.drain(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // once draining has begun, new requests are refused; the drain cannot end while one is in flight
        Response refused = log.apply(command("reasons"), Response.builder().build(), req -> Response.ok("{}"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (refused.getStatusCode() != 503 && System.nanoTime() < deadline) {
            Thread.sleep(1); // polling for the drain to begin, not waiting for something not to happen
            refused = log.apply(command("reasons"), Response.builder().build(), req -> Response.ok("{}"));
        }
        assertThat(refused.getStatusCode()).isEqualTo(503);
        assertThat(draining).isNotDone(); // still waiting for the request in flight, which is held by the latch
        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS).getStatusCode()).isEqualTo(200);
        draining.get(5, TimeUnit.SECONDS);
        assertThat(log.inFlight()).isZero();
        assertThat(metrics.scrape()).contains("nrr_requests_total{command=\"trend\",kind=\"command\",outcome=\"ok\"} 1.0");
    }

    @Test
    void theLoggedCommandIsTheFirstWordOnlyNeverWhatFollows() {
        assertThat(RequestLog.command(command(""), COMMANDS)).isEqualTo("(report)");
        assertThat(RequestLog.command(command("account+Secret+Customer"), COMMANDS)).isEqualTo("account");
        assertThat(RequestLog.command(command("2026-Q3"), COMMANDS)).isEqualTo("(window)");
        assertThat(RequestLog.command(command("whatever+else"), COMMANDS)).isEqualTo("(other)");
    }
}
