package dev.nrrbot.revenue.db;

import dev.nrrbot.platform.db.DatabaseCopy;
import dev.nrrbot.revenue.RevenueStore;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.platform.db.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.demo.SyntheticCompany;
import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.numbers.render.JsonReport;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same migrations and the same imports give the same numbers on PostgreSQL as on H2. Runs when
 * NRR_TEST_DATABASE_URL names a PostgreSQL server (in both Surefire executions: it compares the two
 * databases, so which one the rest of the suite is on does not matter); each test uses a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "NRR_TEST_DATABASE_URL", matches = "jdbc:postgresql:.*")
class PostgresStoreTest {

    @TempDir
    Path dir;

    /** Always PostgreSQL, whatever the run is on; its schema is dropped after each test. */
    @AutoClose
    TestDatabase postgres = TestDatabase.postgres();
    private final java.util.List<Database> opened = new java.util.ArrayList<>();

    @Test
    void postgresAndH2AgreeToTheCentAndReimportChangesNothing() throws Exception {
        SyntheticCompany.Files3 files = new SyntheticCompany(300, YearMonth.of(2026, 10), 24, 7L).writeTo(dir);
        RevenueStore pg = new JdbiRevenueStore(postgres.open(), java.time.Clock.systemUTC());
        // H2 on purpose, in every run: the reference PostgreSQL is compared with
        RevenueStore h2 = new JdbiRevenueStore(embedded("h2"), java.time.Clock.systemUTC());
        for (RevenueStore store : new RevenueStore[] {pg, h2}) {
            Importer importer = new Importer(store);
            importer.run(ImportKind.ACCOUNTS, files.accounts(), ImportOptions.DEFAULTS, null);
            importer.run(ImportKind.MRR, files.mrr(), ImportOptions.DEFAULTS, null);
            importer.run(ImportKind.REASONS, files.reasons(), ImportOptions.DEFAULTS, null);
        }
        assertThat(reports(pg)).isEqualTo(reports(h2));

        String before = reports(pg);
        new Importer(pg).run(ImportKind.REASONS, files.reasons(), ImportOptions.DEFAULTS, null);
        new Importer(pg).run(ImportKind.MRR, files.mrr(), ImportOptions.DEFAULTS, null);
        assertThat(reports(pg)).isEqualTo(before);
    }

    @Test
    void flagsAndTheOutboxWorkOnPostgres() throws Exception {
        Database db = postgres.open();
        new JdbiRevenueStore(db, java.time.Clock.systemUTC());
        dev.nrrbot.flags.FlagStore flags = new dev.nrrbot.flags.db.JdbiFlagStore(db.jdbi());
        java.time.Instant now = java.time.Instant.parse("2026-11-23T10:00:00Z");
        dev.nrrbot.flags.Flag draft = dev.nrrbot.flags.Flag.draft("A1", dev.nrrbot.metrics.BusinessFunction.PRODUCT,
                "product_gap", "needs SSO", 1_200_000, java.time.LocalDate.of(2027, 1, 1), "U1", "U2", now);
        dev.nrrbot.outbox.OutboxMessage m = new dev.nrrbot.outbox.OutboxMessage("k1", "chat.postMessage", "U1", "{\"text\":\"hi\"}");
        dev.nrrbot.flags.Flag f = flags.create(draft, now, x -> java.util.List.of(m, m));
        var acked = flags.change(f.id(), f.version(), now, "U1", dev.nrrbot.flags.FlagAction.ACKNOWLEDGE, null,
                x -> dev.nrrbot.flags.FlagRules.acknowledge(x, now), x -> java.util.List.of());
        assertThat(acked).isPresent();
        assertThat(flags.change(f.id(), f.version(), now, "U1", dev.nrrbot.flags.FlagAction.ACKNOWLEDGE, null,
                x -> dev.nrrbot.flags.FlagRules.acknowledge(x, now), x -> java.util.List.of())).isEmpty();
        assertThat(flags.history(f.id())).hasSize(2);
        dev.nrrbot.outbox.db.Outbox outbox = new dev.nrrbot.outbox.db.Outbox(db.jdbi());
        assertThat(outbox.depth()).isEqualTo(1);
        assertThat(outbox.claimNext("me", now, now.plusSeconds(60))).isPresent();
        assertThat(outbox.claimNext("other", now, now.plusSeconds(60))).isEmpty();
    }

    @Test
    void anEmbeddedDatabaseCopiesIntoPostgresWithTheSameNumbersAndFreshIds() throws Exception {
        SyntheticCompany.Files3 files = new SyntheticCompany(150, YearMonth.of(2026, 10), 24, 9L).writeTo(dir);
        Database h2 = embedded("source");
        RevenueStore source = new JdbiRevenueStore(h2, java.time.Clock.systemUTC());
        new Importer(source).run(ImportKind.ACCOUNTS, files.accounts(), ImportOptions.DEFAULTS, null);
        new Importer(source).run(ImportKind.MRR, files.mrr(), ImportOptions.DEFAULTS, null);
        new Importer(source).run(ImportKind.REASONS, files.reasons(), ImportOptions.DEFAULTS, null);
        Database pg = postgres.open();
        var rows = DatabaseCopy.copy(h2, pg);
        assertThat(rows.get("mrr_ledger")).isPositive();
        RevenueStore target = new JdbiRevenueStore(pg, java.time.Clock.systemUTC());
        assertThat(reports(target)).isEqualTo(reports(source));
        assertThat(target.dataVersion()).isEqualTo(source.dataVersion());
        // the copied import log's ids do not collide with the next import's
        new Importer(target).run(ImportKind.REASONS, files.reasons(), ImportOptions.DEFAULTS, null);
        assertThat(reports(target)).isEqualTo(reports(source));
    }

    /** An embedded H2 file under the test's folder, closed after the test. */
    private Database embedded(String name) {
        Database db = Database.open("jdbc:h2:file:" + dir.resolve(name));
        opened.add(db);
        return db;
    }

    @AfterEach
    void closeEmbedded() {
        opened.forEach(Database::close);
    }

    private static String reports(RevenueStore store) {
        NrrEngine engine = new NrrEngine(store.loadPortfolio());
        return JsonReport.retention(engine.report(engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT), Segment.ALL))
                + JsonReport.pareto(engine.pareto(engine.window("last quarter"), Segment.parse("plan=Growth")))
                + JsonReport.trend(engine.trend(Segment.ALL), "all");
    }
}
