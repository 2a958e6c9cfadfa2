package dev.nrrbot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /nrr} on the running bot reuses pooled connections: once the pool is warm, answers open no new
 * physical connection (on embedded H2, and on PostgreSQL when the suite runs against it).
 */
class PooledConnectionsTest {

    @TempDir
    Path dir;

    @Test
    void nrrAnswersOpenNoNewDatabaseConnection() throws Exception {
        try (RunningBot bot = RunningBot.start(dir)) {
            // more connections than a request, its background answer and the outbox ever use at once: the pool
            // has reached its working size, so what the count shows is reuse, not growth
            grow(bot, 4);
            ask(bot, "");
            ask(bot, "2026-Q3");
            long before = bot.db.connectionsOpened();
            int requests = 0;
            for (int i = 0; i < 5; i++) {
                assertThat(ask(bot, "")).contains("T12M to 2026-10");
                assertThat(ask(bot, "2026-Q3")).contains("2026-Q3");
                requests += 2;
            }
            long after = bot.db.connectionsOpened();
            System.out.printf("%s: physical connections opened before=%d after=%d over %d /nrr requests, pool %s%n",
                    bot.db.isPostgres() ? "postgres" : "h2", before, after, requests, bot.db.poolState());
            assertThat(after).as("physical connections opened by %d /nrr answers", requests).isEqualTo(before);

            HttpResponse<String> metrics = bot.client.get("/metrics");
            assertThat(metric(metrics.body(), "nrr_db_connections_opened_total")).isEqualTo(after);
            assertThat(metric(metrics.body(), "nrr_db_connections_idle")).isPositive();
            assertThat(metrics.body()).contains("nrr_db_connections_active ");
            assertThat(bot.db.connectionsOpened()).as("a scrape opens nothing either").isEqualTo(after);
        }
    }

    private static void grow(RunningBot bot, int n) throws java.sql.SQLException {
        List<Handle> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Handle h = bot.db.jdbi().open();
                held.add(h);
                h.getConnection().isValid(5);
            }
        } finally {
            held.forEach(Handle::close);
        }
    }

    private static String ask(RunningBot bot, String text) throws Exception {
        HttpResponse<String> r = bot.client.command("U0VIEWER", text, bot.slack.responseUrl("r1"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return BlockText.of(com.google.gson.JsonParser.parseString(r.body()).getAsJsonObject());
    }

    private static long metric(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.E+]+)$").matcher(scrape);
        assertThat(m.find()).as(name + " in\n" + scrape).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }
}
