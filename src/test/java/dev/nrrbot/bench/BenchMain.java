package dev.nrrbot.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmark and load-test commands. They live in the test tree so the production jar carries
 * no load generator; {@code scripts/bench} compiles and runs them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks for nrr-bot (not in the production jar).",
        subcommands = {BenchCommand.class, HealthBenchCommand.class, LoadTestCommand.class, DurabilityCommand.class, CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(dev.nrrbot.serve.cli.Main.configure(new CommandLine(new BenchMain())).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
