package dev.nrrbot.metrics;

import static dev.nrrbot.metrics.Books.ym;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** A month no import covers has no data; a number that needs it is refused in words, never zero-filled. */
class GapsTest {

    private static Books booksWithAGapIn2025_07() {
        return Books.months("2025-01", "2026-06")
                .account("a", "2025-01", 1000)
                .account("b", "2025-01", 500)
                .uncovered("2025-07");
    }

    @Test
    void aWindowTouchingAnUncoveredMonthNamesThatMonth() {
        NrrEngine engine = booksWithAGapIn2025_07().engine();
        ReportUnavailable e = catchThrowableOfType(ReportUnavailable.class,
                () -> engine.report(Window.trailing12(ym("2026-06")), Segment.ALL));
        assertThat(e.missingMonths()).containsExactly(ym("2025-07"));
        assertThat(e.getMessage()).contains("2025-07").contains("Import");
    }

    @Test
    void theUncoveredMonthAtTheWindowStartCountsToo() {
        NrrEngine engine = booksWithAGapIn2025_07().engine();
        assertThatThrownBy(() -> engine.report(Window.month(ym("2025-08")), Segment.ALL))
                .isInstanceOf(ReportUnavailable.class)
                .hasMessageContaining("2025-07");
    }

    @Test
    void windowsClearOfTheGapAreComputed() {
        NrrEngine engine = booksWithAGapIn2025_07().engine();
        assertThat(engine.report(Window.month(ym("2025-07").plusMonths(2)), Segment.ALL).nrr())
                .isEqualByComparingTo("1");
        assertThat(engine.report(Window.quarter(2025, 2), Segment.ALL).nrr()).isEqualByComparingTo("1");
    }

    @Test
    void monthsAfterTheLastImportAreMissingAsWell() {
        NrrEngine engine = booksWithAGapIn2025_07().engine();
        ReportUnavailable e = catchThrowableOfType(ReportUnavailable.class,
                () -> engine.report(Window.quarter(2026, 3), Segment.ALL));
        assertThat(e.missingMonths()).containsExactly(ym("2026-07"), ym("2026-08"), ym("2026-09"));
        assertThat(e.getMessage()).contains("2026-07", "2026-08", "2026-09");
    }

    @Test
    void aLongRunOfMissingMonthsIsSummarisedButFullyListed() {
        NrrEngine engine = booksWithAGapIn2025_07().engine();
        ReportUnavailable e = catchThrowableOfType(ReportUnavailable.class,
                () -> engine.report(Window.year(2024), Segment.ALL));
        assertThat(e.missingMonths()).hasSize(13).startsWith(ym("2023-12")).endsWith(ym("2024-12"));
        assertThat(e.getMessage()).contains("2023-12").contains("10 more");
    }

    @Test
    void theParetoRefusesAWindowWithAGapToo() {
        NrrEngine engine = booksWithAGapIn2025_07().engine();
        assertThatThrownBy(() -> engine.pareto(Window.trailing12(ym("2026-06")), Segment.ALL))
                .isInstanceOf(ReportUnavailable.class)
                .hasMessageContaining("2025-07");
    }

    @Test
    void noMovementIsInventedAcrossAGap() {
        Portfolio p = booksWithAGapIn2025_07().portfolio();
        assertThat(p.movements(p.ledger().indexOf("a").orElseThrow())).isEmpty();
        assertThat(p.ledger().isCovered(ym("2025-07"))).isFalse();
        assertThat(p.ledger().missingMonths(ym("2025-05"), ym("2025-09"))).containsExactly(ym("2025-07"));
    }

    @Test
    void noCohortMeansNoNrrSaidInWordsNotNaNOrADivisionError() {
        NrrEngine engine = Books.months("2025-01", "2025-06")
                .account("late", "2025-04", 700)
                .engine();
        assertThatThrownBy(() -> engine.report(Window.quarter(2025, 2), Segment.ALL))
                .isExactlyInstanceOf(ReportUnavailable.class)
                .hasMessageContaining("no account was paying at the end of 2025-03")
                .hasMessageContaining("no cohort");
    }

    @Test
    void aSegmentWithNoPayingAccountHasNoCohortEither() {
        NrrEngine engine = Books.months("2025-01", "2025-06")
                .account("a", "2025-01", 700)
                .attributes("a", null, "plan", "SMB")
                .engine();
        assertThatThrownBy(() -> engine.report(Window.quarter(2025, 2), Segment.parse("plan=Enterprise")))
                .isInstanceOf(ReportUnavailable.class)
                .hasMessageContaining("plan=Enterprise");
    }

    @Test
    void noDataAtAllIsExplained() {
        NrrEngine engine = new NrrEngine(Portfolio.of(Ledger.empty(), java.util.List.of(),
                ReasonTaxonomy.defaults(), java.util.List.of(), java.util.List.of()));
        assertThatThrownBy(engine::currentMonth)
                .isInstanceOf(ReportUnavailable.class)
                .hasMessageContaining("no revenue data");
        assertThatThrownBy(() -> engine.report(Window.month(ym("2025-02")), Segment.ALL))
                .isInstanceOf(ReportUnavailable.class);
    }

    @Test
    void currentIsTheLatestCoveredMonthNotTheLastMonthOfTheRange() {
        Ledger l = Ledger.builder(ym("2025-01"), ym("2025-12"))
                .covered(ym("2025-01")).covered(ym("2025-02")).covered(ym("2025-03"))
                .build();
        assertThat(l.latestMonth()).contains(ym("2025-03"));
        assertThat(l.earliestMonth()).contains(ym("2025-01"));
    }
}
