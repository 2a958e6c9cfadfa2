package dev.nrrbot.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.util.DriverDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens the database named by a JDBC URL and brings its schema up to date. The default is an
 * embedded H2 file under ./data; any JDBC URL (PostgreSQL 15+) works with the same migrations.
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
        // migrations on a short-lived connection of their own: Flyway knows which drivers and databases it
        // supports, and says so in words, before the pool needs a driver
        try {
            Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot open or migrate the database at " + redact(url) + ": " + rootMessage(e), e);
        }
        HikariDataSource pool;
        CountingDataSource physical;
        try {
            physical = new CountingDataSource(new DriverDataSource(url, null, new Properties(), null, null), redact(url));
            pool = new HikariDataSource(poolConfig(url, physical)); // opens the first connection, or throws
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the database at " + redact(url) + ": " + rootMessage(e), e);
        }
        Database db = new Database(url, pool, physical);
        OPEN.add(db);
        return db;
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

    /** H2's {@code ;PASSWORD=file user}: to the next setting, the end, or the ": " a message goes on with. */
    private static final java.util.regex.Pattern H2_PASSWORD = java.util.regex.Pattern.compile(
            "(?i)(;\\s*(?:[a-z_]*password|pwd)\\s*=)[^;\\r\\n]*?(?=;|\\r|\\n|: |$)");
    /** {@code password=}, {@code &password=}, {@code sslpassword=}, {@code pwd=}, also URL-encoded ({@code password%3D}). */
    private static final java.util.regex.Pattern PASSWORD_SETTING = java.util.regex.Pattern.compile(
            "(?i)((?:[a-z0-9_.-]*password|pwd)\\s*(?:=|%3D))(?!\\*\\*\\*)[^&;\\s\"'<>]*");
    /** Where a URL's authority starts: {@code ://}, or {@code %3A%2F%2F} in a URL-encoded one. */
    private static final java.util.regex.Pattern AUTHORITY = java.util.regex.Pattern.compile("(?i)://|%3A%2F%2F");
    /** {@code user:password@host} without a scheme, as a driver's message may quote its host. */
    private static final java.util.regex.Pattern BARE_USER_INFO = java.util.regex.Pattern.compile(
            "(?<![\\w.%+:/@-])([\\w.%+-]+:)[^\\s/?#\"'<>]+(@)(?=[\\w\\[.-])");
    /** Oracle's {@code jdbc:oracle:thin:user/password@host}. */
    private static final java.util.regex.Pattern ORACLE = java.util.regex.Pattern.compile(
            "(?i)(jdbc:oracle:[a-z0-9]+:[^/:@\\s]+/)[^@\\s]+(@)");

    /**
     * The text with every password in it masked, for messages and logs: a JDBC URL (or any URL, or a
     * message that quotes one) in each form a password takes: {@code ?password=} and {@code &password=},
     * {@code sslpassword=} and the like, H2's {@code ;PASSWORD=}, {@code user:password@host}, and the same
     * URL-encoded. Where a password's end is unclear, more is masked rather than less.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = H2_PASSWORD.matcher(text).replaceAll("$1***");
        out = PASSWORD_SETTING.matcher(out).replaceAll("$1***");
        out = maskUserInfo(out);
        out = BARE_USER_INFO.matcher(out).replaceAll("$1***$2");
        return ORACLE.matcher(out).replaceAll("$1***$2");
    }

    /** {@code scheme://user:password@host} as {@code scheme://user:***@host}; in a URL-encoded URL, {@code %3A} and {@code %40}. */
    private static String maskUserInfo(String text) {
        java.util.List<int[]> masks = new java.util.ArrayList<>();
        java.util.regex.Matcher m = AUTHORITY.matcher(text);
        while (m.find()) {
            boolean encoded = m.group().startsWith("%");
            String at = encoded ? "%40" : "@";
            String colon = encoded ? "%3A" : ":";
            int end = m.end();
            while (end < text.length() && !authorityEnds(text, end, encoded)) {
                end++;
            }
            int userInfoEnd = -1; // the last '@': a password may hold one
            int firstColon = -1;  // the first ':': a password may hold one too
            for (int i = m.end(); i + at.length() <= end; i++) {
                if (text.regionMatches(true, i, at, 0, at.length())) {
                    userInfoEnd = i;
                } else if (firstColon < 0 && text.regionMatches(true, i, colon, 0, colon.length())) {
                    firstColon = i;
                }
            }
            if (firstColon >= 0 && firstColon < userInfoEnd) {
                masks.add(new int[] {firstColon + colon.length(), userInfoEnd});
            }
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = masks.size() - 1; i >= 0; i--) {
            out.replace(masks.get(i)[0], masks.get(i)[1], "***");
        }
        return out.toString();
    }

    private static boolean authorityEnds(String text, int i, boolean encoded) {
        char ch = text.charAt(i);
        if (Character.isWhitespace(ch) || "\"'<>;".indexOf(ch) >= 0) {
            return true;
        }
        if (!encoded) {
            return ch == '/' || ch == '?' || ch == '#';
        }
        for (String t : new String[] {"&", "%2F", "%3F", "%23", "%26", "%20"}) {
            if (text.regionMatches(true, i, t, 0, t.length())) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
