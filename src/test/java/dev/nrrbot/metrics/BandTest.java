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
