package dev.nrrbot.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.serve.SharedBot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Bodies far larger than anything Slack sends, unsigned: refused unread, never logged, no OutOfMemoryError. */
@Tag("hostile")
class LargeBodiesTest extends SharedBot {

    static final int FIVE_MB = 5 * 1024 * 1024;
    static final int THIRTY_MB = 30 * 1024 * 1024;

    @Test
    void twentyFiveMegabyteUnsignedBodiesAreRefused413UnreadAndTheLogStaysShort() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        long start = System.nanoTime();
        int logged;
        String text;
        try (CapturedLog log = CapturedLog.start()) {
            for (int i = 0; i < 20; i++) {
                try (Socket s = RawHttp.connect(bot.bot.port(), Duration.ofSeconds(10))) {
                    // the headers and a first 64 KiB, as a client that does not wait sends them; the server answers on the headers
                    RawHttp.send(s, RawHttp.unsignedHead(FIVE_MB) + "payload=BODY-MARKER-5MB%0A[main]%20INFO%20forged" + "x".repeat(64 * 1024));
                    int status;
                    try {
                        status = RawHttp.status(s);
                    } catch (IOException e) {
                        status = -1;
                    }
                    statuses.add(status);
                }
            }
            logged = log.bytes();
            text = log.text();
        }
        Figures.record("20 x 5 MB unsigned", "statuses " + Figures.counts(statuses) + ", log grew " + logged + " bytes, "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertThat(statuses).containsOnly(413);
        assertThat(text).doesNotContain("BODY-MARKER").doesNotContain("forged").doesNotContain("xxxxxxxx");
        assertThat(logged).as("a short line at most per refusal").isLessThan(20 * 200);
        assertThat(bot.client.command("U0VIEWER", "trend", bot.slack.responseUrl("r")).statusCode()).isEqualTo(200);
    }

    @Test
    void tenThirtyMegabyteBodiesAtOnceCauseNoOutOfMemoryError() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<String> outcomes;
        String text;
        try (CapturedLog log = CapturedLog.start()) {
            List<Future<String>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                boolean chunked = i % 2 == 0; // chunked: the server learns the size only by reading
                sent.add(clients.submit(() -> upload(chunked, clients)));
            }
            outcomes = new ArrayList<>();
            for (Future<String> f : sent) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(bot.client.command("U0VIEWER", "trend", bot.slack.responseUrl("r")).statusCode()).isEqualTo(200);
            text = log.text();
        } finally {
            clients.shutdownNow();
        }
        Figures.record("10 x 30 MB at once (5 chunked)", "outcomes " + outcomes + (text.contains("OutOfMemoryError") ? ", OutOfMemoryError logged" : ""));
        assertThat(text).doesNotContain("OutOfMemoryError");
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isIn("413", "closed by the server"));
    }

    /** Sends a 30 MB body while reading the answer: "413", another status, or "closed by the server". */
    private String upload(boolean chunked, ExecutorService pool) throws Exception {
        try (Socket s = RawHttp.connect(bot.bot.port(), Duration.ofSeconds(45))) {
            RawHttp.send(s, RawHttp.unsignedHead(chunked ? -1 : THIRTY_MB));
            Future<?> writing = pool.submit(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'x');
                OutputStream out = s.getOutputStream();
                for (int sent = 0; sent < THIRTY_MB; sent += chunk.length) {
                    if (chunked) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write(chunk);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
                return null;
            });
            try {
                return Integer.toString(RawHttp.status(s));
            } catch (IOException e) {
                return "closed by the server";
            } finally {
                writing.cancel(true);
            }
        }
    }
}
