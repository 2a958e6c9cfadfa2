package dev.nrrbot.serve.cli;

import dev.nrrbot.platform.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Makes an online copy of the embedded database into a zip FILE, while the bot runs.",
                "Restore: stop the bot, unzip FILE into the database folder (./data by default), start the bot.",
                "On PostgreSQL, use pg_dump."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption db;

    @Parameters(index = "0", paramLabel = "FILE", description = "The zip file to write, e.g. nrr-2026-11-22.zip.")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Database database = db.database();
        if (!database.url().startsWith("jdbc:h2:file:")) {
            spec.commandLine().getErr().println("nrr-bot: backup copies the embedded database; for " + Database.redact(database.url())
                    + " use the database's own tool (pg_dump for PostgreSQL).");
            return CommandLine.ExitCode.USAGE;
        }
        if (Files.exists(file)) {
            spec.commandLine().getErr().println("nrr-bot: " + file + " exists already; give a new file name.");
            return CommandLine.ExitCode.USAGE;
        }
        Path target = file.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        // BACKUP TO copies the database file consistently while other connections keep working
        database.jdbi().useHandle(h -> h.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'"));
        spec.commandLine().getOut().printf("Backed up %s to %s (%,d bytes).%n", Database.redact(database.url()), target,
                Files.size(target));
        return 0;
    }
}
