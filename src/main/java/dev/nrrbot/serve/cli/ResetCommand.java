package dev.nrrbot.serve.cli;

import dev.nrrbot.revenue.ImportRecord;
import dev.nrrbot.revenue.RevenueStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Starts over: removes every imported row (accounts, revenue, subscriptions, reason records and"
                + " the reasons set in Slack) in one transaction. The taxonomy, roles, owners, flags, schedules and"
                + " settings stay, and the import log keeps each import, marked as taken back. Without --yes it only"
                + " says what it would remove."})
final class ResetCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption db;

    @Option(names = "--yes", description = "Remove the data; without it, nothing is changed.")
    boolean yes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RevenueStore store = db.open();
        List<ImportRecord> applied = store.imports().stream().filter(ImportRecord::applied).toList();
        if (applied.isEmpty()) {
            out.println("Nothing is loaded: there is nothing to remove.");
            out.flush();
            return 0;
        }
        if (!yes) {
            out.println("reset would remove the data of " + applied.size() + (applied.size() == 1 ? " import: " : " imports: ")
                    + String.join(", ", applied.stream().map(ImportRecord::label).toList()) + ".");
            out.println("Nothing was changed. To remove it: reset --yes");
            out.flush();
            return 0;
        }
        int n = store.reset("reset by " + dev.nrrbot.platform.Launcher.operator());
        out.println("Removed the data of " + n + (n == 1 ? " import" : " imports")
                + ". The database is empty of revenue data; import your files (status shows what is loaded).");
        out.flush();
        return 0;
    }
}
