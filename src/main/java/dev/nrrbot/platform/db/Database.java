package dev.nrrbot.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.util.DriverDataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database named by a JDBC URL and brings its schema up to date. The default is an
 * embedded H2 file under ./data; any JDBC URL (PostgreSQL 15+) works with the same migrations.
 *
 * <p>On an embedded H2 file a commit is written before the user is told ({@link #durable(String)}),
 * and a file grown by it is compacted when a process opens it alone ({@link #compactIfSparse}).
 *
 * <p>Queries borrow connections from a small pool, so a request on PostgreSQL reuses an open
 * connection instead of opening one per query. Close the database to close the pool; its threads
 * are daemons, so a command that never closes it still exits.
 */
public final class Database implements AutoCloseable {

    /** AUTO_SERVER lets the CLI import while {@code serve} has the file open. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/nrr;AUTO_SERVER=TRUE";

    /** Enough for the request threads, the outbox and the jobs on two cores; the database is not the bottleneck. */
    static final int MAX_CONNECTIONS = 10;
    /** How long a query waits for a free connection, or for a database that is down, before it fails. */
    private static final long CONNECTION_TIMEOUT_MS = 5_000;
    /** How long the pool's liveness check of an idle connection may take; below the connection timeout. */
    private static final long VALIDATION_TIMEOUT_MS = 3_000;
    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** A file that appends only is compacted at opening when it is larger than this and less than half live. */
    static final long COMPACT_ABOVE_BYTES = 16L << 20;
    static final int COMPACT_BELOW_FILL_PERCENT = 50;
    /** Databases opened and not closed yet in this JVM, so the owner of a URL can close what others left open. */
    private static final Set<Database> OPEN = ConcurrentHashMap.newKeySet();

    /** How many connections the pool holds now. */
    public record PoolState(int active, int idle, int total) {
    }

    private final String url;
    private final HikariDataSource pool;
    private final CountingDataSource physical;
    private final Jdbi jdbi;

    private Database(String url, HikariDataSource pool, CountingDataSource physical) {
        this.url = url;
        this.pool = pool;
        this.physical = physical;
        this.jdbi = Jdbi.create(pool);
    }

    public static Database open(String url) {
        if (!url.startsWith("jdbc:")) {
            throw new StoreException("'" + url + "' is not a JDBC URL. Use e.g. " + DEFAULT_URL
                    + " or jdbc:postgresql://HOST:5432/DB?user=USER");
        }
        if (url.startsWith("jdbc:h2:file:")) {
            createParent(url.substring("jdbc:h2:file:".length()));
        }
        String connect = durable(url);
        if (appendsOnly(connect)) {
            compactIfSparse(connect, COMPACT_ABOVE_BYTES);
        }
        // migrations on a short-lived connection of their own: Flyway knows which drivers and databases it
        // supports, and says so in words, before the pool needs a driver
        try {
            Flyway.configure()
                    .dataSource(connect, null, null)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot open or migrate the database at " + redact(url) + ": " + redact(rootMessage(e)), e);
        }
        HikariDataSource pool;
        CountingDataSource physical;
        try {
            physical = new CountingDataSource(new DriverDataSource(connect, null, new Properties(), null, null), redact(url));
            pool = new HikariDataSource(poolConfig(url, physical)); // opens the first connection, or throws
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the database at " + redact(url) + ": " + redact(rootMessage(e)), e);
        }
        Database db = new Database(url, pool, physical);
        OPEN.add(db);
        return db;
    }

    /**
     * The URL the bot connects with: on an embedded H2 file, {@code WRITE_DELAY=0} (H2 otherwise keeps
     * a commit in memory for up to 500 ms, and a process killed in that time loses a change the user
     * was already told about, with the messages it queued) and {@code REUSE_SPACE=FALSE} (with
     * WRITE_DELAY=0 alone H2 2.5.252 still lost a flag killed 0.2 s after its reply: a chunk written
     * into reused space was not found after the kill; appended chunks always are). Either setting
     * the URL already names is kept as given. Other URLs (in memory, H2 over TCP, PostgreSQL) are
     * returned unchanged: PostgreSQL commits before it answers, and an H2 server is configured
     * where it runs. The cost is measured in docs/benchmarks.md ("Durable commits on H2").
     */
    static String durable(String url) {
        if (!isEmbedded(url) || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:zip:")) {
            return url;
        }
        Set<String> given = new java.util.HashSet<>();
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            given.add((eq < 0 ? parts[i] : parts[i].substring(0, eq)).trim().toUpperCase(java.util.Locale.ROOT));
        }
        StringBuilder out = new StringBuilder(url.endsWith(";") ? url.substring(0, url.length() - 1) : url);
        if (!given.contains("WRITE_DELAY")) {
            out.append(";WRITE_DELAY=0");
        }
        if (!given.contains("REUSE_SPACE")) {
            out.append(";REUSE_SPACE=FALSE");
        }
        return out.toString();
    }

    /** Set by {@link #durable}: then every commit appends to the file (see {@link #compactIfSparse}). */
    static boolean appendsOnly(String connect) {
        return isEmbedded(connect) && connect.toUpperCase(java.util.Locale.ROOT).contains(";REUSE_SPACE=FALSE");
    }

    /**
     * With {@code REUSE_SPACE=FALSE} each commit appends to the file, and H2 gives nothing back while
     * the file is open nor when it closes: 500 {@code /nrr flag} grew the demo database from 5.0 to
     * 30.9 MB, and {@code SHUTDOWN COMPACT} took it to 0.9 MB in 0.05-0.25 s (docs/benchmarks.md). So
     * when a process opens such a file that nobody else has open (one session: this one), and the file
     * is over {@code minBytes} and its chunks are less than half live, it is compacted before use. With
     * another session open (serve, while the command line imports) nothing is done.
     */
    static void compactIfSparse(String connect, long minBytes) {
        try (Connection c = DriverManager.getConnection(connect); Statement st = c.createStatement()) {
            long size = 0;
            int fill = 100;
            try (ResultSet rs = st.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNKS_FILL_RATE')")) {
                while (rs.next()) {
                    if (rs.getString(1).equals("info.FILE_SIZE")) {
                        size = Long.parseLong(rs.getString(2));
                    } else {
                        fill = Integer.parseInt(rs.getString(2));
                    }
                }
            }
            int sessions;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
                rs.next();
                sessions = rs.getInt(1);
            }
            if (sessions == 1 && size >= minBytes && fill < COMPACT_BELOW_FILL_PERCENT) {
                long t = System.nanoTime();
                st.execute("SHUTDOWN COMPACT");
                log.info("compacted the database file ({} MB, {}% live) in {} ms", size >> 20, fill, (System.nanoTime() - t) / 1_000_000);
            }
        } catch (SQLException | RuntimeException e) {
            // not fatal: the file stays as it is, and the next opening tries again
            log.warn("could not check whether the database at {} needs compacting", redact(connect), e);
        }
    }

    private static HikariConfig poolConfig(String url, CountingDataSource physical) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("nrr-db-" + POOLS.incrementAndGet());
        config.setDataSource(physical);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(VALIDATION_TIMEOUT_MS);
        config.setThreadFactory(daemonThreads(config.getPoolName()));
        if (isEmbedded(url)) {
            // an embedded connection never goes stale, and keeping one open keeps H2 from closing the database
            config.setMaxLifetime(0);
            config.setKeepaliveTime(0);
        }
        return config;
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static boolean isEmbedded(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    private static void createParent(String h2Path) {
        String file = h2Path.split(";", 2)[0];
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the database folder " + parent + ": " + e.getMessage(), e);
        }
    }

    /** Migrations in the code that this database has not applied yet (0 when current). */
    public int pendingMigrations() {
        try {
            return Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().info().pending().length;
        } catch (FlywayException e) {
            throw new StoreException("cannot read the migration state: " + rootMessage(e), e);
        }
    }

    /** Runs a trivial query, so {@code /health} can tell that the database answers; throws when it does not. */
    public void ping() {
        jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
    }

    /**
     * Physical connections opened to the database so far, by the pool (the migrations at opening use one
     * of their own): flat while requests reuse pooled connections.
     */
    public long connectionsOpened() {
        return physical.opened();
    }

    /** Connections the pool holds now: in use, idle, and both together (zeros once closed). */
    public PoolState poolState() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null || pool.isClosed()) {
            return new PoolState(0, 0, 0);
        }
        return new PoolState(bean.getActiveConnections(), bean.getIdleConnections(), bean.getTotalConnections());
    }

    /** Closes the pool and its connections; queries after this fail. Closing again does nothing. */
    @Override
    public void close() {
        OPEN.remove(this);
        pool.close();
    }

    /**
     * Closes every database this JVM opened on {@code url} and did not close: for the owner of a
     * database that hands its URL to code which opens it and never closes it (the command line run
     * in-process by tests), before the owner drops it.
     */
    static void closeAll(String url) {
        for (Database db : OPEN) {
            if (db.url.equals(url)) {
                db.close();
            }
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public String url() {
        return url;
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The text with every password in it masked: see {@link Passwords#redact}. */
    public static String redact(String text) {
        return Passwords.redact(text);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
