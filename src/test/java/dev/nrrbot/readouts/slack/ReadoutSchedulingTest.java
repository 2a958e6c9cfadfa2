package dev.nrrbot.readouts.slack;

import dev.nrrbot.comp.db.JdbiCompStore;
import dev.nrrbot.readouts.Schedule;
import dev.nrrbot.readouts.db.JdbiReadoutStore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.demo.SyntheticCompany;
import dev.nrrbot.flags.db.JdbiFlagStore;
import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.serve.MovableClock;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import dev.nrrbot.platform.db.TestDatabase;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each schedule posts exactly once per period: across restarts, with two schedulers on one database, late or not. */
class ReadoutSchedulingTest {

    @TempDir
    Path dir;
    @AutoClose
    TestDatabase database;
    Database db;
    MovableClock clock;
    PortfolioCache cacheA;
    PortfolioCache cacheB;

    @BeforeEach
    void data() throws Exception {
        database = TestDatabase.file(dir.resolve("nrr"));
        db = database.open();
        clock = new MovableClock(Instant.parse("2026-11-20T12:00:00Z")); // a Friday
        JdbiRevenueStore store = new JdbiRevenueStore(db, clock);
        SyntheticCompany.Files3 files = new SyntheticCompany(200, YearMonth.of(2026, 10), 24, 5L).writeTo(dir.resolve("csv"));
        new Importer(store).run(ImportKind.MRR, files.mrr(), ImportOptions.DEFAULTS, null);
        new Importer(store).run(ImportKind.REASONS, files.reasons(), ImportOptions.DEFAULTS, null);
        cacheA = new PortfolioCache(store);
        cacheB = new PortfolioCache(new JdbiRevenueStore(db, clock));
    }

    @AfterEach
    void close() {
        cacheA.close();
        cacheB.close();
    }

    ReadoutService service(PortfolioCache cache) {
        return new ReadoutService(new JdbiReadoutStore(db.jdbi()), cache, new JdbiFlagStore(db.jdbi())::active,
                new JdbiCompStore(db.jdbi()), clock, null);
    }

    Schedule schedule(ReadoutService s, Schedule.Kind kind) {
        return s.store().add(new Schedule(0, kind, "C0NRR", Schedule.Cadence.WEEKLY, DayOfWeek.MONDAY, LocalTime.of(9, 0),
                ZoneId.of("Europe/Berlin"), false, "U1", null), clock.instant());
    }

    int messages(long scheduleId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE :k AND method = 'chat.postMessage'")
                .bind("k", "readout:" + scheduleId + ":%").mapTo(Integer.class).one());
    }

    @Test
    void twoSchedulersOnOneDatabasePostOncePerPeriodAndARestartPostsNothingMore() throws Exception {
        ReadoutService a = service(cacheA);
        ReadoutService b = service(cacheB);
        Schedule weekly = schedule(a, Schedule.Kind.WEEKLY);
        assertThat(a.runDue() + b.runDue()).isZero(); // nothing due before the first Monday
        clock.set(Instant.parse("2026-11-23T08:00:00Z")); // Monday 09:00 in Berlin
        ExecutorService two = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = List.of(two.submit(() -> {
            go.await();
            return a.runDue();
        }), two.submit(() -> {
            go.await();
            return b.runDue();
        }));
        go.countDown();
        int posted = runs.get(0).get() + runs.get(1).get();
        two.shutdown();
        assertThat(posted).isEqualTo(1);
        assertThat(messages(weekly.id())).isEqualTo(1);
        // a restart: a new service on the same database finds the period handled
        clock.advance(Duration.ofMinutes(5));
        assertThat(service(cacheA).runDue()).isZero();
        assertThat(messages(weekly.id())).isEqualTo(1);
        // next week, once more
        clock.set(Instant.parse("2026-11-30T08:00:30Z"));
        assertThat(a.runDue() + b.runDue()).isEqualTo(1);
        assertThat(messages(weekly.id())).isEqualTo(2);
    }

    @Test
    void aPostMissedByLessThanADayGoesOutLateOnceAndAnOlderOneIsSkipped() {
        ReadoutService a = service(cacheA);
        Schedule weekly = schedule(a, Schedule.Kind.WEEKLY);
        clock.set(Instant.parse("2026-11-23T08:00:00Z").plus(Duration.ofHours(5))); // the bot was down at 09:00
        assertThat(a.runDue()).isEqualTo(1);
        assertThat(a.runDue()).isZero();
        assertThat(messages(weekly.id())).isEqualTo(1);

        clock.set(Instant.parse("2026-11-30T08:00:00Z").plus(Duration.ofHours(30))); // down for more than a day
        assertThat(a.runDue()).isZero();
        assertThat(messages(weekly.id())).isEqualTo(1);
        String outcome = db.jdbi().withHandle(h -> h.createQuery("SELECT outcome FROM readout_run WHERE schedule_id = :s AND period_key = '2026-11-30'")
                .bind("s", weekly.id()).mapTo(String.class).one());
        assertThat(outcome).isEqualTo("skipped");
    }

    @Test
    void theWeeklyReadoutComparesWithLastWeeksPost() {
        ReadoutService a = service(cacheA);
        Schedule weekly = schedule(a, Schedule.Kind.WEEKLY);
        clock.set(Instant.parse("2026-11-23T08:00:00Z"));
        a.runDue();
        clock.set(Instant.parse("2026-11-30T08:00:00Z"));
        a.runDue();
        String second = db.jdbi().withHandle(h -> h.createQuery("SELECT body FROM outbox WHERE dedupe_key = :k")
                .bind("k", "readout:" + weekly.id() + ":2026-11-30:message").mapTo(String.class).one());
        assertThat(second).contains("vs last week: +0.0 pts").contains("vs last month's close");
        String first = db.jdbi().withHandle(h -> h.createQuery("SELECT body FROM outbox WHERE dedupe_key = :k")
                .bind("k", "readout:" + weekly.id() + ":2026-11-23:message").mapTo(String.class).one());
        assertThat(first).contains("first weekly readout in this channel");
        // two years loaded at once is history, named as such, with its latest month's movements; not "a week"
        assertThat(first).contains("History from 2024-11 through 2026-10 (24 months) was loaded")
                .contains("movements of its latest month, 2026-10").doesNotContain("arrived this week");
        // the next readout covers what arrived since the first: nothing
        assertThat(second).contains("No new revenue data arrived since the last readout");
    }
}
