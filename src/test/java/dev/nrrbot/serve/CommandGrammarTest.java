package dev.nrrbot.serve;

import dev.nrrbot.numbers.slack.NumbersCommands;
import dev.nrrbot.numbers.slack.NumbersGrammar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.access.Role;
import dev.nrrbot.access.slack.AccessCommands;
import dev.nrrbot.comp.slack.CompCommands;
import dev.nrrbot.flags.slack.FlagCommands;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.WindowSpec;
import dev.nrrbot.platform.slack.CommandTable;
import dev.nrrbot.readouts.slack.ReadoutCommands;
import java.util.List;
import java.util.stream.Stream;
import dev.nrrbot.metrics.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form of /nrr, and what a typo or a bad window gets instead of an error. */
class CommandGrammarTest {

    /** Every capability's commands, as serve wires them; parsing needs none of their dependencies. */
    static final CommandTable TABLE = new CommandTable(Stream.of(new NumbersCommands(null, null, null).commands(),
            new AccessCommands(null).commands(), new FlagCommands(null, null, null, null, null, null, null).commands(),
            new ReadoutCommands(null, null, null).commands(), new CompCommands(null, null, null, null).commands())
            .flatMap(List::stream).toList(), "summary", List.of());

    static Object parse(String text) {
        return TABLE.parse(text).args();
    }

    private static CommandTable.Help help(String text) {
        Object q = parse(text);
        assertThat(q).as(text).isInstanceOf(CommandTable.Help.class);
        return (CommandTable.Help) q;
    }

    // ---------------------------------------------------------------- the summary

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void nothingIsTheCurrentSummary(String text) {
        assertThat(parse(text)).isEqualTo(new NumbersGrammar.Summary(WindowSpec.parse(null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-Q3", "2026-09", "2026", "last quarter", "2024-03..2025-03", "T12M", "last month",
            "last year"})
    void aWindowOnItsOwnIsTheSummaryOfThatWindow(String window) {
        assertThat(parse(window)).isEqualTo(new NumbersGrammar.Summary(WindowSpec.parse(window)));
    }

    @Test
    void extraSpacesAreIgnored() {
        assertThat(parse("  last    quarter ")).isEqualTo(new NumbersGrammar.Summary(WindowSpec.parse("last quarter")));
        assertThat(parse("function   eng    2026-Q3"))
                .isEqualTo(new NumbersGrammar.FunctionView(BusinessFunction.ENGINEERING, WindowSpec.parse("2026-Q3")));
    }

    // ---------------------------------------------------------------- functions

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "function product         | PRODUCT            |",
            "function eng 2026-Q3     | ENGINEERING        | 2026-Q3",
            "function cs last quarter | CUSTOMER_SUCCESS   | last quarter",
            "fn am                    | ACCOUNT_MANAGEMENT |",
            "FUNCTION Product         | PRODUCT            |",
            "product                  | PRODUCT            |",
            "eng                      | ENGINEERING        |",
            "cs 2026-Q3               | CUSTOMER_SUCCESS   | 2026-Q3",
            "finance 2024-03..2025-03 | FINANCE            | 2024-03..2025-03",
    })
    void functionViews(String text, BusinessFunction function, String window) {
        assertThat(parse(text)).isEqualTo(new NumbersGrammar.FunctionView(function, WindowSpec.parse(window)));
    }

    @ParameterizedTest
    @EnumSource(BusinessFunction.class)
    void everyFunctionByItsCode(BusinessFunction f) {
        assertThat(parse("function " + f.code())).isEqualTo(new NumbersGrammar.FunctionView(f, WindowSpec.parse(null)));
        assertThat(parse(f.code())).isEqualTo(new NumbersGrammar.FunctionView(f, WindowSpec.parse(null)));
    }

    @Test
    void aFunctionThatDoesNotExistNamesThoseThatDo() {
        CommandTable.Help h = help("function prodct");
        assertThat(h.problem()).contains("\"prodct\" is not a function").contains("product", "engineering", "customer_success");
        assertThat(h.suggestion()).isEqualTo("/nrr function product");
        CommandTable.Help none = help("function");
        assertThat(none.problem()).startsWith("Which function?");
        assertThat(none.suggestion()).isEqualTo("/nrr function product");
    }

    @Test
    void aFunctionWithABadWindowNamesTheAcceptedWindows() {
        CommandTable.Help h = help("function eng someday");
        assertThat(h.problem()).contains("\"someday\" is not a window").contains(Window.SYNTAX);
        assertThat(h.suggestion()).isEqualTo("/nrr function engineering 2026-Q3");
    }

    // ---------------------------------------------------------------- segments

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "segment plan=Enterprise         | plan=Enterprise |",
            "segment plan=Enterprise 2026-Q3 | plan=Enterprise | 2026-Q3",
            "seg region=EMEA last quarter    | region=EMEA     | last quarter",
            "plan=Enterprise                 | plan=Enterprise |",
            "plan=Enterprise 2026-Q3         | plan=Enterprise | 2026-Q3",
    })
    void segmentViews(String text, String segment, String window) {
        assertThat(parse(text)).isEqualTo(new NumbersGrammar.SegmentView(segment, WindowSpec.parse(window)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"segment", "segment Enterprise", "segment plan=", "segment =Enterprise"})
    void aSegmentThatIsNotKeyEqualsValueGetsTheForm(String text) {
        CommandTable.Help h = help(text);
        assertThat(h.problem()).contains("KEY=VALUE");
        assertThat(h.suggestion()).isEqualTo("/nrr segment plan=Enterprise");
    }

    @Test
    void aSegmentWithABadWindowNamesTheAcceptedWindows() {
        CommandTable.Help h = help("segment plan=Enterprise soon");
        assertThat(h.problem()).contains("\"soon\" is not a window").contains(Window.SYNTAX);
        assertThat(h.suggestion()).isEqualTo("/nrr segment plan=Enterprise 2026-Q3");
    }

    // ---------------------------------------------------------------- reasons, trend, account

    @ParameterizedTest
    @ValueSource(strings = {"reasons", "REASONS", "reason", "why", "pareto", "churn"})
    void reasonsInTheDefaultWindow(String text) {
        assertThat(parse(text)).isEqualTo(new NumbersGrammar.Reasons(WindowSpec.CURRENT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-Q3", "2026-09", "2026", "last quarter", "2024-03..2025-03"})
    void reasonsInAWindow(String window) {
        assertThat(parse("reasons " + window)).isEqualTo(new NumbersGrammar.Reasons(WindowSpec.parse(window)));
    }

    @Test
    void reasonsWithABadWindowNamesTheAcceptedWindows() {
        CommandTable.Help h = help("reasons banana");
        assertThat(h.problem()).isEqualTo("\"banana\" is not a window I know. Windows: " + Window.SYNTAX + ".");
        assertThat(h.problem()).contains("2026-Q3", "2024-03..2025-03", "last quarter");
        assertThat(h.suggestion()).isEqualTo("/nrr reasons 2026-Q3");
        assertThat(help("reasons 2026-13").problem()).contains("is not a window");
    }

    @ParameterizedTest
    @ValueSource(strings = {"trend", "Trend", "trends"})
    void trend(String text) {
        assertThat(parse(text)).isEqualTo(new NumbersGrammar.Trend());
    }

    @Test
    void accountKeepsTheNameAsTyped() {
        assertThat(parse("account Acme Corp")).isEqualTo(new NumbersGrammar.AccountView("Acme Corp"));
        assertThat(parse("acct ACME-00042")).isEqualTo(new NumbersGrammar.AccountView("ACME-00042"));
        assertThat(parse("customer  Beacon   Labs ")).isEqualTo(new NumbersGrammar.AccountView("Beacon Labs"));
    }

    @Test
    void accountWithoutANameAsksWhich() {
        CommandTable.Help h = help("account");
        assertThat(h.problem()).isEqualTo("Which account? Give its name or id.");
        assertThat(h.suggestion()).isEqualTo("/nrr account Acme");
    }

    // ---------------------------------------------------------------- roles

    @Test
    void roleTakesTheMentionedUserAndTheRole() {
        assertThat(parse("role <@U123|dana> cs_leader")).isEqualTo(new AccessCommands.SetRole("U123", Role.parse("cs_leader").orElseThrow()));
        assertThat(parse("role <@U123> admin")).isEqualTo(new AccessCommands.SetRole("U123", Role.parse("admin").orElseThrow()));
        assertThat(parse("role <@W0ABC|sam> VIEWER")).isEqualTo(new AccessCommands.SetRole("W0ABC", Role.parse("viewer").orElseThrow()));
        assertThat(parse("role <@U123|dana> cs-leader")).isEqualTo(new AccessCommands.SetRole("U123", Role.parse("cs_leader").orElseThrow()));
        assertThat(parse("role cs_leader <@U123|dana>")).isEqualTo(new AccessCommands.SetRole("U123", Role.parse("cs_leader").orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"role dana admin", "role @dana admin", "role <@U1> emperor", "role <@U1>", "role admin", "role"})
    void roleWithoutAMentionOrWithAnUnknownRoleGetsHelp(String text) {
        CommandTable.Help h = help(text);
        assertThat(h.problem()).isEqualTo("Give a person and a role: admin, cs_leader or viewer.");
        assertThat(h.suggestion()).isEqualTo("/nrr role @dana cs_leader");
    }

    // ---------------------------------------------------------------- help and typos

    @ParameterizedTest
    @ValueSource(strings = {"help", "HELP", "?", "usage", "help me please"})
    void helpIsPlain(String text) {
        assertThat(parse(text)).isEqualTo(CommandTable.Help.plain());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "reasosn                 | /nrr reasons",
            "resons 2026-Q3          | /nrr reasons 2026-Q3",
            "tremd                   | /nrr trend",
            "fuction product         | /nrr function product",
            "acount x                | /nrr account x",
            "segmnet plan=Enterprise | /nrr segment plan=Enterprise",
            "hepl                    | /nrr help",
            "rol <@U1> admin         | /nrr role <@U1> admin",
    })
    void aTypoSuggestsTheClosestCommand(String text, String suggestion) {
        CommandTable.Help h = help(text);
        assertThat(h.problem()).isEqualTo("I did not understand \"" + text + "\".");
        assertThat(h.suggestion()).isEqualTo(suggestion);
    }

    @ParameterizedTest
    @ValueSource(strings = {"what is our nrr", "xyzzy", "2026-Q5", "plan=Enterprise 2026-Q3 extra"})
    void nonsenseGetsHelpWithoutASuggestion(String text) {
        CommandTable.Help h = help(text);
        assertThat(h.problem()).startsWith("I did not understand");
        assertThat(h.suggestion()).isNull();
    }

    @Test
    void aLongUnreadableTextIsClippedInTheProblem() {
        String text = "blah ".repeat(100).trim();
        CommandTable.Help h = help(text);
        assertThat(h.problem()).hasSizeLessThan(80).contains("...");
    }
}
