package dev.nrrbot.readouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.outbox.OutboxMessage;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.platform.db.TestDatabase;
import dev.nrrbot.readouts.db.JdbiReadoutStore;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Schedules read back as written, and a readout's messages are queued once, all or none, however many try at once. */
class ReadoutStoreTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @AutoClose
    TestDatabase database = TestDatabase.memory();
    Database db;
    ReadoutStore store;
    ExecutorService pool;

    @BeforeEach
    void open() {
        db = database.open();
        store = new JdbiReadoutStore(db.jdbi());
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
    }

    static List<OutboxMessage> readout(String key) {
        return List.of(new OutboxMessage(key + ":message", OutboxMessage.POST_MESSAGE, "C0LEAD", "{\"text\":\"hi\"}"),
                new OutboxMessage(key + ":chart1", OutboxMessage.FILE_UPLOAD, "C0LEAD", "{\"png\":\"\"}"));
    }

    int rows(String key) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE :k")
                .bind("k", key + ":%").mapTo(Integer.class).one());
    }

    @Test
    void aScheduleReadsBackAsWritten() {
        Schedule added = store.add(new Schedule(0, Schedule.Kind.REASONS, "C0CS", Schedule.Cadence.MONTHLY, DayOfWeek.TUESDAY,
                LocalTime.of(9, 30), ZoneId.of("Europe/Berlin"), true, "U0LEAD", null), NOW);
        assertThat(store.active()).containsExactly(added);
        assertThat(added.createdAt()).isEqualTo(NOW);
        assertThat(store.deactivate(added.id())).isTrue();
        assertThat(store.deactivate(added.id())).isFalse();
        assertThat(store.active()).isEmpty();
    }

    @Test
    void aKeyIsQueuedOnce() {
        assertThat(store.queued("quarterly:V1:message")).isFalse();
        assertThat(store.queue(readout("quarterly:V1"), NOW)).isTrue();
        assertThat(store.queued("quarterly:V1:message")).isTrue();
        assertThat(store.queue(readout("quarterly:V1"), NOW)).isFalse();
        assertThat(rows("quarterly:V1")).isEqualTo(2);
        assertThat(store.queue(List.of(), NOW)).isFalse();
    }

    @Test
    void concurrentQueuesOfOneKeyQueueOneCopy() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = "quarterly:V" + round;
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tries.add(pool.submit(() -> {
                    go.await();
                    return store.queue(readout(key), NOW);
                }));
            }
            go.countDown();
            int through = 0;
            for (Future<Boolean> t : tries) {
                through += t.get() ? 1 : 0;
            }
            // one copy whoever won; a caller that raced the winner may not know it lost (it is told false only
            // when the key was there before it began), so the count of trues is at least one
            assertThat(through).as(key).isPositive();
            assertThat(rows(key)).as(key).isEqualTo(2);
            assertThat(store.queue(readout(key), NOW)).as(key).isFalse();
        }
    }
}
