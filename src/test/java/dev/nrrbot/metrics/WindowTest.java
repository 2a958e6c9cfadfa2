package dev.nrrbot.metrics;

import static dev.nrrbot.metrics.Books.ym;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A window is (s, e]: Start is read at the end of s, End at the end of e. */
class WindowTest {

    private static final YearMonth CURRENT = ym("2026-09");

    private static void assertWindow(Window w, String s, String e) {
        assertThat(w.start()).as("s of " + w.label()).isEqualTo(ym(s));
        assertThat(w.end()).as("e of " + w.label()).isEqualTo(ym(e));
    }

    @Test
    void trailingTwelveMonthsStartsTwelveMonthsBeforeItsEnd() {
        Window w = Window.trailing12(ym("2026-09"));
        assertWindow(w, "2025-09", "2026-09");
        assertThat(w.months()).isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "T12M", "t12m", "TTM", "current", "now"})
    void theDefaultIsTrailingTwelveMonthsToTheLatestMonthWithData(String text) {
        assertWindow(Window.parse(text, CURRENT), "2025-09", "2026-09");
    }

    @Test
    void nullTextIsTheDefaultWindow() {
        assertWindow(Window.parse(null, CURRENT), "2025-09", "2026-09");
    }

    @Test
    void trailingTwelveMonthsCanBeAskedAsOfAnEarlierMonth() {
        assertWindow(Window.parse("T12M@2026-03", CURRENT), "2025-03", "2026-03");
    }

    @ParameterizedTest
    @CsvSource({
            "2026-Q1, 2025-12, 2026-03",
            "2026-Q2, 2026-03, 2026-06",
            "2026-Q3, 2026-06, 2026-09",
            "2026-q4, 2026-09, 2026-12",
            "2026Q3,  2026-06, 2026-09"})
    void aQuarterRunsFromTheEndOfThePreviousQuarterToItsLastMonth(String text, String s, String e) {
        Window w = Window.parse(text, CURRENT);
        assertWindow(w, s, e);
        assertThat(w.months()).isEqualTo(3);
    }

    @Test
    void quarterIsLabelledTheWayPeopleWriteIt() {
        assertThat(Window.parse("2026-q3", CURRENT).label()).isEqualTo("2026-Q3");
    }

    @ParameterizedTest
    @CsvSource({"2026-09, 2026-08, 2026-09", "2026-01, 2025-12, 2026-01", "2026-3, 2026-02, 2026-03"})
    void aMonthRunsFromTheEndOfThePreviousMonth(String text, String s, String e) {
        assertWindow(Window.parse(text, CURRENT), s, e);
    }

    @Test
    void aYearRunsFromDecemberOfThePreviousYearToDecember() {
        Window w = Window.parse("2026", CURRENT);
        assertWindow(w, "2025-12", "2026-12");
        assertThat(w.label()).isEqualTo("2026");
    }

    @Test
    void aCustomRangeIsTakenAsWritten() {
        Window w = Window.parse("2024-03..2025-03", CURRENT);
        assertWindow(w, "2024-03", "2025-03");
        assertThat(w.months()).isEqualTo(12);
        assertWindow(Window.parse("2024-3 .. 2024-5", CURRENT), "2024-03", "2024-05");
    }

    @Test
    void aCustomRangeMustRunForward() {
        assertThatThrownBy(() -> Window.parse("2025-03..2024-03", CURRENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before");
        assertThatThrownBy(() -> Window.parse("2025-03..2025-03", CURRENT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            // current month, expected s, expected e: the latest quarter that has ended by then
            "2026-09, 2026-06, 2026-09",
            "2026-08, 2026-03, 2026-06",
            "2026-12, 2026-09, 2026-12",
            "2026-02, 2025-09, 2025-12"})
    void lastQuarterIsTheLatestCalendarQuarterEndedByTheCurrentMonth(String current, String s, String e) {
        assertWindow(Window.parse("last quarter", ym(current)), s, e);
        assertWindow(Window.parse("Last-Quarter", ym(current)), s, e);
    }

    @Test
    void lastMonthIsTheLatestMonthWithData() {
        assertWindow(Window.parse("last month", CURRENT), "2026-08", "2026-09");
    }

    @ParameterizedTest
    @CsvSource({"2026-12, 2025-12, 2026-12", "2026-09, 2024-12, 2025-12", "2026-01, 2024-12, 2025-12"})
    void lastYearIsTheLatestCalendarYearEndedByTheCurrentMonth(String current, String s, String e) {
        assertWindow(Window.parse("last year", ym(current)), s, e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fortnight", "2026-Q5", "Q3", "last week", "26-09", "2026-13", "2026-00"})
    void textThatIsNotAWindowIsRefusedWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Window.parse(text, CURRENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text)
                .hasMessageContaining("Accepted")
                .hasMessageContaining("T12M")
                .hasMessageContaining("2026-Q3")
                .hasMessageContaining("2026-09")
                .hasMessageContaining("2024-03..2025-03")
                .hasMessageContaining("last quarter")
                .hasMessageContaining("last month")
                .hasMessageContaining("last year");
    }

    @Test
    void aWindowMustStartBeforeItEnds() {
        assertThatThrownBy(() -> new Window("x", ym("2026-09"), ym("2026-09")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Window("x", ym("2026-09"), ym("2026-08")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void previousWindowIsOfTheSameKind() {
        assertWindow(Window.quarter(2026, 1).previous(), "2025-09", "2025-12");
        assertWindow(Window.month(ym("2026-01")).previous(), "2025-11", "2025-12");
        assertWindow(Window.year(2026).previous(), "2024-12", "2025-12");
        assertWindow(Window.trailing12(ym("2026-09")).previous(), "2025-08", "2026-08");
    }
}
