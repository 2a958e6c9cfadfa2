package dev.nrrbot.serve.cli;

import dev.nrrbot.ingest.DataStatus;
import dev.nrrbot.revenue.RevenueStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows what is loaded: accounts, revenue months and their gaps, subscriptions and reason records;"
                + " the latest imports with who ran them, when and which file; the warnings about data that will mislead;"
                + " and the reporting currency."})
final class StatusCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RevenueStore store = db.open();
        DataStatus.read(store, store.loadPortfolio()).lines().forEach(out::println);
        out.flush();
        return 0;
    }
}
