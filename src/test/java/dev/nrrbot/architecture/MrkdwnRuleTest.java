package dev.nrrbot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.slack.api.model.block.composition.MarkdownTextObject;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.nrrbot.platform.slack.BlockKit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every mrkdwn text object is made by {@link BlockKit}, which sends it verbatim and through
 * {@code Mrkdwn.guard}: a new render path cannot put a {@code <!channel>} from data into Slack's markup,
 * even if it forgets to escape. (That it escapes its data is {@code serve/EscapingTest}'s check.)
 */
class MrkdwnRuleTest {

    @Test
    void onlyBlockKitMakesMrkdwnTextObjects() {
        JavaClasses production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target/classes"));
        noClasses().that().doNotHaveFullyQualifiedName(BlockKit.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName(MarkdownTextObject.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(MarkdownTextObject.class.getName() + "$MarkdownTextObjectBuilder")
                .because("BlockKit guards every mrkdwn text (Mrkdwn.guard) and sends it verbatim")
                .check(production);
    }
}
