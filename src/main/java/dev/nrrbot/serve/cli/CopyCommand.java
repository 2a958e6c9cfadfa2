package dev.nrrbot.serve.cli;

import dev.nrrbot.platform.Settings;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.platform.db.DatabaseCopy;
import dev.nrrbot.platform.db.StoreException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copies all data from one database into a new, empty one: to move a trial on the embedded"
                + " database to PostgreSQL.",
                "Stop the bot first. The target is created and migrated; nothing is written to it if anything fails."})
final class CopyCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "JDBC_URL", description = "Source (default: $NRR_DATABASE_URL, else "
            + Database.DEFAULT_URL + ").")
    String from;

    @Option(names = "--to", required = true, paramLabel = "JDBC_URL",
            description = "Target, e.g. jdbc:postgresql://HOST:5432/nrr?user=nrr&password=...")
    String to;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv(), Settings.Needs.DATA);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("nrr-bot: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        String source = from != null && !from.isBlank() ? from
                : settings.databaseUrl() != null ? settings.databaseUrl() : Database.DEFAULT_URL;
        if (source.equals(to)) {
            spec.commandLine().getErr().println("nrr-bot: --from and --to are the same database.");
            return CommandLine.ExitCode.USAGE;
        }
        try (Database sourceDb = Database.open(source); Database targetDb = Database.open(to)) {
            Map<String, Integer> rows = DatabaseCopy.copy(sourceDb, targetDb);
            long total = rows.values().stream().mapToLong(Integer::longValue).sum();
            spec.commandLine().getOut().printf("Copied %,d rows from %s to %s:%n", total, Database.redact(source), Database.redact(to));
            rows.forEach((t, n) -> {
                if (n > 0) {
                    spec.commandLine().getOut().printf("  %-20s %,d%n", t, n);
                }
            });
            spec.commandLine().getOut().println("Point the bot at it with NRR_DATABASE_URL (or --db).");
            return 0;
        } catch (StoreException e) {
            spec.commandLine().getErr().println("nrr-bot: " + Database.redact(e.getMessage()));
            return Main.DATA_PROBLEM;
        }
    }
}
