package dev.nrrbot.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.platform.db.TestDatabase;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot is the engine and its freshness for the price of one data-version look-up. */
class PortfolioCacheTest {

    static final Instant IMPORTED = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;
    @AutoClose
    TestDatabase database = TestDatabase.memory();
    CountingStore store;
    PortfolioCache cache;

    @BeforeEach
    void data() throws IOException {
        store = new CountingStore(new JdbiRevenueStore(database.open(), Clock.fixed(IMPORTED, ZoneOffset.UTC)));
        importLedger("ledger.csv", """
                account_id,month,mrr
                hazel-co,2025-01,300
                hazel-co,2025-02,330
                """);
        cache = new PortfolioCache(store);
    }

    @AfterEach
    void close() {
        cache.close();
    }

    void importLedger(String name, String csv) throws IOException {
        new Importer(store).run(ImportKind.MRR, Files.writeString(dir.resolve(name), csv), ImportOptions.DEFAULTS, null);
    }

    @Test
    void eachSnapshotLooksTheDataVersionUpExactlyOnce() {
        Snapshot first = cache.snapshot(); // loads
        int before = store.versionLookups.get();
        for (int i = 0; i < 10; i++) {
            assertThat(cache.snapshot()).isSameAs(first);
        }
        assertThat(store.versionLookups.get() - before).isEqualTo(10);

        before = store.versionLookups.get();
        assertThat(cache.snapshot(Duration.ofSeconds(30))).containsSame(first);
        assertThat(store.versionLookups.get() - before).isEqualTo(1);

        assertThat(first.freshness().dataThrough()).isEqualTo(YearMonth.of(2025, 2));
        assertThat(first.freshness().lastImport()).isEqualTo(IMPORTED);
        assertThat(first.engine().currentMonthOrNull()).isEqualTo(first.freshness().dataThrough());
    }

    @Test
    void theOldCallsStillWorkAndEachLooksTheVersionUpOnce() {
        Snapshot s = cache.snapshot();
        int before = store.versionLookups.get();
        assertThat(cache.engine()).isSameAs(s.engine());
        assertThat(cache.freshness()).isEqualTo(s.freshness());
        assertThat(cache.engine(Duration.ofSeconds(30))).containsSame(s.engine());
        assertThat(store.versionLookups.get() - before).isEqualTo(3);
    }

    @Test
    void aSnapshotAfterAnImportHasTheNewDataAndItsFreshnessTogether() throws IOException {
        Snapshot before = cache.snapshot();
        importLedger("march.csv", """
                account_id,month,mrr
                hazel-co,2025-03,360
                """);
        Snapshot after = cache.snapshot();
        assertThat(after.engine()).isNotSameAs(before.engine());
        assertThat(after.engine().currentMonthOrNull()).isEqualTo(YearMonth.of(2025, 3));
        assertThat(after.freshness().dataThrough()).isEqualTo(YearMonth.of(2025, 3));
    }

    /** The real store, counting the data-version look-ups made through it. */
    static final class CountingStore extends dev.nrrbot.revenue.ForwardingRevenueStore {
        final AtomicInteger versionLookups = new AtomicInteger();

        CountingStore(RevenueStore real) {
            super(real);
        }

        @Override
        public long dataVersion() {
            versionLookups.incrementAndGet();
            return real.dataVersion();
        }
    }
}
