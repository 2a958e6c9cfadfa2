package dev.nrrbot.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.nrrbot.demo.SyntheticCompany;
import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.platform.db.TestDatabase;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user was told is on disk: a real {@code serve} on an H2 file is killed with SIGKILL a
 * moment after it acknowledged {@code /nrr flag}, and after the restart the flag and the DM it
 * queued are there. Before the bot opened H2 with {@code WRITE_DELAY=0;REUSE_SPACE=FALSE}, H2 kept a
 * commit in memory for up to half a second and most of these flags vanished.
 */
class KilledAfterAckTest {

    /** How long after the reply each kill comes, in milliseconds (the issue lost flags at 0.2-0.5 s). */
    static final int[] KILL_AFTER_MS = {200, 300, 400, 500, 250, 0};
    static final Pattern FLAG_ID = Pattern.compile("flag #(\\d+)");

    @TempDir
    Path dir;

    @Test
    void aFlagAcknowledgedBeforeAKillIsThereAfterTheRestart() throws Exception {
        assumeFalse(TestDatabase.onPostgres(), "about H2's delayed commit; PostgreSQL commits before it answers");
        String url = "jdbc:h2:file:" + dir.resolve("nrr").toAbsolutePath(); // as a user would give it: no settings
        try (Database db = Database.open(url)) {
            JdbiRevenueStore store = new JdbiRevenueStore(db, java.time.Clock.systemUTC());
            SyntheticCompany.Files3 files = new SyntheticCompany(60, YearMonth.of(2026, 10), 12, 5L).writeTo(dir.resolve("csv"));
            new Importer(store).run(ImportKind.ACCOUNTS, files.accounts(), ImportOptions.DEFAULTS, null);
            new Importer(store).run(ImportKind.MRR, files.mrr(), ImportOptions.DEFAULTS, null);
            db.jdbi().useHandle(h -> h.execute("INSERT INTO function_owner (function_code, user_id, set_by, set_at)"
                    + " VALUES ('product', 'U0PAT', 'U0ADMIN', ?)", OffsetDateTime.now(ZoneOffset.UTC)));
        }
        List<String> lost = new ArrayList<>();
        try (FakeSlack slack = new FakeSlack()) {
            for (int i = 0; i < KILL_AFTER_MS.length; i++) {
                Map<Long, String> told = new java.util.LinkedHashMap<>();
                try (ChildBot bot = ChildBot.start(url, slack, dir.resolve("serve.log"), Map.of())) {
                    // two people flag accounts a moment apart: the second commit comes while H2 still holds the first
                    for (int k = 1; k <= 2; k++) {
                        String note = "kill test " + i + "." + k;
                        HttpResponse<String> r = bot.client().command(RunningBot.ADMIN,
                                "flag ACME-000" + (10 + 2 * i + k) + " product " + note, slack.responseUrl("k" + i + k));
                        assertThat(r.statusCode()).isEqualTo(200);
                        Matcher m = FLAG_ID.matcher(r.body());
                        assertThat(m.find()).as("the flag was acknowledged: " + r.body()).isTrue();
                        told.put(Long.parseLong(m.group(1)), note);
                    }
                    if (KILL_AFTER_MS[i] > 0) {
                        Thread.sleep(KILL_AFTER_MS[i]); // the point of the test: the kill comes this long after the reply
                    }
                    bot.kill();
                }
                // the restart: the database is opened again, as the next serve will
                try (Connection c = DriverManager.getConnection(url)) {
                    for (Map.Entry<Long, String> f : told.entrySet()) {
                        boolean flag = exists(c, "SELECT 1 FROM risk_flag WHERE id = ? AND note = ?", f.getKey(), f.getValue());
                        boolean dm = exists(c, "SELECT 1 FROM outbox WHERE dedupe_key = ? AND recipient = 'U0PAT'",
                                "flag:" + f.getKey() + ":new", null);
                        if (!flag || !dm) {
                            lost.add("kill " + KILL_AFTER_MS[i] + " ms after the reply: flag #" + f.getKey() + (flag ? " kept" : " lost")
                                    + ", its DM " + (dm ? "kept" : "lost"));
                        }
                    }
                }
            }
        }
        assertThat(lost).as("flags lost in " + KILL_AFTER_MS.length + " kills (two acknowledged before each)").isEmpty();
    }

    private static boolean exists(Connection c, String sql, Object a, Object b) throws Exception {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, a);
            if (b != null) {
                st.setObject(2, b);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }
}
