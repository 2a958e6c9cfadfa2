package dev.nrrbot.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.serve.SharedBot;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bodies that arrive one byte at a time, from anyone who can reach the port: they must not hold the
 * threads that answer Slack, and each is cut off once its time is up.
 */
@Tag("hostile")
class SlowBodiesTest extends SharedBot {

    static final int CONNECTIONS = 250;
    static final long SLACK_DEADLINE_MS = 3_000;

    @Test
    void signedCommandsAreAnsweredWithinSlacksDeadlineWhile250ConnectionsTrickleTheirBodies() throws Exception {
        List<Long> millis = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (SlowBodies slow = SlowBodies.open(bot.bot.port(), CONNECTIONS, Duration.ofSeconds(2))) {
            assertThat(slow.awaitEachSent(2, Duration.ofSeconds(30))).as("every slow connection is past its first bytes").isTrue();
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> r = bot.client.command("U0VIEWER", i % 2 == 0 ? "trend" : "2026-Q3", bot.slack.responseUrl("s"));
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    if (r.statusCode() == 200 && r.body().contains("blocks")) {
                        millis.add(ms);
                    } else {
                        failures.add("HTTP " + r.statusCode() + " after " + ms + " ms");
                    }
                } catch (IOException e) {
                    failures.add(e.getClass().getSimpleName() + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
                }
            }
            Figures.record("slow bodies", CONNECTIONS + " connections at 1 byte / 2 s: " + millis.size() + " of 20 /nrr answered, "
                    + Figures.latency(millis) + (failures.isEmpty() ? "" : "; failed: " + failures.subList(0, Math.min(3, failures.size()))));
        }
        assertThat(failures).isEmpty();
        assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(SLACK_DEADLINE_MS));
    }

    @Test
    void aBodyThatTricklesIsAnswered408WhenItsTimeIsUp() throws Exception {
        try (Socket s = RawHttp.connect(bot.bot.port(), Duration.ofSeconds(60))) {
            RawHttp.send(s, RawHttp.unsignedHead(1_000));
            long start = System.nanoTime();
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 1_000; i++) {
                        s.getOutputStream().write('a');
                        s.getOutputStream().flush();
                        Thread.sleep(500);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection, or the test is over
                }
            }, "trickle");
            trickle.setDaemon(true);
            trickle.start();
            int status;
            try {
                status = RawHttp.status(s);
            } catch (IOException e) {
                status = -1;
            }
            trickle.interrupt();
            Figures.record("one slow body", "1 byte / 0.5 s: HTTP " + status + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
            assertThat(status).isEqualTo(408);
        }
    }
}
