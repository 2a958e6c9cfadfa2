package dev.nrrbot.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import dev.nrrbot.serve.RunningBot;
import dev.nrrbot.serve.SignedClient;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first burst after start: 200 signed /nrr at once, each on its own new connection, the moment the bot is up. */
@Tag("hostile")
class StartBurstTest {

    static final int BURST = 200;

    @TempDir
    Path dir;

    @Test
    void twoHundredConcurrentCommandsRightAfterStartAreAllAnsweredNoneReset() throws Exception {
        try (RunningBot bot = RunningBot.start(dir)) {
            List<byte[]> requests = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                String body = SignedClient.form(Map.of("command", "/nrr", "text", i % 2 == 0 ? "" : "trend", "user_id", "U0VIEWER",
                        "team_id", "T0ACME", "channel_id", "C0GENERAL", "trigger_id", "1.2." + i, "response_url", bot.slack.responseUrl("b")));
                String ts = Long.toString(SignedClient.now());
                String head = RawHttp.head(body.getBytes(StandardCharsets.UTF_8).length, ts,
                        new SlackSignature.Generator(RunningBot.SECRET).generate(ts, body));
                requests.add((head.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n") + body).getBytes(StandardCharsets.UTF_8));
            }
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            List<Long> millis = new CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> clients = new ArrayList<>();
            for (byte[] request : requests) {
                // a connection of its own each, as Slack's many senders open them
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        long start = System.nanoTime();
                        String answer;
                        try (Socket s = RawHttp.connect(bot.bot.port(), Duration.ofSeconds(20))) {
                            s.getOutputStream().write(request);
                            s.getOutputStream().flush();
                            answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        }
                        millis.add((System.nanoTime() - start) / 1_000_000);
                        String outcome = answer.startsWith("HTTP/1.1 200") && answer.contains("blocks") ? "answered"
                                : answer.isEmpty() ? "closed without an answer" : answer.lines().findFirst().orElse("");
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    } catch (IOException e) {
                        outcomes.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(), k -> new AtomicInteger()).incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "burst");
                t.start();
                clients.add(t);
            }
            go.countDown();
            for (Thread t : clients) {
                t.join(60_000);
            }
            Figures.record("burst of 200 right after start", outcomes + ", " + Figures.latency(millis));
            assertThat(outcomes.keySet()).containsOnly("answered");
            assertThat(outcomes.get("answered").get()).isEqualTo(BURST);
        }
    }
}
