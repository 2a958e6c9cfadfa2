package dev.nrrbot.serve.cli;

import dev.nrrbot.revenue.ImportRecord;
import dev.nrrbot.revenue.RevenueStore;
import dev.nrrbot.revenue.UndoRefused;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "undo", mixinStandardHelpOptions = true,
        description = {"Takes back the latest import, or the one numbered ID (status lists them), in one transaction:"
                + " everything it replaced is exactly as it was before it. Imports are taken back newest first, and"
                + " the latest 5 can be taken back."})
final class UndoCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption db;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID",
            description = "The import's number as status shows it (#3 or 3); without it, the latest import.")
    String id;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Long importId = null;
        if (id != null) {
            String digits = id.trim().startsWith("#") ? id.trim().substring(1) : id.trim();
            if (!digits.matches("[0-9]{1,18}")) {
                spec.commandLine().getErr().println("nrr-bot: '" + id + "' is not an import number; status lists them"
                        + " (#1, #2...), and undo without a number takes back the latest.");
                return CommandLine.ExitCode.USAGE;
            }
            importId = Long.parseLong(digits);
        }
        RevenueStore store = db.open();
        try {
            ImportRecord r = store.undo(importId, dev.nrrbot.platform.Launcher.operator());
            out.println("Took back import " + r.label() + " (" + r.rows() + " rows): what it replaced is as it was before it.");
            store.imports().stream().filter(ImportRecord::applied).findFirst().ifPresentOrElse(
                    next -> out.println("The latest import is now " + next.label() + "."),
                    () -> out.println("Nothing is loaded now."));
            out.flush();
            return 0;
        } catch (UndoRefused e) {
            spec.commandLine().getErr().println("nrr-bot: " + e.getMessage());
            return Main.DATA_PROBLEM;
        }
    }
}
