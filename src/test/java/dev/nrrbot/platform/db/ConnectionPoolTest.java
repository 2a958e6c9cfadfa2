package dev.nrrbot.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nrrbot.revenue.db.JdbiRevenueStore;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Queries borrow pooled connections: once the pool is warm, they open no new physical connection.
 * On the suite's database (embedded H2, or PostgreSQL when the suite runs against it).
 */
class ConnectionPoolTest {

    @AutoClose
    TestDatabase database = TestDatabase.memory();

    /**
     * Grows the pool to at least {@code n} connections by holding that many at once, then gives them back.
     * With more connections than a workload uses at once, one is always idle, so the pool neither opens
     * one for a waiting query nor tops up its minimum idle one: what stays is reuse.
     */
    static void grow(Database db, int n) {
        List<Handle> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Handle h = db.jdbi().open();
                held.add(h);
                h.getConnection().isValid(5); // really borrowed
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            held.forEach(Handle::close);
        }
    }

    /** What a request asks of the database, roughly: the version, the freshness, a metric, /health. */
    static int queries(Database db, JdbiRevenueStore store, int rounds) {
        for (int i = 0; i < rounds; i++) {
            db.ping();
            store.dataVersion();
            store.lastImport();
            store.importedRows();
        }
        return rounds * 4;
    }

    @Test
    void warmPoolAnswersManyQueriesWithoutOpeningAConnection() {
        try (Database db = database.open()) {
            JdbiRevenueStore store = new JdbiRevenueStore(db, java.time.Clock.systemUTC());
            grow(db, 2);
            queries(db, store, 25); // warm: the pool has settled at the size grow() left
            long before = db.connectionsOpened();
            int n = queries(db, store, 100);
            assertThat(db.pendingMigrations()).isZero(); // /ready: Flyway reads through the pool too
            n++;
            long after = db.connectionsOpened();
            System.out.printf("%s: physical connections opened before=%d after=%d over %d queries, pool %s%n",
                    database.isPostgres() ? "postgres" : "h2", before, after, n, db.poolState());
            assertThat(after).as("physical connections opened by %d queries on a warm pool", n).isEqualTo(before);
            assertThat(before).isBetween(2L, (long) Database.MAX_CONNECTIONS);
            Database.PoolState pool = db.poolState();
            assertThat(pool.active()).isZero();
            assertThat(pool.idle()).isEqualTo(pool.total()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void closingClosesThePoolAndItsConnections() {
        Database db = database.open();
        db.ping();
        assertThat(db.poolState().total()).isPositive();
        db.close();
        db.close(); // twice is fine
        assertThat(db.poolState()).isEqualTo(new Database.PoolState(0, 0, 0));
        assertThatThrownBy(db::ping).isInstanceOf(RuntimeException.class);
        // the data is still there for the next opening
        try (Database again = database.open()) {
            assertThat(again.pendingMigrations()).isZero();
        }
    }

    @Test
    void closingATestDatabaseClosesThePoolsOthersLeftOpenOnIt() {
        Database leftOpen;
        try (TestDatabase other = TestDatabase.memory()) {
            leftOpen = other.open(); // as the command line does: opened, never closed
            leftOpen.ping();
        }
        assertThat(leftOpen.poolState().total()).isZero();
    }

    @Test
    void anUnreachableDatabaseIsOneSentenceWithoutThePassword() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/nrr?user=nrr&password=s3cret"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open or migrate the database at jdbc:postgresql://127.0.0.1:1/nrr?user=nrr&password=***: ")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> Database.open("nrr.db")).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("'nrr.db' is not a JDBC URL.");
    }
}
