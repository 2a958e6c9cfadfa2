package dev.nrrbot.serve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** --help says whole sentences: the command list shows each command's first line, so it must be one. */
class HelpTextTest {

    /** Our commands; picocli's own help command is left out. */
    private final Map<String, CommandLine> commands = new java.util.TreeMap<>(Main.commandLine().getSubcommands());

    {
        commands.remove("help");
    }

    @Test
    void everyCommandsSummaryIsACompleteSentence() {
        commands.forEach((name, cl) -> {
            String[] description = cl.getCommandSpec().usageMessage().description();
            assertThat(description).as(name).isNotEmpty();
            assertThat(description[0]).as(name + "'s summary in the command list").endsWith(".");
        });
    }

    @Test
    void noDescriptionLineStopsMidSentence() {
        commands.forEach((name, cl) -> {
            List<String> lines = Arrays.asList(cl.getCommandSpec().usageMessage().description());
            for (String line : lines) {
                if (line.startsWith("  ")) {
                    continue; // a row of a table, such as import's kinds and their columns
                }
                assertThat(line).as(name + ": '" + line + "'").matches("(?s).*[.:)]$");
            }
        });
    }

    @Test
    void everyOptionAndParameterSaysWhatItIs() {
        commands.forEach((name, cl) -> {
            CommandSpec spec = cl.getCommandSpec();
            for (ArgSpec arg : spec.args()) {
                assertThat(String.join(" ", arg.description())).as(name + " " + arg.paramLabel()).isNotBlank();
            }
        });
    }

    @Test
    void theTopLevelListShowsNoCutSentence() {
        String usage = Main.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(usage).doesNotContain("one of:").contains("import    Imports a CSV export of one KIND: accounts, mrr,")
                .contains("copy      Copies all data from one database into a new, empty one: to move a");
        assertThat(usage).containsPattern("trial on the embedded\\s+database to PostgreSQL\\.");
    }
}
