package dev.nrrbot.serve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * README.md and --help say the same: every option a command's --help lists is in the README's command
 * reference for that command and the other way round, every environment variable the README documents
 * is one the code reads and every one the code reads is documented, and every {@code bin/nrr-bot ...}
 * line in the README is a command line the program accepts.
 */
class ReadmeHelpConsistencyTest {

    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*[a-z]");
    private static final Pattern ENV = Pattern.compile("\\b(?:NRR|SLACK)_[A-Z0-9_]*[A-Z0-9]\\b");

    private final String readme = read(Path.of("README.md"));
    private final Map<String, CommandLine> commands = new TreeMap<>(Main.commandLine().getSubcommands());

    {
        commands.remove("help"); // picocli's own
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String section(String heading) {
        int start = readme.indexOf("\n## " + heading + "\n");
        assertThat(start).as("README section " + heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The options the README's command reference gives each command: its table rows, report options, --db. */
    private Map<String, Set<String>> readmeOptions() {
        String ref = section("Command reference");
        Map<String, Set<String>> byCommand = new TreeMap<>();
        String[] lines = ref.split("\n");
        int i = 0;
        while (!lines[i].startsWith("| command |")) {
            i++;
        }
        List<String> rows = new ArrayList<>();
        for (i += 2; i < lines.length && lines[i].startsWith("| `"); i++) {
            rows.add(lines[i]);
        }
        String reportOptions = paragraph(ref, "Report options:");
        int global = reportOptions.indexOf("Every command");
        Matcher db = Pattern.compile("Every command but `(\\w+)` takes `--db JDBC_URL`").matcher(reportOptions);
        assertThat(db.find()).as("README says which commands take --db").isTrue();
        Set<String> reporting = options(reportOptions.substring(0, global));
        for (String row : rows) {
            String synopsis = row.substring(3, row.indexOf('`', 3));
            String command = synopsis.split(" ")[0];
            Set<String> o = byCommand.computeIfAbsent(command, c -> new TreeSet<>());
            o.addAll(options(row));
            if (synopsis.contains("[options]")) {
                o.addAll(reporting);
            }
        }
        for (Map.Entry<String, Set<String>> e : byCommand.entrySet()) {
            if (!e.getKey().equals(db.group(1))) {
                e.getValue().add("--db");
            }
        }
        return byCommand;
    }

    private static String paragraph(String text, String opening) {
        int start = text.indexOf(opening);
        assertThat(start).as("README: " + opening).isNotNegative();
        int end = text.indexOf("\n\n", start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static Set<String> options(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = OPTION.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Set<String> helpOptions(CommandLine cl) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (!o.usageHelp() && !o.versionHelp()) {
                names.add(o.longestName());
            }
        }
        return names;
    }

    @Test
    void theCommandReferenceListsEveryCommandAndNoOther() {
        assertThat(readmeOptions().keySet()).isEqualTo(commands.keySet());
    }

    @Test
    void everyOptionInHelpIsInTheReadmeAndEveryReadmeOptionExists() {
        Map<String, Set<String>> documented = readmeOptions();
        commands.forEach((name, cl) -> {
            Set<String> inHelp = helpOptions(cl);
            Set<String> inReadme = documented.getOrDefault(name, Set.of());
            Set<String> undocumented = new TreeSet<>(inHelp);
            undocumented.removeAll(inReadme);
            Set<String> unknown = new TreeSet<>(inReadme);
            unknown.removeAll(inHelp);
            assertThat(undocumented).as("options of '" + name + "' in --help but not in README's command reference").isEmpty();
            assertThat(unknown).as("options README gives '" + name + "' that it does not have").isEmpty();
        });
    }

    /** Environment variables the code reads: Settings' names, System.getenv, and the launcher's. */
    private static Set<String> readByCode(Path... roots) {
        Set<String> names = new TreeSet<>();
        Pattern literal = Pattern.compile("\"((?:NRR|SLACK)_[A-Z0-9_]+)\"");
        Pattern getenv = Pattern.compile("getenv\\(\"([A-Z0-9_]+)\"\\)");
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    String src = read(f);
                    Matcher g = getenv.matcher(src);
                    while (g.find()) {
                        names.add(g.group(1));
                    }
                    if (f.endsWith(Path.of("platform", "Settings.java"))) {
                        Matcher l = literal.matcher(src);
                        while (l.find()) {
                            names.add(l.group(1));
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static Set<String> readByLauncher() {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{?((?:NRR|SLACK)_[A-Z0-9_]+)").matcher(read(Path.of("bin", "nrr-bot")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyEnvironmentVariableTheCodeReadsIsInTheReadme() {
        Set<String> read = readByCode(Path.of("src/main/java"));
        read.addAll(readByLauncher());
        assertThat(read).contains("NRR_DATABASE_URL", "NRR_ADMINS", "SLACK_BOT_TOKEN", "NRR_BOT_JAR");
        Set<String> inReadme = new TreeSet<>();
        Matcher m = ENV.matcher(readme);
        while (m.find()) {
            inReadme.add(m.group());
        }
        Set<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(inReadme);
        assertThat(undocumented).as("read by the code, not in README.md").isEmpty();

        Set<String> readAnywhere = readByCode(Path.of("src/main/java"), Path.of("src/test/java"));
        readAnywhere.addAll(readByLauncher());
        Set<String> unread = new TreeSet<>(inReadme);
        unread.removeAll(readAnywhere);
        assertThat(unread).as("in README.md, read by no code").isEmpty();
    }

    /** Every {@code bin/nrr-bot ...} in a code block, or in inline code that is not a synopsis. */
    private List<String> readmeCommandLines() {
        List<String> found = new ArrayList<>();
        boolean inBlock = false;
        for (String line : readme.split("\n")) {
            if (line.trim().startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock) {
                Matcher m = Pattern.compile("(?:^|\\s)bin/nrr-bot (.*)$").matcher(line);
                if (m.find()) {
                    found.add(m.group(1).replaceFirst("\\s+#.*$", "").trim());
                }
            } else {
                Matcher m = Pattern.compile("(?:`|`[^`]*\\s)bin/nrr-bot ([^`]*)`").matcher(line);
                while (m.find()) {
                    if (!m.group(1).contains("[") && !m.group(1).contains("|")) {
                        found.add(m.group(1).trim());
                    }
                }
            }
        }
        return found;
    }

    /** Splits as sh does for the README's lines: spaces, and double or single quotes around a word. */
    private static String[] words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words.toArray(String[]::new);
    }

    @Test
    void everyCommandLineInTheReadmeIsAccepted() {
        List<String> lines = readmeCommandLines();
        assertThat(lines).as("bin/nrr-bot lines in README.md").hasSizeGreaterThan(10)
                .contains("demo", "report --window 2026-Q3", "serve --socket-mode", "import reasons churn_reasons.csv");
        for (String line : lines) {
            String[] args = words(line);
            CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args); // throws on anything it does not take
            assertThat(parsed.hasSubcommand() || parsed.isUsageHelpRequested()).as(line).isTrue();
        }
    }
}
