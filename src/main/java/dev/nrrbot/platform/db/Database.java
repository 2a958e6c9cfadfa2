package dev.nrrbot.platform.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens the database named by a JDBC URL and brings its schema up to date. The default is an
 * embedded H2 file under ./data; any JDBC URL (PostgreSQL 15+) works with the same migrations.
 */
public final class Database {

    /** AUTO_SERVER lets the CLI import while {@code serve} has the file open. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/nrr;AUTO_SERVER=TRUE";
    public static final String URL_VARIABLE = "NRR_DATABASE_URL";

    private final String url;
    private final Jdbi jdbi;

    private Database(String url, Jdbi jdbi) {
        this.url = url;
        this.jdbi = jdbi;
    }

    /** The URL from {@code --db}, else NRR_DATABASE_URL, else the embedded default. */
    public static String resolveUrl(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String env = System.getenv(URL_VARIABLE);
        return env == null || env.isBlank() ? DEFAULT_URL : env;
    }

    public static Database open(String url) {
        if (!url.startsWith("jdbc:")) {
            throw new StoreException("'" + url + "' is not a JDBC URL. Use e.g. " + DEFAULT_URL
                    + " or jdbc:postgresql://HOST:5432/DB?user=USER");
        }
        if (url.startsWith("jdbc:h2:file:")) {
            createParent(url.substring("jdbc:h2:file:".length()));
        }
        try {
            Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot open or migrate the database at " + redact(url) + ": " + rootMessage(e), e);
        }
        Jdbi jdbi = Jdbi.create(url);
        try (Connection c = jdbi.open().getConnection()) {
            c.isValid(5);
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("cannot connect to the database at " + redact(url) + ": " + rootMessage(e), e);
        }
        return new Database(url, jdbi);
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

    /**
     * Keeps an embedded H2 database open until the returned handle is closed; for any other database it
     * does nothing. Each query opens its own connection, and H2 closes an embedded database when its last
     * connection closes, so without this a long-running process reopens the file for nearly every query:
     * about 10 ms each on the 50,000-account data instead of 0.2 ms (docs/benchmarks.md, "Load").
     */
    public AutoCloseable holdOpen() {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:")) {
            return () -> { };
        }
        Connection held;
        try {
            held = java.sql.DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the database at " + redact(url) + ": " + rootMessage(e), e);
        }
        return held::close;
    }

    /** Migrations in the code that this database has not applied yet (0 when current). */
    public int pendingMigrations() {
        try {
            return Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().info().pending().length;
        } catch (FlywayException e) {
            throw new StoreException("cannot read the migration state: " + rootMessage(e), e);
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

    /** The URL without any password, for messages and logs. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
