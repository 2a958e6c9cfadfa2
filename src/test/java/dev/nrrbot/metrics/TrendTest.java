package dev.nrrbot.metrics;

import static dev.nrrbot.metrics.Books.ym;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trend is T12M NRR as of each month; a month needs itself and the 12 before it covered. */
class TrendTest {

    /** 2024-01 .. 2025-12; 2024-03 is not covered, so T12M to 2024-03 .. 2025-03 cannot be computed. */
    private static Books books() {
        return Books.months("2024-01", "2025-12")
                .account("a", "2024-01", 1000, "2024-06", 1200, "2025-05", 900)
                .account("b", "2024-01", 500, "2024-11", 0)
                .account("c", "2024-05", 800, "2025-08", 1600)
                .uncovered("2024-03");
    }

    @Test
    void eachPointIsTheTrailingTwelveMonthNrrAsOfItsMonth() {
        NrrEngine engine = books().engine();
        List<TrendPoint> points = engine.trend(ym("2025-04"), ym("2025-12"), Segment.ALL, false);
        assertThat(points).hasSize(9);
        for (TrendPoint p : points) {
            RetentionReport r = engine.report(Window.trailing12(p.month()), Segment.ALL);
            assertThat(p.nrr()).as("NRR as of " + p.month()).isEqualByComparingTo(r.nrr());
            assertThat(p.grr()).as("GRR as of " + p.month()).isEqualByComparingTo(r.grr());
            assertThat(p.startCents()).isEqualTo(r.startCents());
            assertThat(p.endCents()).isEqualTo(r.endCents());
        }
        // as of 2025-12: s = 2024-12, cohort a (1,200) and c (800); end a 900, c 1,600
        assertThat(points.get(points.size() - 1).nrr()).isEqualByComparingTo("1.25");
        assertThat(points.get(points.size() - 1).grr()).isEqualByComparingTo("0.85");
    }

    @Test
    void monthsWithoutThirteenCoveredMonthsAreLeftOut() {
        List<TrendPoint> points = books().engine().trend(ym("2024-01"), ym("2025-12"), Segment.ALL, false);
        assertThat(points).extracting(TrendPoint::month)
                .first().isEqualTo(ym("2025-04"));
        assertThat(points).extracting(TrendPoint::month).doesNotContain(ym("2025-03"));
        assertThat(points).extracting(TrendPoint::month).last().isEqualTo(ym("2025-12"));
    }

    @Test
    void strictModeRefusesAMonthThatLacksData() {
        NrrEngine engine = books().engine();
        ReportUnavailable e = catchThrowableOfType(ReportUnavailable.class,
                () -> engine.trend(ym("2025-03"), ym("2025-12"), Segment.ALL, true));
        assertThat(e.missingMonths()).containsExactly(ym("2024-03"));
        assertThat(e.getMessage()).contains("2024-03");
    }

    @Test
    void strictModeAcceptsFullyCoveredMonths() {
        assertThat(books().engine().trend(ym("2025-04"), ym("2025-06"), Segment.ALL, true)).hasSize(3);
    }

    @Test
    void theDefaultTrendRunsToTheLatestMonth() {
        List<TrendPoint> points = books().engine().trend(Segment.ALL);
        assertThat(points).extracting(TrendPoint::month).last().isEqualTo(ym("2025-12"));
        assertThat(points).hasSize(9);
    }

    @Test
    void noMonthWithThirteenMonthsOfDataIsAnExplainedRefusal() {
        NrrEngine engine = Books.months("2025-01", "2025-10").account("a", "2025-01", 100).engine();
        assertThatThrownBy(() -> engine.trend(Segment.ALL))
                .isInstanceOf(ReportUnavailable.class)
                .hasMessageContaining("13 months");
    }

    @Test
    void theDefaultTrendShowsAtMostTwentyFourMonths() {
        NrrEngine engine = Books.months("2020-01", "2025-12").account("a", "2020-01", 100).engine();
        List<TrendPoint> points = engine.trend(Segment.ALL);
        assertThat(points).hasSize(24);
        assertThat(points.get(0).month()).isEqualTo(YearMonth.of(2024, 1));
    }
}
