package dev.nrrbot.platform.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fresh database for one test (or one test class), on whichever database this run of the suite
 * is about. By default that is embedded H2, as the bot uses it out of the box: a file under the
 * test's {@code @TempDir}, or an in-memory database. When the system property
 * {@value #PROPERTY} is {@code postgres} (the {@code postgres} Surefire execution sets it when
 * {@value #URL_VARIABLE} is set), it is a new schema of its own in the PostgreSQL database that
 * {@value #URL_VARIABLE} names, dropped again by {@link #close()}.
 *
 * <p>{@link #url()} can be opened as often as a test likes (a restart, a second instance, the CLI),
 * and each opening sees the same data. Close it when the test is done, e.g. with
 * {@code @AutoClose} on the field or try-with-resources: that also closes the connection pools of
 * every {@link Database} opened on it. Schemas a test forgot (or a run that was cut short) are dropped
 * when the JVM exits.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String PROPERTY = "nrr.test.database";
    public static final String URL_VARIABLE = "NRR_TEST_DATABASE_URL";

    /** Schemas created and not dropped yet, for the safety net at JVM exit. */
    private static final Set<String> LIVE_SCHEMAS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (String schema : LIVE_SCHEMAS) {
                try {
                    dropSchema(schema);
                } catch (SQLException e) {
                    System.err.println("TestDatabase: could not drop schema " + schema + ": " + e.getMessage());
                }
            }
        }, "drop-test-schemas"));
    }

    private final String url;
    private final String schema; // null on H2
    private boolean closed;

    private TestDatabase(String url, String schema) {
        this.url = url;
        this.schema = schema;
    }

    /** True when this run of the suite is against PostgreSQL. */
    public static boolean onPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty(PROPERTY, "").trim());
    }

    /**
     * An H2 database in the file {@code file} (under the test's {@code @TempDir}; H2 adds its
     * suffix), or on PostgreSQL a fresh schema ({@code file} is not used then).
     */
    public static TestDatabase file(Path file) {
        return onPostgres() ? postgres() : new TestDatabase("jdbc:h2:file:" + file.toAbsolutePath(), null);
    }

    /** An in-memory H2 database that lives until {@link #close()}, or on PostgreSQL a fresh schema. */
    public static TestDatabase memory() {
        return onPostgres() ? postgres() : new TestDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null);
    }

    /**
     * A fresh schema in the PostgreSQL database of {@value #URL_VARIABLE}, whatever {@value #PROPERTY}
     * says: for tests about PostgreSQL itself.
     */
    public static TestDatabase postgres() {
        String base = System.getenv(URL_VARIABLE);
        if (base == null || base.isBlank()) {
            throw new IllegalStateException(PROPERTY + "=postgres needs " + URL_VARIABLE
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
        }
        if (!base.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(URL_VARIABLE + " is not a PostgreSQL JDBC URL: " + Database.redact(base));
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema in " + Database.redact(base) + ": " + e.getMessage(), e);
        }
        LIVE_SCHEMAS.add(schema);
        return new TestDatabase(inSchema(base, schema), schema);
    }

    /** {@code url} with {@code currentSchema=schema} added to its parameters. */
    static String inSchema(String url, String schema) {
        String separator = url.contains("?") ? (url.endsWith("?") || url.endsWith("&") ? "" : "&") : "?";
        return url + separator + "currentSchema=" + schema;
    }

    /** The JDBC URL of this database; it may be opened any number of times until {@link #close()}. */
    public String url() {
        return url;
    }

    /** Opens (and migrates) the database, as the bot does. */
    public Database open() {
        return Database.open(url);
    }

    public boolean isPostgres() {
        return schema != null;
    }

    /** The schema on PostgreSQL, else null. */
    public String schema() {
        return schema;
    }

    /**
     * Closes every {@link Database} opened on it (the command line run in-process opens its own and leaves
     * them open), then drops the PostgreSQL schema, or shuts an in-memory H2 database down (a file goes
     * with its @TempDir).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Database.closeAll(url);
        try {
            if (schema != null) {
                dropSchema(schema);
                LIVE_SCHEMAS.remove(schema);
            } else if (url.startsWith("jdbc:h2:mem:")) {
                try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                    st.execute("SHUTDOWN");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the test database " + this + ": " + e.getMessage(), e);
        }
    }

    private static void dropSchema(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(System.getenv(URL_VARIABLE)); Statement st = c.createStatement()) {
            // a connection a test left in a transaction must not make the run hang here
            st.execute("SET lock_timeout = '30s'");
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Override
    public String toString() {
        return Database.redact(url);
    }
}
