package dev.nrrbot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: imports, reports, the demo and the benchmark. */
@Command(name = "nrr-bot", mixinStandardHelpOptions = true, version = "nrr-bot 0.1.0",
        description = "Net Revenue Retention for the whole company: import revenue data and see NRR, GRR and"
                + " what each function contributed.",
        subcommands = {ImportCommand.class, ReportCommand.class, ReasonsCommand.class, TrendCommand.class,
                TaxonomyCommand.class, ServeCommand.class, SettingCommand.class, PostCommand.class, BackupCommand.class, CopyCommand.class, DemoCommand.class, BenchCommand.class, LoadTestCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for data that cannot be imported or a number that cannot be computed. */
    public static final int DATA_PROBLEM = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts render on servers without a display
        // Library chatter (Flyway, H2) is for operators; a person at the terminal sees only answers.
        // The server logs at info: that is its operator's view.
        boolean serving = args.length > 0 && args[0].equals("serve");
        // The SDK prints a stack trace when auth.test cannot reach Slack; serve says it in one line instead.
        System.setProperty("org.slf4j.simpleLogger.log.com.slack.api.methods.impl.TeamIdCache", "off");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null && !serving) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("nrr-bot: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return DATA_PROBLEM;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
