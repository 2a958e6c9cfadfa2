package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nrrbot.metrics.MovementKind;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.ReportUnavailable;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.Window;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The monthly ledger: each import is the whole truth for its months; months nobody imported are gaps. */
class LedgerImportTest extends ImportTestSupport {

    /*
     *              2025-01 2025-02 2025-03 2025-04
     * alder-co        100     120     120       -    expansion 02, churn 04 (no row = 0)
     * birch-ltd       200     150     150     150    contraction 02
     * cedar-inc         -       -      50      50    new 03
     * dogwood-sa       80       0       0      90    churn 02, reactivation 04
     */
    private static final String FOUR_MONTHS = """
            account_id,month,mrr,source_system
            alder-co,2025-01,100,billing
            alder-co,2025-02,120,billing
            alder-co,2025-03,120,billing
            birch-ltd,2025-01,200,billing
            birch-ltd,2025-02,150,billing
            birch-ltd,2025-03,150,billing
            birch-ltd,2025-04,150,billing
            cedar-inc,2025-03,50,billing
            cedar-inc,2025-04,50,billing
            dogwood-sa,2025-01,80,billing
            dogwood-sa,2025-02,0,billing
            dogwood-sa,2025-03,0,billing
            dogwood-sa,2025-04,90,billing
            """;

    @Test
    void summaryGivesRowsAccountsMonthsAndMovementsByKind() {
        ImportSummary s = load(ImportKind.MRR, csv("ledger.csv", FOUR_MONTHS));

        assertThat(s.kind()).isEqualTo(ImportKind.MRR);
        assertThat(s.file()).isEqualTo("ledger.csv");
        assertThat(s.rows()).isEqualTo(13);
        assertThat(s.accounts()).isEqualTo(4);
        assertThat(s.firstMonth()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(s.lastMonth()).isEqualTo(YearMonth.of(2025, 4));
        assertThat(s.months()).isEqualTo(4);
        assertThat(s.movements()).isEqualTo(kinds(MovementKind.NEW, 1, MovementKind.EXPANSION, 1,
                MovementKind.REACTIVATION, 1, MovementKind.CONTRACTION, 1, MovementKind.CHURN, 2));
        assertThat(s.unexplainedLosses()).isEqualTo(3);
        assertThat(s.lines()).containsExactly(
                "Imported ledger.csv (mrr): 13 rows, 4 accounts.",
                "Months covered: 2025-01 to 2025-04 (4 months).",
                "Movements found in those months: 1 new, 1 expansion, 1 reactivation, 1 contraction, 2 churn.",
                "3 churn or contraction movements have no reason yet: import reasons (bin/nrr-bot import reasons FILE)"
                        + " so the Pareto can explain them.",
                "Columns not used by a mrr import: source_system.");
        assertThat(movements()).containsExactlyInAnyOrder(
                "alder-co 2025-02 expansion 2000",
                "alder-co 2025-04 churn 12000",
                "birch-ltd 2025-02 contraction 5000",
                "cedar-inc 2025-03 new 5000",
                "dogwood-sa 2025-02 churn 8000",
                "dogwood-sa 2025-04 reactivation 9000");
        assertThat(store.loadPortfolio().knownAccounts()).isEqualTo(4);
        assertThat(store.loadPortfolio().ledger().coveredMonths())
                .containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2), YearMonth.of(2025, 3), YearMonth.of(2025, 4));
    }

    @Test
    void amountsAreKeptToTheCent() {
        load(ImportKind.MRR, csv("ledger.csv", """
                account_id,month,mrr
                alder-co,2025-01,"1,234.56"
                birch-ltd,2025-01,$99.99
                cedar-inc,2025-01,0.005
                dogwood-sa,2025-01,0.015
                """));

        assertThat(mrr("alder-co", "2025-01")).isEqualTo(123_456);
        assertThat(mrr("birch-ltd", "2025-01")).isEqualTo(9_999);
        assertThat(mrr("cedar-inc", "2025-01")).isZero(); // half-even: 0.5 cent rounds to 0
        assertThat(mrr("dogwood-sa", "2025-01")).isEqualTo(2); // 1.5 cents rounds to 2
    }

    @Test
    void reimportingAMonthReplacesItWhole() {
        load(ImportKind.MRR, csv("ledger.csv", FOUR_MONTHS));
        long version = store.dataVersion();

        // March again: alder-co changed, birch-ltd and dogwood-sa are missing, elm-co is new
        ImportSummary s = load(ImportKind.MRR, csv("march-fixed.csv", """
                account_id,month,mrr
                alder-co,2025-03,130
                cedar-inc,2025-03,50
                elm-co,2025-03,70
                """));

        assertThat(store.dataVersion()).isGreaterThan(version);
        assertThat(s.months()).isEqualTo(1);
        assertThat(ledger(List.of("alder-co", "birch-ltd", "cedar-inc", "dogwood-sa", "elm-co"), "2025-01", "2025-04"))
                .containsExactly(
                        Map.entry("alder-co", List.of(10_000L, 12_000L, 13_000L, 0L)),
                        Map.entry("birch-ltd", List.of(20_000L, 15_000L, 0L, 15_000L)),
                        Map.entry("cedar-inc", List.of(0L, 0L, 5_000L, 5_000L)),
                        Map.entry("dogwood-sa", List.of(8_000L, 0L, 0L, 9_000L)),
                        Map.entry("elm-co", List.of(0L, 0L, 7_000L, 0L)));
        assertThat(movements()).contains("birch-ltd 2025-03 churn 15000", "birch-ltd 2025-04 reactivation 15000",
                "elm-co 2025-03 new 7000", "elm-co 2025-04 churn 7000");
        assertThat(store.loadPortfolio().ledger().coveredMonths()).hasSize(4);
        assertThat(store.loadPortfolio().knownAccounts()).isEqualTo(5);
    }

    @Test
    void monthsNeverImportedAreGapsThatReportsName() {
        load(ImportKind.MRR, csv("first-quarter.csv", """
                account_id,month,mrr
                alder-co,2025-01,100
                alder-co,2025-02,100
                alder-co,2025-03,100
                """));
        load(ImportKind.MRR, csv("summer.csv", """
                account_id,month,mrr
                alder-co,2025-06,110
                alder-co,2025-07,110
                """));
        NrrEngine engine = new NrrEngine(store.loadPortfolio());

        assertThat(engine.portfolio().ledger().missingMonths(YearMonth.of(2025, 1), YearMonth.of(2025, 7)))
                .containsExactly(YearMonth.of(2025, 4), YearMonth.of(2025, 5));
        assertThatThrownBy(() -> engine.report(Window.quarter(2025, 2), Segment.ALL))
                .isInstanceOfSatisfying(ReportUnavailable.class, e -> {
                    assertThat(e.missingMonths()).containsExactly(YearMonth.of(2025, 4), YearMonth.of(2025, 5));
                    assertThat(e.getMessage()).contains("2025-Q2", "2025-04, 2025-05", "with gaps");
                });
        // the gap is not zero: no churn or reactivation was invented around it
        assertThat(movements()).isEmpty();
    }

    @Test
    void windowsAroundAGapStillReport() {
        load(ImportKind.MRR, csv("first-quarter.csv", """
                account_id,month,mrr
                alder-co,2025-01,100
                alder-co,2025-02,100
                alder-co,2025-03,100
                birch-ltd,2025-02,50
                birch-ltd,2025-03,75
                """));
        load(ImportKind.MRR, csv("summer.csv", """
                account_id,month,mrr
                alder-co,2025-06,110
                alder-co,2025-07,110
                """));
        NrrEngine engine = new NrrEngine(store.loadPortfolio());

        RetentionReport march = engine.report(Window.month(YearMonth.of(2025, 3)), Segment.ALL);
        assertThat(march.startCents()).isEqualTo(15_000);
        assertThat(march.endCents()).isEqualTo(17_500);
        assertThat(engine.report(Window.month(YearMonth.of(2025, 7)), Segment.ALL).nrr()).isEqualByComparingTo("1");
    }

    @Test
    void importingTheSameLedgerTwiceChangesNothing() {
        Path file = csv("ledger.csv", FOUR_MONTHS);
        ImportSummary first = load(ImportKind.MRR, file);
        Snapshot once = snapshot();
        List<String> movementsOnce = movements();

        ImportSummary second = load(ImportKind.MRR, file);

        assertThat(snapshot().tables()).isEqualTo(once.tables());
        assertThat(movements()).isEqualTo(movementsOnce);
        assertThat(second).isEqualTo(first);
        assertThat(rowsIn("mrr_ledger")).isEqualTo(11); // zero MRR needs no row
    }

    @Test
    void progressHearsTheRowCount() {
        List<String> heard = new ArrayList<>();
        importer.run(ImportKind.MRR, csv("ledger.csv", FOUR_MONTHS), ImportOptions.DEFAULTS, new CsvSource.Progress() {
            @Override
            public void update(long rows, double fraction) {
                heard.add("update " + rows);
            }

            @Override
            public void done(long rows) {
                heard.add("done " + rows);
            }
        });

        assertThat(heard).containsExactly("done 13");
    }
}
