package dev.nrrbot.serve.cli;

import dev.nrrbot.platform.Settings;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import dev.nrrbot.revenue.RevenueStore;
import picocli.CommandLine.Option;

/** {@code --db}: which database to use. */
public final class DatabaseOption {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database (default: $NRR_DATABASE_URL, else " + Database.DEFAULT_URL + ").")
    String url;

    /** The database of {@code --db}, else of NRR_DATABASE_URL (checked with the other settings), else the default. */
    public Database database() {
        return database(Settings.fromEnvironment(System.getenv(), Settings.Needs.DATA));
    }

    public Database database(Settings settings) {
        return Database.open(url != null && !url.isBlank() ? url
                : settings.databaseUrl() != null ? settings.databaseUrl() : Database.DEFAULT_URL);
    }

    public RevenueStore open() {
        return new JdbiRevenueStore(database(), java.time.Clock.systemUTC());
    }
}
