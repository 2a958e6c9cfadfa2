package dev.nrrbot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.demo.SyntheticCompany;
import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.outbox.db.Outbox;
import dev.nrrbot.outbox.OutboxMessage;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code serve} processes on one PostgreSQL: either answers; schedules, follow-ups and the
 * outbox post each message once; a process killed in the middle of deliveries sends nothing twice, and
 * loses nothing but the outcome of the one message it was sending (recorded as unknown).
 */
@EnabledIfEnvironmentVariable(named = "NRR_TEST_DATABASE_URL", matches = "jdbc:postgresql:.*")
class TwoInstancesTest {

    @TempDir
    Path dir;
    final List<ChildBot> children = new ArrayList<>();
    String schema;
    Database db;

    @AfterEach
    void stop() throws Exception {
        for (ChildBot child : children) {
            child.close();
        }
        if (db != null) {
            db.close();
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(System.getenv("NRR_TEST_DATABASE_URL"))) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** A real serve on {@code url}, running the jobs every second with a short lease; stopped after the test. */
    ChildBot serve(String url, FakeSlack slack, String name) throws Exception {
        ChildBot child = ChildBot.start(url, slack, dir.resolve(name + ".log"),
                Map.of("NRR_JOB_PERIOD_SECONDS", "1", "NRR_OUTBOX_LEASE_SECONDS", "4"));
        children.add(child);
        return child;
    }

    Map<String, Long> sentTexts(FakeSlack slack) {
        return slack.calls("chat.postMessage").stream().collect(Collectors.groupingBy(c -> c.params().get("text"), Collectors.counting()));
    }

    void await(java.util.function.BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
    }

    @Test
    void twoProcessesShareTheWorkAndPostEachMessageOnce() throws Exception {
        schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String base = System.getenv("NRR_TEST_DATABASE_URL");
        try (Connection c = DriverManager.getConnection(base)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        db = Database.open(url);
        JdbiRevenueStore store = new JdbiRevenueStore(db, java.time.Clock.systemUTC());
        SyntheticCompany.Files3 files = new SyntheticCompany(150, YearMonth.of(2026, 10), 24, 3L).writeTo(dir.resolve("csv"));
        new Importer(store).run(ImportKind.ACCOUNTS, files.accounts(), ImportOptions.DEFAULTS, null);
        new Importer(store).run(ImportKind.MRR, files.mrr(), ImportOptions.DEFAULTS, null);
        Instant now = Instant.now();
        // a weekly readout due a minute ago, and a flag nobody acknowledged for a week (a reminder is due)
        db.jdbi().useHandle(h -> {
            java.time.ZonedDateTime due = now.minusSeconds(60).atZone(ZoneOffset.UTC);
            h.execute("INSERT INTO readout_schedule (kind, channel_id, cadence, weekday, at_time, zone, show_names, created_by,"
                    + " created_at, active) VALUES ('weekly', 'C0NRR', 'weekly', ?, ?, 'UTC', FALSE, 'U0ADMIN', ?, TRUE)",
                    due.getDayOfWeek().name(), String.format("%02d:%02d", due.getHour(), due.getMinute()),
                    OffsetDateTime.ofInstant(now.minusSeconds(3600 * 24 * 8), ZoneOffset.UTC));
            h.execute("INSERT INTO function_owner (function_code, user_id, set_by, set_at) VALUES ('product', 'U0PAT', 'U0ADMIN', ?)",
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            OffsetDateTime weekAgo = OffsetDateTime.ofInstant(now.minusSeconds(3600 * 24 * 7), ZoneOffset.UTC);
            h.execute("INSERT INTO risk_flag (account_id, function_code, note, arr_cents, state, assignee, flagged_by, created_at,"
                    + " updated_at, nudges, last_nudged_at, version) VALUES ('ACME-00001', 'product', 'SSO', 100000, 'open',"
                    + " 'U0PAT', 'U0ALEX', ?, ?, 1, ?, 0)", weekAgo, weekAgo, weekAgo);
        });
        try (FakeSlack slack = new FakeSlack()) {
            ChildBot a = serve(url, slack, "a");
            ChildBot b = serve(url, slack, "b");

            // either answers commands
            for (ChildBot child : List.of(a, b)) {
                HttpResponse<String> r = child.client().command("U0X", "trend", slack.responseUrl("x"));
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("T12M NRR trend");
            }
            // the schedule and the follow-up each post once, though both processes run the jobs every second
            await(() -> sentTexts(slack).keySet().stream().anyMatch(t -> t.startsWith("Weekly NRR readout"))
                    && sentTexts(slack).keySet().stream().anyMatch(t -> t.startsWith("Reminder")), 60);
            Thread.sleep(3000);
            Map<String, Long> texts = sentTexts(slack);
            assertThat(texts.entrySet().stream().filter(e -> e.getKey().startsWith("Weekly NRR readout")).mapToLong(Map.Entry::getValue).sum())
                    .isEqualTo(1);
            assertThat(texts.entrySet().stream().filter(e -> e.getKey().startsWith("Reminder")).mapToLong(Map.Entry::getValue).sum())
                    .isEqualTo(1);

            // a burst through the outbox: each message once
            Outbox outbox = new Outbox(db.jdbi());
            for (int i = 1; i <= 30; i++) {
                outbox.enqueue(new OutboxMessage("burst:" + i, OutboxMessage.POST_MESSAGE, "C0DELIVERY",
                        dev.nrrbot.platform.slack.MessageBody.json("burst " + i, new BlockKit().text("burst " + i).build(), null)), Instant.now());
            }
            await(() -> outbox.depth() == 0, 60);
            Map<String, Long> burst = sentTexts(slack).entrySet().stream().filter(e -> e.getKey().startsWith("burst "))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(burst).hasSize(30).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(1L));

            // one process dies in the middle of slow deliveries: the other delivers everything it held
            slack.delay("chat.postMessage", 700);
            for (int i = 1; i <= 12; i++) {
                outbox.enqueue(new OutboxMessage("crash:" + i, OutboxMessage.POST_MESSAGE, "C0DELIVERY",
                        dev.nrrbot.platform.slack.MessageBody.json("crash " + i, new BlockKit().text("crash " + i).build(), null)), Instant.now());
            }
            Thread.sleep(2500);
            b.kill();
            await(() -> outbox.depth() == 0, 60);
            assertThat(outbox.depth()).isZero();
            Map<String, Long> crash = sentTexts(slack).entrySet().stream().filter(e -> e.getKey().startsWith("crash "))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            // nothing lost and nothing twice: a message b was sending when it died may have reached Slack, so it is
            // recorded as unknown and not sent again; every other one was sent once
            java.util.Set<String> unknown = db.jdbi().withHandle(h -> h.createQuery("SELECT dedupe_key FROM outbox"
                    + " WHERE dedupe_key LIKE 'crash:%' AND unknown_at IS NOT NULL").mapTo(String.class).set());
            assertThat(unknown).hasSizeLessThanOrEqualTo(1);
            assertThat(crash).as("posts per message: " + crash).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(1L));
            for (int i = 1; i <= 12; i++) {
                if (!unknown.contains("crash:" + i)) {
                    assertThat(crash).containsEntry("crash " + i, 1L);
                }
            }
        }
    }
}
