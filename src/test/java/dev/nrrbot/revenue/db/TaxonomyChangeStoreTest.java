package dev.nrrbot.revenue.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.ingest.ImportKind;
import dev.nrrbot.ingest.ImportOptions;
import dev.nrrbot.ingest.Importer;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.platform.db.TestDatabase;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.revenue.TaxonomyChange;
import dev.nrrbot.revenue.TaxonomyEditor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Taxonomy changes through the revenue transaction, on the suite's database (H2, or PostgreSQL when the
 * run is on it): a moved code moves its revenue to the new function in the very next answer, every
 * change is logged, and a refused one writes nothing.
 */
class TaxonomyChangeStoreTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;
    @AutoClose
    TestDatabase database = TestDatabase.memory();
    JdbiRevenueStore store;
    PortfolioCache cache;
    TaxonomyEditor editor;

    /*
     * 2025-01..2025-06: tern-co churns in 2025-04 (500), ward-group contracts in 2025-05 (200), both
     * explained by pricing_complaint, added as unattributed by an earlier import.
     */
    @BeforeEach
    void revenue() throws Exception {
        store = new JdbiRevenueStore(database.open(), Clock.fixed(NOW, ZoneOffset.UTC));
        cache = new PortfolioCache(store);
        editor = new TaxonomyEditor(store, () -> cache.engine().portfolio());
        StringBuilder ledger = new StringBuilder("account_id,month,mrr\n");
        String[][] rows = {{"tern-co", "500", "500", "500", "0", "0", "0"}, {"ward-group", "800", "800", "800", "800", "600", "600"},
                {"zephyr-ab", "900", "900", "900", "900", "900", "900"}};
        for (String[] r : rows) {
            for (int m = 1; m <= 6; m++) {
                ledger.append(r[0]).append(",2025-0").append(m).append(',').append(r[m]).append('\n');
            }
        }
        Importer importer = new Importer(store);
        importer.run(ImportKind.MRR, Files.writeString(dir.resolve("ledger.csv"), ledger), ImportOptions.DEFAULTS, null);
        importer.run(ImportKind.REASONS, Files.writeString(dir.resolve("reasons.csv"), """
                account_id,date,reason
                tern-co,2025-04-02,pricing_complaint
                ward-group,2025-05-01,pricing_complaint
                """), new ImportOptions(true, null), null);
    }

    @AfterEach
    void close() {
        cache.close();
    }

    static long finance(NrrEngine engine) {
        return engine.report(engine.window("2025-01..2025-06"), Segment.ALL).contributions().stream()
                .filter(c -> c.function() == BusinessFunction.FINANCE).mapToLong(Contribution::signedCents).sum();
    }

    @Test
    void aMovedCodeMovesItsRevenueToTheNewFunctionAtOnce() {
        NrrEngine before = cache.engine();
        assertThat(finance(before)).isZero();
        long version = store.dataVersion();

        TaxonomyEditor.Result r = editor.move("Pricing_Complaint", "finance", "U0ADMIN");

        assertThat(r.done()).isTrue();
        assertThat(r.sentence()).isEqualTo("pricing_complaint now counts for Finance: 1 contraction, 1 churn, 700 MRR of the last"
                + " 12 months move from Unattributed to Finance.");
        assertThat(store.dataVersion()).isGreaterThan(version);
        NrrEngine after = cache.engine();
        assertThat(after).isNotSameAs(before);
        assertThat(finance(after)).isEqualTo(-70_000);
        Window w = after.window("2025-01..2025-06");
        ReasonPareto.Row row = after.pareto(w, Segment.ALL).rows().stream().filter(x -> x.reason().equals("pricing_complaint"))
                .findFirst().orElseThrow();
        assertThat(row.function()).isEqualTo(BusinessFunction.FINANCE);
        assertThat(new NrrEngine(store.loadPortfolio()).pareto(w, Segment.ALL).rows()).contains(row);
        assertThat(store.taxonomyHistory()).containsExactly(new TaxonomyChange(TaxonomyChange.Kind.MOVE, "pricing_complaint",
                "from unattributed to finance", "U0ADMIN", NOW));

        assertThat(editor.move("pricing_complaint", "unattributed", "U0ADMIN").sentence()).startsWith(
                "pricing_complaint now counts for Unattributed: 1 contraction, 1 churn, 700 MRR");
        assertThat(finance(cache.engine())).isZero();
    }

    @Test
    void addedCodesAndAliasesAreReadByTheNextImportAndLogged() throws Exception {
        assertThat(editor.add("Late Invoice", "finance", "Invoice arrived late", false, "cli:dana").sentence())
                .isEqualTo("late_invoice is now a reason code of Finance: imports accept it from now on. Nothing moves yet:"
                        + " no record has it.");
        assertThat(editor.alias("invoice_late", "late_invoice", "cli:dana").sentence())
                .isEqualTo("Imports now read invoice_late as late_invoice (Finance). Nothing moves yet: no record has"
                        + " invoice_late; import the file that had it again.");
        assertThat(editor.add("referral", "marketing", null, true, "cli:dana").sentence()).startsWith("referral is now a driver code of Marketing");
        new Importer(store).run(ImportKind.REASONS, Files.writeString(dir.resolve("more.csv"), """
                account_id,date,reason
                zephyr-ab,2025-03-02,Invoice Late
                """), ImportOptions.DEFAULTS, null);
        assertThat(store.taxonomy().resolve("INVOICE-LATE").orElseThrow().label()).isEqualTo("Invoice arrived late");
        assertThat(store.taxonomyHistory()).extracting(TaxonomyChange::kind, TaxonomyChange::code, TaxonomyChange::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TaxonomyChange.Kind.ADD, "late_invoice",
                                "reason of finance, labelled Invoice arrived late"),
                        org.assertj.core.groups.Tuple.tuple(TaxonomyChange.Kind.ALIAS, "late_invoice", "alias invoice_late"),
                        org.assertj.core.groups.Tuple.tuple(TaxonomyChange.Kind.ADD, "referral", "driver of marketing, labelled referral"));
    }

    @Test
    void aRefusedChangeWritesNothingAndLeavesTheNumbersAsTheyAre() {
        long version = store.dataVersion();
        assertThat(editor.move("pricing_complaint", "treasury", "U0ADMIN").sentence()).startsWith("'treasury' is not a function.");
        assertThat(editor.alias("cost", "billing_contract", "U0ADMIN").done()).isFalse();
        assertThat(editor.add("pricing", "finance", null, false, "U0ADMIN").done()).isFalse();
        assertThat(editor.add("x".repeat(101), "finance", null, false, "U0ADMIN").sentence())
                .isEqualTo("A code holds at most 100 characters; choose a shorter one.");
        assertThat(editor.add("slow", "finance", "y".repeat(201), false, "U0ADMIN").done()).isFalse();
        assertThat(store.dataVersion()).isEqualTo(version);
        assertThat(store.taxonomyHistory()).isEmpty();
    }
}
