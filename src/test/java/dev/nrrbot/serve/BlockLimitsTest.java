package dev.nrrbot.serve;

import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.numbers.render.AnswerBlocks;
import dev.nrrbot.platform.format.Freshness;
import dev.nrrbot.numbers.render.HomeView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.nrrbot.access.Access;
import dev.nrrbot.access.AccessStore;
import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.FunctionDetail;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Movement;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.metrics.ReasonRecord;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.TrendPoint;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.numbers.render.AnswerBlocks.Footer;
import dev.nrrbot.numbers.slack.NumbersCommands;
import dev.nrrbot.access.slack.AccessCommands;
import dev.nrrbot.numbers.AccountNotes;
import dev.nrrbot.platform.slack.CommandTable;
import dev.nrrbot.platform.slack.Invocation;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.platform.slack.Reply;
import dev.nrrbot.revenue.RevenueStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Messages stay inside Block Kit limits whatever the data: every answer rendered from the benchmark
 * company (50,000 accounts x 36 months), and {@link BlockKit} fed adversarial input. One validator
 * checks every limit on the JSON Slack would receive.
 */
class BlockLimitsTest {

    private static final Gson GSON = GsonFactory.createSnakeCase();
    /** How a cut list ends: "_...and 49,610 more_" is not the form, "_...and 49610 more_" is. */
    private static final Pattern MORE = Pattern.compile("^_?\\.\\.\\.and (\\d+) more_?$");
    private static final Pattern MORE_BLOCKS = Pattern.compile("^_?\\.\\.\\.and (\\d+) more not shown_?$");
    private static final String ADMIN = "U0ADMIN";

    @TempDir
    static Path dir;
    static BenchmarkCompany.Data data;
    static Portfolio portfolio;
    static NrrEngine engine;
    static Freshness fresh;

    @BeforeAll
    static void generateTheBenchmarkCompanyOnce() throws Exception {
        data = BenchmarkCompany.generate(dir.resolve("bench"));
        portfolio = data.portfolio();
        engine = new NrrEngine(portfolio);
        fresh = new Freshness(engine.currentMonthOrNull(), Instant.parse("2026-11-02T08:30:00Z"));
    }

    // ---------------------------------------------------------------- the one validator

    /**
     * Asserts every Block Kit limit the bot must keep on the JSON Slack would receive, and returns it.
     * Limits: 50 blocks; header plain text of at most 150; section text at most 3000; at most 10 fields
     * of at most 2000 each; 1 to 10 context elements; 1 to 25 action elements; button text at most 75
     * and value at most 2000, action ids unique in their block; and no text object with empty text.
     */
    static JsonArray assertWithinLimits(String what, List<LayoutBlock> blocks) {
        JsonArray json = JsonParser.parseString(GSON.toJson(blocks)).getAsJsonArray();
        assertThat(json.size()).as(what + ": number of blocks").isBetween(1, BlockKit.MAX_BLOCKS);
        for (int i = 0; i < json.size(); i++) {
            JsonObject b = json.get(i).getAsJsonObject();
            String type = b.get("type").getAsString();
            String at = what + ", block " + i + " (" + type + ")";
            switch (type) {
                case "header" -> {
                    assertThat(b.getAsJsonObject("text").get("type").getAsString()).as(at).isEqualTo("plain_text");
                    assertText(at + " text", b.getAsJsonObject("text"), BlockKit.MAX_HEADER_TEXT);
                }
                case "section" -> {
                    assertThat(b.has("text") || b.has("fields")).as(at + " has text or fields").isTrue();
                    if (b.has("text")) {
                        assertText(at + " text", b.getAsJsonObject("text"), BlockKit.MAX_SECTION_TEXT);
                    }
                    if (b.has("fields")) {
                        JsonArray fields = b.getAsJsonArray("fields");
                        assertThat(fields.size()).as(at + " fields").isBetween(1, BlockKit.MAX_FIELDS);
                        for (int f = 0; f < fields.size(); f++) {
                            assertText(at + " field " + f, fields.get(f).getAsJsonObject(), BlockKit.MAX_FIELD_TEXT);
                        }
                    }
                }
                case "context" -> {
                    JsonArray elements = b.getAsJsonArray("elements");
                    assertThat(elements.size()).as(at + " elements").isBetween(1, BlockKit.MAX_CONTEXT_ELEMENTS);
                    for (int e = 0; e < elements.size(); e++) {
                        assertText(at + " element " + e, elements.get(e).getAsJsonObject(), BlockKit.MAX_SECTION_TEXT);
                    }
                }
                case "actions" -> {
                    JsonArray elements = b.getAsJsonArray("elements");
                    assertThat(elements.size()).as(at + " elements").isBetween(1, BlockKit.MAX_ACTION_ELEMENTS);
                    Set<String> ids = new HashSet<>();
                    for (int e = 0; e < elements.size(); e++) {
                        JsonObject button = elements.get(e).getAsJsonObject();
                        String bt = at + " button " + e;
                        assertThat(button.get("type").getAsString()).as(bt).isEqualTo("button");
                        assertThat(button.getAsJsonObject("text").get("type").getAsString()).as(bt).isEqualTo("plain_text");
                        assertText(bt + " text", button.getAsJsonObject("text"), BlockKit.MAX_BUTTON_TEXT);
                        if (button.has("value")) {
                            assertThat(button.get("value").getAsString().length()).as(bt + " value length")
                                    .isLessThanOrEqualTo(BlockKit.MAX_BUTTON_VALUE);
                        }
                        String id = button.get("action_id").getAsString();
                        assertThat(id.length()).as(bt + " action_id length").isBetween(1, 255);
                        assertThat(ids.add(id)).as(bt + " action_id '" + id + "' unique in its block").isTrue();
                    }
                }
                case "divider" -> {
                }
                default -> fail(at + ": a block type the bot does not send");
            }
        }
        return json;
    }

    private static void assertText(String at, JsonObject textObject, int max) {
        assertThat(textObject.get("type").getAsString()).as(at + " type").isIn("plain_text", "mrkdwn");
        String text = textObject.get("text").getAsString();
        assertThat(text).as(at + " is not empty").isNotEmpty();
        assertThat(text.length()).as(at + " length").isLessThanOrEqualTo(max);
    }

    // ---------------------------------------------------------------- reading what was rendered

    /** The texts of every section (its text, then its fields), in order. */
    static List<String> sectionTexts(JsonArray blocks) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : blocks) {
            JsonObject b = e.getAsJsonObject();
            if (b.get("type").getAsString().equals("section")) {
                if (b.has("text")) {
                    out.add(b.getAsJsonObject("text").get("text").getAsString());
                }
                if (b.has("fields")) {
                    b.getAsJsonArray("fields").forEach(f -> out.add(f.getAsJsonObject().get("text").getAsString()));
                }
            }
        }
        return out;
    }

    static String allText(JsonArray blocks) {
        StringBuilder out = new StringBuilder();
        collect(blocks, out);
        return out.toString();
    }

    private static void collect(JsonElement e, StringBuilder out) {
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collect(x, out));
        } else if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(x -> {
                if (x.getKey().equals("text") && x.getValue().isJsonPrimitive()) {
                    out.append(x.getValue().getAsString()).append('\n');
                } else {
                    collect(x.getValue(), out);
                }
            });
        }
    }

    /**
     * For a list of {@code total} items (lines {@code isItem} recognises): if not all are shown, the
     * section holding the last shown item ends with "...and N more" where N is exactly the number left
     * out; if all are shown, no such line. Returns how many were shown.
     */
    static int assertCutExactly(String what, JsonArray blocks, int total, Predicate<String> isItem) {
        int shown = 0;
        String last = null;
        for (String text : sectionTexts(blocks)) {
            long items = text.lines().filter(isItem).count();
            if (items > 0) {
                shown += (int) items;
                last = text;
            }
        }
        assertThat(shown).as(what + ": items shown").isBetween(1, total);
        List<String> lines = last.lines().toList();
        Matcher m = MORE.matcher(lines.get(lines.size() - 1));
        if (shown == total) {
            assertThat(m.matches()).as(what + ": all " + total + " shown, so no '...and N more'").isFalse();
        } else {
            assertThat(m.matches()).as(what + ": a cut list ends with '...and N more', not: " + lines.get(lines.size() - 1))
                    .isTrue();
            assertThat(Integer.parseInt(m.group(1))).as(what + ": N = items not shown (" + total + " - " + shown + ")")
                    .isEqualTo(total - shown);
        }
        return shown;
    }

    private static String lines(int n, String prefix) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).collect(Collectors.joining("\n"));
    }

    // ---------------------------------------------------------------- the benchmark data itself

    @Test
    void theBenchmarkCompanyIsReadWhole() {
        Ledger ledger = portfolio.ledger();
        assertThat(ledger.accountCount()).isEqualTo(BenchmarkCompany.ACCOUNTS);
        assertThat(ledger.monthCount()).isEqualTo(BenchmarkCompany.MONTHS);
        assertThat(data.mrrRows()).isEqualTo(BenchmarkCompany.ACCOUNTS * BenchmarkCompany.MONTHS);
        assertThat(data.accounts()).hasSize(BenchmarkCompany.ACCOUNTS);
        assertThat(ledger.latestMonth()).contains(YearMonth.of(2026, 10));
        assertThat(data.records()).hasSizeGreaterThan(10_000);
        assertThat(data.records()).allSatisfy(r -> assertThat(ReasonTaxonomy.defaults().byCode(r.code())).isPresent());
        assertThat(portfolio.account(0).attributes()).containsOnlyKeys("plan", "region", "industry");
        assertThat(portfolio.unmatchedRecords().size()).as("most records reach a movement")
                .isLessThan(data.records().size() / 10);
    }

    // ---------------------------------------------------------------- every answer, benchmark data

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-Q3", "2026-09", "2025", "last quarter", "2024-03..2025-03", "T12M@2025-06"})
    void summaryInEveryWindow(String text) {
        Window w = engine.window(text);
        RetentionReport r = engine.report(w, Segment.ALL);
        // as Answers does: no comparison when the previous window starts before the data
        RetentionReport previous = w.start().minusMonths(w.months()).isBefore(BenchmarkCompany.FIRST) ? null
                : engine.report(w.previous(), Segment.ALL);
        JsonArray json = assertWithinLimits("summary " + text, AnswerBlocks.summary(r, previous, fresh, Footer.shareable(text)));
        assertCutExactly("summary " + text, json, r.contributions().size(), l -> l.startsWith("• "));
        assertWithinLimits("shared summary " + text, AnswerBlocks.summary(r, null, fresh, Footer.sharedBy("U0SHARER")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan=Enterprise", "plan=Starter", "region=EMEA", "industry=Fintech"})
    void segmentSummary(String segment) {
        Window w = engine.window("");
        Segment s = Segment.parse(segment);
        RetentionReport r = engine.report(w, s);
        assertWithinLimits("segment " + segment, AnswerBlocks.summary(r, engine.report(w.previous(), s), fresh,
                Footer.shareable("segment " + segment)));
    }

    @ParameterizedTest
    @EnumSource(BusinessFunction.class)
    void functionViewForEveryFunction(BusinessFunction f) {
        for (String window : new String[] {"", "2026-Q3", "2024-03..2025-03"}) {
            FunctionDetail d = engine.functionDetail(engine.window(window), Segment.ALL, f);
            List<Map.Entry<YearMonth, java.math.BigDecimal>> trend = engine.contributionTrend(f, Segment.ALL, 12);
            JsonArray json = assertWithinLimits("function " + f + " " + window,
                    AnswerBlocks.function(d, trend, fresh, Footer.shareable("function " + f.code() + " " + window), 5, "note"));
            if (!d.codes().isEmpty()) {
                assertCutExactly("function " + f, json, d.codes().size(), l -> l.startsWith("• *"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-Q3", "2026-10", "2025", "2023-12..2026-10"})
    void reasonsPareto(String window) {
        ReasonPareto p = engine.pareto(engine.window(window), Segment.ALL);
        assertThat(p.rows()).isNotEmpty();
        JsonArray json = assertWithinLimits("reasons " + window, AnswerBlocks.reasons(p, fresh, Footer.shareable("reasons " + window), 5, "note"));
        assertCutExactly("reasons " + window, json, p.rows().size(), BlockLimitsTest::isParetoRow);
    }

    private static boolean isParetoRow(String line) {
        return line.matches("^\\*?\\d+\\. .*");
    }

    @Test
    void trend() {
        List<TrendPoint> points = engine.trend(Segment.ALL);
        assertThat(points).hasSize(23 + 1);
        JsonArray json = assertWithinLimits("trend", AnswerBlocks.trend(points, Segment.ALL.toString(), fresh,
                Footer.shareable("trend")));
        assertCutExactly("trend", json, points.size(), l -> l.startsWith("`"));
        Segment enterprise = Segment.parse("plan=Enterprise");
        assertWithinLimits("trend of a segment", AnswerBlocks.trend(engine.trend(enterprise), enterprise.toString(), fresh,
                Footer.sharedBy("U0SHARER")));
    }

    @Test
    void accountWithTheLongestHistory() {
        Ledger ledger = portfolio.ledger();
        int busiest = IntStream.range(0, ledger.accountCount()).boxed()
                .max(Comparator.comparingInt((Integer a) -> portfolio.movements(a).size())).orElseThrow();
        Account account = portfolio.account(busiest);
        List<Movement> movements = portfolio.movements(busiest);
        assertThat(movements).hasSizeGreaterThan(5);

        // as Answers shows it: the 13 months to the latest
        List<Map.Entry<YearMonth, Long>> recent = new ArrayList<>();
        for (YearMonth m = BenchmarkCompany.LAST.minusMonths(12); !m.isAfter(BenchmarkCompany.LAST); m = m.plusMonths(1)) {
            recent.add(Map.entry(m, ledger.mrr(account.id(), m)));
        }
        JsonArray json = assertWithinLimits("account " + account.id(), AnswerBlocks.account(account, recent, movements, fresh, List.of()));
        assertThat(allText(json)).contains(account.name());
        assertCutExactly("account movements", json, movements.size(), l -> l.matches("^`\\d{4}-\\d{2}`  (churn|contraction|expansion|reactivation|new).*"));

        // the whole 36 months, and a movement list far longer than any account has
        List<Map.Entry<YearMonth, Long>> whole = new ArrayList<>();
        for (YearMonth m = BenchmarkCompany.FIRST; !m.isAfter(BenchmarkCompany.LAST); m = m.plusMonths(1)) {
            whole.add(Map.entry(m, ledger.mrr(account.id(), m)));
        }
        List<Movement> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.addAll(movements);
        }
        JsonArray big = assertWithinLimits("account, 36 months, " + many.size() + " movements",
                AnswerBlocks.account(account, whole, many, fresh, List.of()));
        assertCutExactly("account history", big, whole.size(), l -> l.matches("^`\\d{4}-\\d{2}`  [\\d,]+$"));
        assertCutExactly("account, " + many.size() + " movements", big, many.size(),
                l -> l.matches("^`\\d{4}-\\d{2}`  (churn|contraction|expansion|reactivation|new).*"));
    }

    @Test
    void accountSearchWith50000Matches() {
        // rendered as Answers renders several matches
        Ledger ledger = portfolio.ledger();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ledger.accountCount(); i++) {
            lines.add("• " + portfolio.account(i).name() + " (`" + ledger.accountId(i) + "`)");
        }
        assertThat(lines).hasSize(50_000);
        List<LayoutBlock> blocks = new BlockKit().list("*" + lines.size() + " accounts match \"" + BlockKit.escape("acme")
                + "\".* Ask again with the id, e.g. `/nrr account " + ledger.accountId(0) + "`", lines).build();
        JsonArray json = assertWithinLimits("account search", blocks);
        int shown = assertCutExactly("account search", json, 50_000, l -> l.startsWith("• "));
        assertThat(shown).isGreaterThan(50);
        assertThat(json.size()).isLessThanOrEqualTo(BlockKit.MAX_LIST_SECTIONS);
    }

    @Test
    void paretoWith300ExtraCodesEachOnItsOwnRow() {
        Window w = engine.window("");
        Ledger ledger = portfolio.ledger();
        // the largest losses of the window, one per account, each explained by a code of its own
        List<Movement> losses = new ArrayList<>();
        for (int a = 0; a < ledger.accountCount(); a++) {
            portfolio.movements(a).stream()
                    .filter(m -> m.kind().isLoss() && m.month().isAfter(w.start()) && !m.month().isAfter(w.end()))
                    .findFirst().ifPresent(losses::add);
        }
        losses.sort(Comparator.comparingLong(Movement::cents).reversed());
        assertThat(losses).hasSizeGreaterThan(300);
        ReasonTaxonomy taxonomy = ReasonTaxonomy.defaults();
        List<ReasonRecord> records = new ArrayList<>(data.records());
        long seq = records.size();
        BusinessFunction[] functions = BusinessFunction.values();
        for (int i = 0; i < 300; i++) {
            Movement m = losses.get(i);
            String code = String.format("extra_reason_%03d", i + 1);
            taxonomy = taxonomy.with(new ReasonCode(code, i % 11 == 10 ? null : functions[i % 11],
                    ReasonCode.Polarity.REASON, "Extra reason " + (i + 1) + " <&>", List.of()));
            // dated at the end of the movement's month, imported last: it wins the movement
            records.add(new ReasonRecord(ledger.accountId(m.account()), m.month().atEndOfMonth(), code,
                    "adversarial note " + i, ++seq));
        }
        assertThat(taxonomy.codes()).hasSize(ReasonTaxonomy.defaults().codes().size() + 300);
        Portfolio extra = Portfolio.of(ledger, data.accounts(), taxonomy, records, List.of());
        ReasonPareto p = new NrrEngine(extra).pareto(w, Segment.ALL);
        assertThat(p.rows()).hasSizeGreaterThan(300);
        assertThat(p.rows().stream().filter(r -> r.reason().startsWith("extra_reason_"))).hasSize(300);

        JsonArray json = assertWithinLimits("pareto of " + p.rows().size() + " rows",
                AnswerBlocks.reasons(p, fresh, Footer.shareable("reasons"), 5, "note"));
        int shown = assertCutExactly("pareto of " + p.rows().size() + " rows", json, p.rows().size(), BlockLimitsTest::isParetoRow);
        // the rows shown are the first ones, in order
        List<String> numbers = sectionTexts(json).stream().flatMap(String::lines).filter(BlockLimitsTest::isParetoRow)
                .map(l -> l.replaceFirst("^\\*?(\\d+)\\..*", "$1")).toList();
        assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, shown).mapToObj(Integer::toString).toList());
    }

    @Test
    void help() {
        CommandTable table = CommandGrammarTest.TABLE;
        Invocation in = new Invocation(ADMIN, "help", null, null, Invocation.Audience.ASKER);
        assertWithinLimits("help", table.run(table.parse("help"), in).blocks());
        assertWithinLimits("help with a problem", table.run(table.parse("tremd"), in).blocks());
        assertWithinLimits("help with a 10,000-char problem", table.run(new CommandTable.Parsed(table.commands().get(0),
                new CommandTable.Help("<&>".repeat(3_334), "/nrr " + "x".repeat(10_000))), in).blocks());
    }

    @Test
    void noticeOf10000Chars() {
        String message = "No NRR for 2019-Q1: these months have none: " + "2019-01, ".repeat(1_200);
        assertThat(message.length()).isGreaterThan(10_000);
        JsonArray json = assertWithinLimits("notice", dev.nrrbot.platform.slack.Reply.notice(message).blocks());
        assertThat(allText(json)).startsWith("No NRR for 2019-Q1");
        // many lines: cut at a line, saying how many were left out
        String manyLines = lines(2_000, "account <ACME-> has no data in month ");
        JsonArray cut = assertWithinLimits("notice of 2,000 lines", dev.nrrbot.platform.slack.Reply.notice(manyLines).blocks());
        assertCutExactly("notice of 2,000 lines", cut, 2_000, l -> l.startsWith("account &lt;ACME-&gt;"));
    }

    @Test
    void homeView() {
        Window w = engine.window("");
        RetentionReport r = engine.report(w, Segment.ALL);
        RetentionReport previous = engine.report(w.previous(), Segment.ALL);
        List<TrendPoint> trend = engine.trend(Segment.ALL);
        assertWithinLimits("home, no function", HomeView.blocks(r, previous, trend, Set.of(), fresh));
        assertWithinLimits("home, product", HomeView.blocks(r, previous, trend, Set.of(BusinessFunction.PRODUCT), fresh));
        JsonArray all = assertWithinLimits("home, owner of every function",
                HomeView.blocks(r, null, trend, EnumSet.allOf(BusinessFunction.class), fresh));
        assertThat(allText(all)).contains("Customer Success details", "External details");
        JsonArray buttons = all.get(all.size() - 1).getAsJsonObject().getAsJsonArray("elements");
        assertThat(buttons).hasSize(2 + BusinessFunction.values().length + 2); // and Definitions, How to ask
        // HomeButtons answers every action id of the form home_.*
        buttons.forEach(b -> assertThat(b.getAsJsonObject().get("action_id").getAsString()).matches("home_.+"));
        assertWithinLimits("home, one trend point", HomeView.blocks(r, previous, trend.subList(0, 1), Set.of(), fresh));
        assertWithinLimits("home, no data", HomeView.empty("There is no revenue data yet. " + "x".repeat(10_000)));
    }

    /** Every /nrr form through the real command table, over the benchmark data. */
    @Test
    void everyAnswerThroughAnswers() {
        RevenueStore store = mock(RevenueStore.class);
        when(store.loadPortfolio()).thenReturn(portfolio);
        AccessStore accessStore = mock(AccessStore.class);
        try (PortfolioCache cache = new PortfolioCache(store)) {
            Access access = new Access(accessStore, Set.of(ADMIN), new dev.nrrbot.access.Policy(5), id -> dev.nrrbot.access.AccountScope.UNKNOWN);
            CommandTable answers = new CommandTable(java.util.stream.Stream.concat(
                    new NumbersCommands(cache, access, AccountNotes.NONE).commands().stream(),
                    new AccessCommands(access).commands().stream()).toList(), "summary", NrrSlackApp.SENTENCES);
            List<String> questions = new ArrayList<>(List.of("", "2026-Q3", "2026-09", "2026", "last quarter",
                    "2024-03..2025-03", "segment plan=Enterprise", "segment region=EMEA 2026-Q3", "segment plan=Nope",
                    "segment colour=red", "reasons", "reasons 2026", "trend", "account ACME-00001", "account Acorn Labs",
                    "account no-such-account", "help", "definitions", "reasosn", "reasons banana", "2019-Q1", "role <@U0BOB> cs_leader"));
            for (BusinessFunction f : BusinessFunction.values()) {
                questions.add("function " + f.code());
            }
            for (String q : questions) {
                Reply reply = answers.run(answers.parse(q), new Invocation(ADMIN, q, null, null, Invocation.Audience.ASKER));
                assertThat(reply.text()).as(q).isNotBlank();
                assertWithinLimits("/nrr " + q, reply.blocks());
            }
            Reply search = answers.run(answers.parse("account acme"),
                    new Invocation(ADMIN, "account acme", null, null, Invocation.Audience.MODAL));
            assertThat(search.text()).isEqualTo("50000 accounts match");
            JsonArray json = assertWithinLimits("/nrr account acme", search.blocks());
            assertCutExactly("/nrr account acme", json, 50_000, l -> l.startsWith("• "));
        }
    }

    // ---------------------------------------------------------------- BlockKit, adversarial input

    @Test
    void aListOf10000LinesIsCutWithTheExactCount() {
        List<String> lines = IntStream.rangeClosed(1, 10_000).mapToObj(i -> "line " + i + " of the list").toList();
        JsonArray json = assertWithinLimits("list", new BlockKit().header("A long list").list("*Title*", lines).build());
        assertThat(json.size()).isEqualTo(1 + BlockKit.MAX_LIST_SECTIONS);
        int shown = assertCutExactly("list", json, 10_000, l -> l.startsWith("line "));
        assertThat(sectionTexts(json).get(0)).startsWith("*Title*\nline 1 of the list\n");
        assertThat(allText(json)).contains("line " + shown + " of the list").doesNotContain("line " + (shown + 1) + " of");
    }

    @Test
    void aTextOf10000LinesIsCutAtALineWithTheExactCount() {
        JsonArray json = assertWithinLimits("text", new BlockKit().text(lines(10_000, "row ")).build());
        assertCutExactly("text", json, 10_000, l -> l.startsWith("row "));
    }

    @Test
    void aListOfLongLinesStaysInside() {
        List<String> lines = IntStream.range(0, 500).mapToObj(i -> i + " " + "w".repeat(5_000)).toList();
        JsonArray json = assertWithinLimits("list of long lines", new BlockKit().list("x".repeat(5_000), lines).build());
        assertCutExactly("list of long lines", json, 500, l -> l.matches("^\\d+ w+\\.\\.\\.$"));
    }

    @Test
    void aSingleLineOf5000CharsIsClipped() {
        String line = "a".repeat(5_000);
        JsonArray json = assertWithinLimits("5,000-char line", new BlockKit().text(line).fields(List.of(line))
                .context(line).list(null, List.of(line)).header(line).build());
        String text = sectionTexts(json).get(0);
        assertThat(text).hasSize(BlockKit.MAX_SECTION_TEXT).endsWith("...").startsWith("aaa");
        assertThat(sectionTexts(json).get(1)).hasSize(BlockKit.MAX_FIELD_TEXT);
    }

    @Test
    void aLongFirstLineFollowedByMoreLinesStillSaysHowManyWereLeftOut() {
        String text = "b".repeat(5_000) + "\n" + lines(10, "next ");
        JsonArray json = assertWithinLimits("long first line", new BlockKit().text(text).build());
        List<String> shown = sectionTexts(json).get(0).lines().toList();
        assertThat(shown.get(0)).startsWith("bbb").endsWith("...");
        Matcher m = MORE.matcher(shown.get(shown.size() - 1));
        assertThat(m.matches()).as("ends with '...and N more': " + shown.get(shown.size() - 1)).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(10);
    }

    @Test
    void twoHundredFieldsKeepNineAndSayHowManyMore() {
        List<String> fields = IntStream.rangeClosed(1, 200).mapToObj(i -> "*Field " + i + "*\n" + "v".repeat(3_000)).toList();
        JsonArray json = assertWithinLimits("200 fields", new BlockKit().fields(fields).build());
        JsonArray shown = json.get(0).getAsJsonObject().getAsJsonArray("fields");
        assertThat(shown).hasSize(BlockKit.MAX_FIELDS);
        assertThat(shown.get(0).getAsJsonObject().get("text").getAsString()).startsWith("*Field 1*");
        assertThat(shown.get(8).getAsJsonObject().get("text").getAsString()).startsWith("*Field 9*");
        assertThat(shown.get(9).getAsJsonObject().get("text").getAsString()).isEqualTo("...and 191 more");
        // exactly ten: nothing to cut
        JsonArray ten = assertWithinLimits("10 fields", new BlockKit().fields(fields.subList(0, 10)).build());
        assertThat(ten.get(0).getAsJsonObject().getAsJsonArray("fields").get(9).getAsJsonObject().get("text").getAsString())
                .startsWith("*Field 10*");
    }

    @Test
    void aHundredButtonsKeepTheFirst25() {
        List<BlockKit.Button> buttons = IntStream.rangeClosed(1, 100).mapToObj(i -> new BlockKit.Button(
                "Button " + i + " " + "t".repeat(100), "action_" + i, "v".repeat(2_000), i == 1 ? "primary" : null)).toList();
        JsonArray json = assertWithinLimits("100 buttons", new BlockKit().text("hi").buttons(buttons).build());
        JsonArray elements = json.get(json.size() - 1).getAsJsonObject().getAsJsonArray("elements");
        assertThat(elements).hasSize(BlockKit.MAX_ACTION_ELEMENTS);
        assertThat(elements.get(0).getAsJsonObject().get("action_id").getAsString()).isEqualTo("action_1");
        assertThat(elements.get(24).getAsJsonObject().get("action_id").getAsString()).isEqualTo("action_25");
        assertThat(elements.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                .hasSize(BlockKit.MAX_BUTTON_TEXT).endsWith("...");
    }

    @Test
    void aButtonWhoseValueSlackWouldRefuseIsLeftOut() {
        List<BlockKit.Button> buttons = List.of(new BlockKit.Button("Too long", "a", "v".repeat(2_001), null),
                new BlockKit.Button("Fine", "b", "v".repeat(2_000), null));
        JsonArray json = assertWithinLimits("long value", new BlockKit().text("hi").buttons(buttons).build());
        JsonArray elements = json.get(1).getAsJsonObject().getAsJsonArray("elements");
        assertThat(elements).hasSize(1);
        assertThat(elements.get(0).getAsJsonObject().get("action_id").getAsString()).isEqualTo("b");
        // none left: no actions block at all
        JsonArray none = assertWithinLimits("no button left", new BlockKit().text("hi").buttons(buttons.subList(0, 1)).build());
        assertThat(none).hasSize(1);
    }

    @Test
    void aHeaderOf1000CharsIsClippedTo150() {
        JsonArray json = assertWithinLimits("header", new BlockKit().header("H".repeat(1_000)).build());
        assertThat(json.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                .hasSize(BlockKit.MAX_HEADER_TEXT).endsWith("...");
    }

    @Test
    void eightySectionsKeepTheFirstBlocksSayHowManyMoreAndKeepTheButtonsLast() {
        BlockKit kit = new BlockKit();
        for (int i = 1; i <= 80; i++) {
            kit.text("section " + i);
        }
        kit.buttons(List.of(new BlockKit.Button("Share in channel", "share", "reasons", "primary")));
        JsonArray json = assertWithinLimits("80 sections", kit.build());
        assertThat(json).hasSize(BlockKit.MAX_BLOCKS);
        List<String> shown = sectionTexts(json);
        assertThat(shown).isEqualTo(IntStream.rangeClosed(1, 48).mapToObj(i -> "section " + i).toList());
        JsonObject context = json.get(48).getAsJsonObject();
        assertThat(context.get("type").getAsString()).isEqualTo("context");
        Matcher m = MORE_BLOCKS.matcher(context.getAsJsonArray("elements").get(0).getAsJsonObject().get("text").getAsString());
        assertThat(m.matches()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).as("blocks not shown").isEqualTo(80 - 48);
        assertThat(json.get(49).getAsJsonObject().get("type").getAsString()).isEqualTo("actions");
    }

    @Test
    void eightySectionsWithoutButtons() {
        BlockKit kit = new BlockKit();
        for (int i = 1; i <= 80; i++) {
            kit.text("section " + i);
        }
        JsonArray json = assertWithinLimits("80 sections, no buttons", kit.build());
        assertThat(json).hasSize(BlockKit.MAX_BLOCKS);
        assertThat(sectionTexts(json)).hasSize(49).endsWith("section 49");
        Matcher m = MORE_BLOCKS.matcher(json.get(49).getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject()
                .get("text").getAsString());
        assertThat(m.matches()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(80 - 49);
    }

    @Test
    void exactlyFiftyBlocksAreNotCut() {
        BlockKit kit = new BlockKit();
        for (int i = 1; i <= 49; i++) {
            kit.text("section " + i);
        }
        kit.buttons(List.of(new BlockKit.Button("Share", "share", "trend", null)));
        JsonArray json = assertWithinLimits("50 blocks", kit.build());
        assertThat(sectionTexts(json)).hasSize(49);
        assertThat(allText(json)).doesNotContain("more not shown");
    }

    @Test
    void manyListsAndContextsTogetherStayInside() {
        BlockKit kit = new BlockKit().header("<&>".repeat(100));
        List<String> lines = IntStream.range(0, 2_000).mapToObj(i -> "• item " + i).toList();
        for (int i = 0; i < 20; i++) {
            kit.list("*List " + i + "*", lines);
            kit.context(IntStream.range(0, 30).mapToObj(j -> "c".repeat(2_500)).toArray(String[]::new));
        }
        kit.buttons(IntStream.range(0, 30).mapToObj(i -> new BlockKit.Button("b" + i, "b" + i, "v", null)).toList());
        JsonArray json = assertWithinLimits("20 lists and 20 contexts", kit.build());
        assertThat(json.get(json.size() - 1).getAsJsonObject().get("type").getAsString()).isEqualTo("actions");
    }
}
