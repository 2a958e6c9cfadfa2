package dev.nrrbot.serve.cli;


import dev.nrrbot.platform.Launcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: imports, reports, the demo and the benchmark. */
@Command(name = Launcher.COMMAND, mixinStandardHelpOptions = true, version = "nrr-bot 0.1.0",
        description = "Net Revenue Retention for the whole company: import revenue data and see NRR, GRR and"
                + " what each function contributed.",
        subcommands = {ImportCommand.class, StatusCommand.class, UndoCommand.class, ResetCommand.class, ReportCommand.class, ReasonsCommand.class, TrendCommand.class,
                TaxonomyCommand.class, HealthCommand.class, RenewalsCommand.class, ServeCommand.class, SettingCommand.class, PostCommand.class, BackupCommand.class, CopyCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for data that cannot be imported or a number that cannot be computed. */
    public static final int DATA_PROBLEM = 1;
    /** Exit code for a failure that is a bug, not a problem with the input (EX_SOFTWARE). */
    public static final int UNEXPECTED = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts render on servers without a display
        // Library chatter (Flyway, H2) is for operators; a person at the terminal sees only answers.
        // The server logs at info: that is its operator's view.
        boolean serving = args.length > 0 && args[0].equals("serve");
        // The SDK prints a stack trace when auth.test cannot reach Slack; serve says it in one line instead.
        System.setProperty("org.slf4j.simpleLogger.log.com.slack.api.methods.impl.TeamIdCache", "off");
        // The SDK logs a body it cannot route in full: unsigned, any size, newlines and all. Never log request bodies.
        System.setProperty("org.slf4j.simpleLogger.log.com.slack.api.bolt.util.SlackRequestParser", "error");
        // Bolt warns of an action, view or event it has no listener for by quoting its id, newlines and all.
        System.setProperty("org.slf4j.simpleLogger.log.com.slack.api.bolt.App", "error");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null && !serving) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    /**
     * Data that cannot be imported or a number that cannot be computed is a sentence and exit 1; anything
     * else is a bug: a short apology with an id on stderr, the stack trace in the log, and exit 70.
     */
    public static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof dev.nrrbot.metrics.ReportUnavailable || e instanceof dev.nrrbot.ingest.ImportRejected
                    || e instanceof dev.nrrbot.platform.db.StoreException || e instanceof IllegalArgumentException) {
                // a database's message may quote its URL, or the host its driver read from it (bob:secret@db)
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                cmd.getErr().println("nrr-bot: " + dev.nrrbot.platform.db.Database.redact(message));
                return DATA_PROBLEM;
            }
            String id = dev.nrrbot.platform.Failures.newId();
            org.slf4j.LoggerFactory.getLogger(Main.class).error("unexpected failure {} in '{}'", id, cmd.getCommandName(), e);
            cmd.getErr().println("nrr-bot: something went wrong on our side (error " + id + "). The details are in the log"
                    + " above; please report them with this id.");
            return UNEXPECTED;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
