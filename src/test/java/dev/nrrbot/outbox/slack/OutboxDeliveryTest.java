package dev.nrrbot.outbox.slack;

import dev.nrrbot.serve.FakeSlack;
import dev.nrrbot.serve.RunningBot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.outbox.db.Outbox;
import dev.nrrbot.outbox.OutboxMessage;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.db.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing lost, nothing doubled: the outbox against Slack's 429s, 5xx, ok:false, restarts and a dead instance. */
class OutboxDeliveryTest {

    @TempDir
    Path dir;

    static OutboxMessage message(int i) {
        return new OutboxMessage("test:" + i, OutboxMessage.POST_MESSAGE, "U0PAT",
                dev.nrrbot.platform.slack.MessageBody.json("message " + i, new BlockKit().text("message " + i).build(), null));
    }

    /** Successful deliveries per message text (failed attempts answered 429/5xx and do not count). */
    static Map<String, Long> delivered(FakeSlack slack, int failedAttempts) {
        List<FakeSlack.Call> calls = slack.calls("chat.postMessage");
        return calls.subList(Math.min(failedAttempts, calls.size()), calls.size()).stream()
                .collect(Collectors.groupingBy(c -> c.params().get("text"), Collectors.counting()));
    }

    void waitUntil(java.util.function.BooleanSupplier done, RunningBot bot) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            bot.clock.advance(Duration.ofSeconds(2)); // Retry-After and back-off are measured on the clock
            Thread.sleep(150);
        }
    }

    @Test
    void aBurstOf429sIsWaitedOutAndEachMessageArrivesOnce() throws Exception {
        try (RunningBot bot = RunningBot.start(dir)) {
            bot.slack.failNext("chat.postMessage", 6, 429);
            for (int i = 1; i <= 3; i++) {
                bot.bot.outbox.enqueue(message(i), bot.clock.instant());
            }
            waitUntil(() -> bot.bot.outbox.depth() == 0, bot);
            assertThat(bot.bot.outbox.depth()).isZero();
            assertThat(delivered(bot.slack, 6)).containsOnly(Map.entry("message 1", 1L), Map.entry("message 2", 1L),
                    Map.entry("message 3", 1L));
            assertThat(bot.bot.delivery.rateLimitedCount()).isEqualTo(6);
        }
    }

    @Test
    void nothingGoesToAResponseUrlOrAnUploadUrlOffSlacksHosts() throws Exception {
        try (RunningBot bot = RunningBot.start(dir)) {
            bot.slack.answer("files.getUploadURLExternal", "{\"ok\":true,\"upload_url\":\"https://evil.example/upload/F1\","
                    + "\"file_id\":\"F1\"}");
            String png = java.util.Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
            bot.bot.outbox.enqueue(new OutboxMessage("test:chart", OutboxMessage.FILE_UPLOAD, "C0NEWS",
                    "{\"filename\":\"c.png\",\"title\":\"c\",\"png\":\"" + png + "\"}"), bot.clock.instant());
            bot.bot.outbox.enqueue(new OutboxMessage("test:hook", OutboxMessage.RESPONSE_URL, "https://evil.example/hook",
                    "{\"text\":\"ARR 24,000\"}"), bot.clock.instant());
            waitUntil(() -> bot.bot.outbox.depth() == 0, bot);
            assertThat(bot.slack.calls("upload")).isEmpty();
            assertThat(bot.slack.calls("files.completeUploadExternal")).isEmpty();
            List<String> errors = bot.db.jdbi().withHandle(h -> h.createQuery("SELECT last_error FROM outbox WHERE dedupe_key"
                    + " IN ('test:chart', 'test:hook') ORDER BY dedupe_key").mapTo(String.class).list());
            assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e).contains("not on Slack's hosts"));
            // Slack's own upload URL (here the fake's) is used as before
            bot.slack.answer("files.getUploadURLExternal", "{\"ok\":true,\"upload_url\":\"" + bot.slack.apiUrl()
                    .replace("/api/", "/upload/F2") + "\",\"file_id\":\"F2\"}");
            bot.bot.outbox.enqueue(new OutboxMessage("test:chart2", OutboxMessage.FILE_UPLOAD, "C0NEWS",
                    "{\"filename\":\"c.png\",\"title\":\"c\",\"png\":\"" + png + "\"}"), bot.clock.instant());
            waitUntil(() -> bot.bot.outbox.depth() == 0, bot);
            assertThat(bot.slack.calls("upload")).hasSize(1);
            assertThat(bot.slack.calls("files.completeUploadExternal")).hasSize(1);
        }
    }

    @Test
    void serverErrorsBackOffAndAnOkFalseAnswerIsLoggedAndNotRetried() throws Exception {
        try (RunningBot bot = RunningBot.start(dir)) {
            bot.slack.failNext("chat.postMessage", 2, 503);
            bot.bot.outbox.enqueue(message(1), bot.clock.instant());
            waitUntil(() -> bot.bot.outbox.depth() == 0, bot);
            assertThat(delivered(bot.slack, 2)).containsOnly(Map.entry("message 1", 1L));

            bot.slack.answer("chat.postMessage", "{\"ok\":false,\"error\":\"channel_not_found\"}");
            bot.bot.outbox.enqueue(message(2), bot.clock.instant());
            waitUntil(() -> bot.bot.outbox.depth() == 0, bot);
            int calls = bot.slack.calls("chat.postMessage").size();
            bot.clock.advance(Duration.ofHours(1));
            assertThat(bot.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(bot.slack.calls("chat.postMessage")).hasSize(calls); // given up, not retried
            String error = bot.db.jdbi().withHandle(h -> h.createQuery("SELECT last_error FROM outbox WHERE dedupe_key = 'test:2'")
                    .mapTo(String.class).one());
            assertThat(error).isEqualTo("channel_not_found");
        }
    }

    @Test
    void anAnswerThatSlackMayHaveActedOnIsRecordedAsUnknownAndNotSentAgain() throws Exception {
        try (RunningBot bot = RunningBot.start(dir)) {
            bot.slack.failNext("chat.postMessage", 1, 500); // Slack failed while it handled the post: it may be in the channel
            bot.bot.outbox.enqueue(message(1), bot.clock.instant());
            waitUntil(() -> bot.bot.outbox.depth() == 0, bot);
            bot.slack.answer("chat.postMessage", "{\"ok\":false,\"error\":\"internal_error\"}"); // "some aspect may have succeeded"
            bot.bot.outbox.enqueue(message(2), bot.clock.instant());
            waitUntil(() -> bot.bot.outbox.depth() == 0, bot);
            bot.clock.advance(Duration.ofHours(1));
            assertThat(bot.bot.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(bot.slack.calls("chat.postMessage")).hasSize(2); // one attempt each, none repeated
            assertThat(bot.bot.outbox.unknownCount()).isEqualTo(2);
            List<String> errors = bot.db.jdbi().withHandle(h -> h.createQuery("SELECT last_error FROM outbox ORDER BY id")
                    .mapTo(String.class).list());
            assertThat(errors).satisfiesExactly(e -> assertThat(e).startsWith("unknown: HTTP 500"),
                            e -> assertThat(e).isEqualTo("unknown: Slack answered internal_error"));
            assertThat(bot.client.get("/metrics").body()).contains("nrr_outbox_unknown 2");
        }
    }

    @Test
    void neverReachedIsOnlyAConnectionNeverMade() {
        assertThat(OutboxDelivery.neverReached(new java.net.ConnectException("Connection refused"))).isTrue();
        assertThat(OutboxDelivery.neverReached(new java.io.IOException(new java.net.UnknownHostException("slack.com")))).isTrue();
        assertThat(OutboxDelivery.neverReached(new java.net.SocketTimeoutException("connect timed out"))).isTrue();
        assertThat(OutboxDelivery.neverReached(new java.net.SocketTimeoutException("timeout"))).isFalse(); // read: it went out
        assertThat(OutboxDelivery.neverReached(new java.net.SocketException("Connection reset"))).isFalse();
    }

    @Test
    void aRestartLosesNothingAndASendCutOffByADeadInstanceIsNotRepeated() throws Exception {
        try (TestDatabase database = TestDatabase.file(dir.resolve("nrr"))) {
            restartAndTakeOver(database);
        }
    }

    private void restartAndTakeOver(TestDatabase database) throws Exception {
        try (RunningBot first = RunningBot.start(dir, database)) {
            first.slack.failNext("chat.postMessage", 1000, 503); // Slack is down: everything stays queued
            for (int i = 1; i <= 3; i++) {
                first.bot.outbox.enqueue(message(i), first.clock.instant());
            }
            assertThat(first.bot.awaitIdle(Duration.ofSeconds(10))).isTrue(); // tried, refused, waiting to retry
            assertThat(first.bot.outbox.depth()).isEqualTo(3);
        }
        Instant later = Instant.parse("2026-11-23T11:00:00Z");
        Outbox outbox = new Outbox(database.open().jdbi()); // the same database, opened by another process
        // an instance claimed the oldest message, 1, began sending it and died before Slack's answer was recorded
        assertThat(outbox.claimNext("dead-instance", later.minusSeconds(120), later.minusSeconds(60))).isPresent();
        try (RunningBot second = RunningBot.start(dir, database)) {
            second.clock.set(later);
            waitUntil(() -> second.bot.outbox.depth() == 0, second);
            assertThat(second.bot.outbox.depth()).isZero();
            // messages 2 and 3 once; message 1 may have reached Slack, so it is recorded as unknown and not sent again
            assertThat(delivered(second.slack, 0)).containsOnly(Map.entry("message 2", 1L), Map.entry("message 3", 1L));
            assertThat(second.bot.outbox.unknownCount()).isEqualTo(1);
            String why = second.db.jdbi().withHandle(h -> h.createQuery("SELECT last_error FROM outbox WHERE unknown_at IS NOT NULL")
                    .mapTo(String.class).one());
            assertThat(why).startsWith("unknown: dead-instance began sending at 2026-11-23T10:58:00Z")
                    .contains("claim at 2026-11-23T10:59:00Z");
        }
    }
}
