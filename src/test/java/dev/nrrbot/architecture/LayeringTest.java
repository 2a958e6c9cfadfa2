package dev.nrrbot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md, so the layout stays as it is described: pure cores, a platform
 * that knows no capability, no package cycles, SQL only in {@code db} packages, short classes.
 */
class LayeringTest {

    /** The capabilities: each has its pure core at its root, and may have render, slack and db beside it. */
    static final String[] CAPABILITIES = {"metrics", "ingest", "revenue", "access", "outbox", "comp", "flags", "numbers", "readouts", "signals", "health", "renewals",
            "demo"};
    static final Path MAIN = Path.of("src/main/java");

    static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        // the compiled production classes only; src/test/resources/archunit.properties keeps ArchUnit from
        // reading every library on the classpath as well
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target/classes"));
    }

    @Test
    void coresImportNoSlackNoJdbiNoSqlNoAwt() {
        for (String capability : CAPABILITIES) {
            noClasses().that().resideInAPackage("dev.nrrbot." + capability)
                    .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "org.jdbi..", "java.sql..", "javax.sql..",
                            "java.awt..", "javax.imageio..", "org.jfree..", "com.zaxxer..")
                    .because("a capability's root is its pure core: records and functions, readable against the definitions")
                    .check(production);
        }
    }

    @Test
    void platformImportsNoCapability() {
        String[] others = new String[CAPABILITIES.length + 1];
        for (int i = 0; i < CAPABILITIES.length; i++) {
            others[i] = "dev.nrrbot." + CAPABILITIES[i] + "..";
        }
        others[CAPABILITIES.length] = "dev.nrrbot.serve..";
        noClasses().that().resideInAPackage("dev.nrrbot.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("platform is the shared shell every capability stands on")
                .check(production);
    }

    @Test
    void onlyTheCompositionRootKnowsServe() {
        noClasses().that().resideOutsideOfPackage("dev.nrrbot.serve..")
                .should().dependOnClassesThat().resideInAPackage("dev.nrrbot.serve..")
                .check(production);
    }

    @Test
    void noCyclesBetweenCapabilities() {
        slices().matching("dev.nrrbot.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.nrrbot.(**)").should().beFreeOfCycles().check(production);
    }

    private static final Pattern SQL = Pattern.compile(
            "\"[^\"\\n]*\\b(SELECT\\b[^\"\\n]*\\bFROM|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|MERGE INTO|CREATE TABLE|DROP TABLE"
                    + "|TRUNCATE)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void sqlStringsLiveOnlyInDbPackages() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : sources()) {
            if (f.toString().contains("/db/")) {
                continue;
            }
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                if (SQL.matcher(lines.get(i)).find()) {
                    found.add(MAIN.relativize(f) + ":" + (i + 1));
                }
            }
        }
        assertThat(found).as("SQL outside a db package").isEmpty();
    }

    @Test
    void aClassOver300LinesSaysWhyInItsJavadoc() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : sources()) {
            List<String> lines = Files.readAllLines(f);
            if (lines.size() > 300 && lines.stream().noneMatch(l -> l.contains("Over 300 lines:"))) {
                found.add(MAIN.relativize(f) + " (" + lines.size() + " lines)");
            }
        }
        assertThat(found).as("classes over 300 lines without an 'Over 300 lines:' reason in their Javadoc").isEmpty();
    }

    static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
