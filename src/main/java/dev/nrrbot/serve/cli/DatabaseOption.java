package dev.nrrbot.serve.cli;

import dev.nrrbot.platform.db.Database;
import dev.nrrbot.revenue.db.JdbiRevenueStore;
import dev.nrrbot.revenue.RevenueStore;
import picocli.CommandLine.Option;

/** {@code --db}: which database to use. */
public final class DatabaseOption {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database (default: $NRR_DATABASE_URL, else " + Database.DEFAULT_URL + ").")
    String url;

    public Database database() {
        return Database.open(Database.resolveUrl(url));
    }

    public RevenueStore open() {
        return new JdbiRevenueStore(database(), java.time.Clock.systemUTC());
    }
}
