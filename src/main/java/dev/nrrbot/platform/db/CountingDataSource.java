package dev.nrrbot.platform.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The driver-level data source under the pool, counting every physical connection it opens: the
 * figure that shows whether requests reuse pooled connections or open new ones.
 */
final class CountingDataSource implements DataSource {

    private final DataSource driver;
    private final String redactedUrl;
    private final AtomicLong opened = new AtomicLong();

    CountingDataSource(DataSource driver, String redactedUrl) {
        this.driver = driver;
        this.redactedUrl = redactedUrl;
    }

    /** Physical connections opened so far. */
    long opened() {
        return opened.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = driver.getConnection();
        opened.incrementAndGet();
        return c;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Connection c = driver.getConnection(username, password);
        opened.incrementAndGet();
        return c;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : driver.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || driver.isWrapperFor(type);
    }

    /** The pool may log its data source: never with a password. */
    @Override
    public String toString() {
        return "CountingDataSource[" + redactedUrl + "]";
    }
}
