package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Amounts become exact cents (half-even); dates and months are ISO forms only. */
class ValuesTest {

    @ParameterizedTest(name = "\"{0}\" -> {1} cents")
    @CsvSource(delimiter = '|', value = {
            "1250      | 125000",
            "1,250.50  | 125050",
            "1,234,567 | 123456700",
            "$12       | 1200",
            "€ 7.5     | 750",
            "£0.99     | 99",
            "' 42 '    | 4200",
            "0         | 0",
            "-5        | -500",
            "-$5.25    | -525",
            "1.005     | 100",   // 100.5 cents: half-even to 100
            "1.015     | 102",   // 101.5 cents: half-even to 102
            "0.125     | 12",
            "0.135     | 14",
            "2.0049    | 200"})
    void amountsParseToCentsRoundedHalfEven(String text, long cents) {
        assertThat(Values.cents(text)).contains(cents);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "12,50", "1,2345", "1.2.3", "12 EUR", "+5", "1e3", ".5", "--5"})
    void textThatIsNotAnAmountIsEmpty(String text) {
        assertThat(Values.cents(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} cents over {1} months -> {2}")
    @CsvSource({
            "10000,  3,  3333",   // 100.00 a quarter -> 33.33 a month
            "20000,  3,  6667",   // 200.00 -> 66.666... -> 66.67
            "5,      3,  2",      // 0.05 -> 0.0166... -> 0.02
            "5,      12, 0",      // 0.05 a year -> 0.004 -> 0.00
            "6,      12, 0",      // 0.5 cent: half-even to 0
            "18,     12, 2",      // 1.5 cents: half-even to 2
            "30,     12, 2",      // 2.5 cents: half-even to 2
            "42,     12, 4",      // 3.5 cents: half-even to 4
            "120000, 12, 10000",
            "9999,   1,  9999"})
    void pricePerIntervalBecomesMonthlyCentsHalfEven(long amountCents, int months, long expected) {
        assertThat(Values.monthlyCents(amountCents, months)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} over {1} months -> {2} cents")
    @CsvSource({
            "12.065,   12, 101",    // 1.00541...: not 12.06 / 12 = 1.005 -> 1.00
            "1000.005, 3,  33334",  // 333.335: half a cent, to the even cent
            "0.125,    1,  12",     // 12.5 cents: half-even
            "0.135,    1,  14",
            "0.0599,   12, 0",      // 0.0049...
            "0.0601,   12, 1"})     // 0.0050083...: above half a cent
    void anExactPriceIsRoundedOnceAfterDividing(String amount, int months, long expected) {
        assertThat(Values.monthlyCents(new BigDecimal(amount), months)).isEqualTo(expected);
    }

    /** The monthly amount is the nearest cent to the exact quotient, half-even on a tie: one rounding, nothing before it. */
    @Property(tries = 500)
    void theMonthlyAmountIsTheNearestCentToTheExactQuotient(
            @ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long units,
            @ForAll @IntRange(min = 0, max = 6) int decimals,
            @ForAll("intervals") int months) {
        BigDecimal amount = BigDecimal.valueOf(units, decimals);
        long cents = Values.monthlyCents(amount, months);
        // |100 * amount - cents * months| <= months / 2, exactly: twice the gap is at most the interval
        BigDecimal gap = amount.movePointRight(2).subtract(BigDecimal.valueOf(cents * months)).abs()
                .multiply(BigDecimal.valueOf(2));
        assertThat(gap).isLessThanOrEqualTo(BigDecimal.valueOf(months));
        if (gap.compareTo(BigDecimal.valueOf(months)) == 0) {
            assertThat(cents % 2).as("a tie goes to the even cent").isZero();
        }
        assertThat(Values.cents(amount.toPlainString())).as("read as a monthly amount: the same one rounding")
                .contains(Values.monthlyCents(amount, 1));
    }

    @Provide
    Arbitrary<Integer> intervals() {
        return Arbitraries.of(1, 3, 12);
    }

    @ParameterizedTest
    @CsvSource({"month, 1", "Monthly, 1", "quarter, 3", "QUARTERLY, 3", "year, 12", "annual, 12", "yr, 12"})
    void intervalsAreMonthQuarterOrYear(String text, int months) {
        assertThat(Values.intervalMonths(text)).contains(months);
    }

    @Test
    void otherIntervalsAreEmpty() {
        assertThat(Values.intervalMonths("weekly")).isEmpty();
        assertThat(Values.intervalMonths("2")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-15", " 2026-03-15 ", "2026-03-15T08:30:00Z", "2026-03-15 08:30"})
    void datesAreIsoDaysWithOptionalTime(String text) {
        assertThat(Values.date(text)).contains(LocalDate.of(2026, 3, 15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "15/03/2026", "2026-3-15", "March 15, 2026", "2026-03", ""})
    void otherDateFormsAreEmpty(String text) {
        assertThat(Values.date(text)).isEmpty();
    }

    @Test
    void leapDayIsADate() {
        assertThat(Values.date("2024-02-29")).contains(LocalDate.of(2024, 2, 29));
        assertThat(Values.date("2025-02-29")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03", "2026-03-01", "2026-03-31", "2026-03-15T23:59:59"})
    void monthsAreYearMonthOrAnyDateInIt(String text) {
        assertThat(Values.month(text)).contains(YearMonth.of(2026, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-00", "2026-3", "March 2026", "03/2026", "202603"})
    void otherMonthFormsAreEmpty(String text) {
        assertThat(Values.month(text)).isEmpty();
    }
}
