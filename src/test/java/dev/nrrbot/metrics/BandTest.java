package dev.nrrbot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Below 90% concerning; 90 to below 100 stable; 100 to below 110 good; 110 to below 130 great; 130+ best. */
class BandTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            "0,          10000,      CONCERNING",
            "8999,       10000,      CONCERNING",   // 89.99%
            "899999999,  1000000000, CONCERNING",   // 89.9999999%
            "9000,       10000,      STABLE",       // exactly 90%
            "27,         30,         STABLE",       // 90% from a fraction with no exact binary form
            "9999,       10000,      STABLE",
            "10000,      10000,      GOOD",         // exactly 100%
            "10999,      10000,      GOOD",
            "11000,      10000,      GREAT",        // exactly 110%
            "12999,      10000,      GREAT",
            "13000,      10000,      BEST_IN_CLASS", // exactly 130%
            "39,         30,         BEST_IN_CLASS", // 130% again
            "38,         30,         GREAT",        // 126.67%
            "50000,      10000,      BEST_IN_CLASS"})
    void bandBoundariesAreComparedExactly(long end, long start, Band expected) {
        assertThat(Band.of(end, start)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} / {1} over {2} months -> {3}")
    @CsvSource({
            "9950,  10000, 1,  STABLE",        // a month at 99.5% is 94.2% a year
            "9900,  10000, 1,  CONCERNING",    // 99% a month is 88.6% a year
            "10000, 10000, 1,  GOOD",
            "10079, 10000, 1,  GOOD",          // 1.0079^12 = 109.9%
            "10080, 10000, 1,  GREAT",         // 1.008^12 = 110.03%
            "9940,  10000, 3,  STABLE",        // a quarter at 99.4% is 97.6% a year
            "10250, 10000, 3,  GREAT",         // 1.025^4 = 110.4%
            "10240, 10000, 3,  GOOD",          // 1.024^4 = 109.95%
            "12100, 10000, 24, GREAT",         // two years at 121% is exactly 110% a year
            "12099, 10000, 24, GOOD",
            "8100,  10000, 24, STABLE",        // exactly 90% a year
            "8099,  10000, 24, CONCERNING",
            "10999, 10000, 12, GOOD"})         // a 12-month window reads its own NRR
    void aWindowOfOtherThan12MonthsIsBandedAtItsAnnualisedNrr(long end, long start, int months, Band expected) {
        assertThat(Band.of(end, start, months)).isEqualTo(expected);
    }

    @Test
    void theAnnualisedNrrCompoundsToAYear() {
        RetentionReport quarter = Books.months("2025-01", "2025-04")
                .account("a", "2025-01", 10000, "2025-04", 9900)
                .engine().report(new Window("2025-Q1x", Books.ym("2025-01"), Books.ym("2025-04")), Segment.ALL);
        assertThat(quarter.isAnnualised()).isTrue();
        assertThat(quarter.annualisedNrr()).isEqualByComparingTo("0.960596"); // 0.99^4 = 0.96059601
        assertThat(quarter.annualisedPercent()).isEqualByComparingTo("96.1");
        assertThat(quarter.band()).isEqualTo(Band.STABLE);
        RetentionReport fiveMonths = Books.months("2025-01", "2025-06")
                .account("a", "2025-01", 10000, "2025-06", 11000)
                .engine().report(new Window("custom", Books.ym("2025-01"), Books.ym("2025-06")), Segment.ALL);
        assertThat(fiveMonths.annualisedNrr().doubleValue()).isCloseTo(Math.pow(1.1, 12.0 / 5), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(fiveMonths.band()).isEqualTo(Band.GREAT); // 125.7% a year
        RetentionReport year = Books.months("2025-01", "2026-01")
                .account("a", "2025-01", 10000, "2026-01", 9950)
                .engine().report(new Window("T12M", Books.ym("2025-01"), Books.ym("2026-01")), Segment.ALL);
        assertThat(year.isAnnualised()).isFalse();
        assertThat(year.annualisedNrr()).isEqualByComparingTo(year.nrr());
        assertThat(year.band()).isEqualTo(Band.STABLE);
    }

    @Test
    void bandsHaveTheirPublishedNames() {
        assertThat(Band.CONCERNING.label()).isEqualTo("concerning");
        assertThat(Band.STABLE.label()).isEqualTo("stable, not compounding");
        assertThat(Band.GOOD.label()).isEqualTo("good");
        assertThat(Band.GREAT.label()).isEqualTo("great");
        assertThat(Band.BEST_IN_CLASS.label()).isEqualTo("best in class");
    }

    @Test
    void thereIsNoBandWithoutAStart() {
        assertThatThrownBy(() -> Band.of(100, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReportsBandFollowsItsExactRatioNotItsRoundedPercent() {
        // 89.99% displays as 90.0% but is still concerning
        RetentionReport r = Books.months("2025-01", "2025-02")
                .account("a", "2025-01", 10000, "2025-02", 8999)
                .engine().report(Window.month(Books.ym("2025-02")), Segment.ALL);
        // amounts are in whole dollars here: 8,999 / 10,000 = 89.99%
        assertThat(r.nrrPercent()).isEqualByComparingTo("90.0");
        assertThat(r.band()).isEqualTo(Band.CONCERNING);
    }
}
