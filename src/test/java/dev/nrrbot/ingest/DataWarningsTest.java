package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.metrics.ReasonRecord;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.revenue.SubscriptionSpan;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each warning fires on the data that misleads, says what to do, and stays quiet on a healthy book. */
class DataWarningsTest {

    private static final YearMonth JAN = YearMonth.of(2026, 1);

    /** 20 accounts at 100.00 for {@code months} months, then whatever {@code last} gives each in the final month. */
    private static Ledger.Builder steady(int months) {
        Ledger.Builder b = Ledger.builder(JAN, JAN.plusMonths(months - 1)).coverAll();
        for (int a = 0; a < 20; a++) {
            for (int m = 0; m < months; m++) {
                b.mrr("A" + a, JAN.plusMonths(m), 10_000);
            }
        }
        return b;
    }

    private static Portfolio portfolio(Ledger l, List<ReasonRecord> records) {
        return Portfolio.of(l, List.<Account>of(), ReasonTaxonomy.defaults(), records, List.of());
    }

    private static List<String> codes(List<DataWarnings.Warning> ws) {
        return ws.stream().map(DataWarnings.Warning::code).toList();
    }

    @Test
    void aHealthyBookHasNoWarnings() {
        List<SubscriptionSpan> subs = new ArrayList<>();
        for (int a = 0; a < 20; a++) {
            subs.add(new SubscriptionSpan("S" + a, "A" + a, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), 10_000));
            subs.add(new SubscriptionSpan("R" + a, "A" + a, LocalDate.of(2026, 1, 1), null, 10_000)); // the renewal, ended before
        }
        assertThat(DataWarnings.of(portfolio(steady(6).build(), List.of()), subs, 1.0)).isEmpty();
    }

    @Test
    void subscriptionsThatPileUpAreNamedWithTheHeadlineTheyInflate() {
        List<SubscriptionSpan> subs = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            subs.add(new SubscriptionSpan("S" + a, "A" + a, LocalDate.of(2025, 1, 1), null, 10_000));
            subs.add(new SubscriptionSpan("T" + a, "A" + a, LocalDate.of(2025, 6, 1), null, 10_000));
        }
        List<DataWarnings.Warning> ws = DataWarnings.of(portfolio(steady(3).build(), List.of()), subs, 2.923);
        assertThat(codes(ws)).containsExactly("overlapping_subscriptions");
        assertThat(ws.get(0).text()).contains("20 of 20 subscriptions never end", "10 of 10 accounts (100%)",
                "headline NRR is 292.3%", "end_date", "import mrr");
    }

    @Test
    void aLatestMonthAtZeroSaysWhichWindowStillHasRevenue() {
        Ledger.Builder b = Ledger.builder(JAN, JAN.plusMonths(14)).coverAll();
        for (int m = 0; m < 14; m++) {
            b.mrr("A1", JAN.plusMonths(m), 5_000);
        }
        List<DataWarnings.Warning> ws = DataWarnings.of(portfolio(b.build(), List.of()), List.of(), null);
        assertThat(codes(ws)).contains("latest_month_empty");
        assertThat(ws.get(0).text()).contains("MRR 0 in 2027-03", "paying accounts kept any of their revenue is 2027-02",
                "--window 2026-02..2027-02", "--through 2027-02");
    }

    @Test
    void aLatestMonthPaidOnlyByNewAccountsIsNoPlaceToEndAWindow() {
        Ledger.Builder b = Ledger.builder(JAN, JAN.plusMonths(15)).coverAll();
        for (int m = 0; m < 14; m++) {
            b.mrr("A1", JAN.plusMonths(m), 5_000);
        }
        b.mrr("NEW", JAN.plusMonths(14), 5_000); // A1 gone, a new account for one month, then nothing
        assertThat(DataWarnings.latestMonthEmpty(b.build())).hasValueSatisfying(w -> assertThat(w.text())
                .contains("MRR 0 in 2027-04", "kept any of their revenue is 2027-02", "--window 2026-02..2027-02"));
    }

    @Test
    void aMonthLosingAFifthOfItsStartingMrrIsNamed() {
        Ledger.Builder b = steady(4);
        for (int a = 0; a < 5; a++) { // a quarter of the accounts have no row in the last month
            b.mrr("A" + a, JAN.plusMonths(3), 0);
        }
        List<DataWarnings.Warning> ws = DataWarnings.of(portfolio(b.build(), List.of()), List.of(), null);
        assertThat(codes(ws)).containsExactly("implausible_months");
        assertThat(ws.get(0).text()).contains("2026-04: 25% of the month's starting MRR lost");
    }

    @Test
    void aSmallBookSwingsWithoutWarnings() {
        Ledger.Builder b = Ledger.builder(JAN, JAN.plusMonths(1)).coverAll();
        for (int a = 0; a < 5; a++) {
            b.mrr("A" + a, JAN, 10_000);
        }
        assertThat(DataWarnings.implausibleMonths(portfolio(b.build(), List.of()))).isEmpty();
    }

    @Test
    void reasonRecordsThatExplainNothingAreCountedWithExamples() {
        List<ReasonRecord> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(new ReasonRecord("A" + i, LocalDate.of(2026, 2, 1 + i), "pricing", null, i, "id:C-" + i));
        }
        List<DataWarnings.Warning> ws = DataWarnings.of(portfolio(steady(3).build(), records), List.of(), null);
        assertThat(codes(ws)).containsExactly("unmatched_reasons");
        assertThat(ws.get(0).text()).contains("4 of 4 reason records (100%)", "C-3 (A3, 2026-02-04, pricing)",
                "3 months after");
    }

    @Test
    void codesWithoutAFunctionAreNamedWithTheCommandThatMapsThem() {
        Ledger.Builder b = steady(3);
        b.mrr("A1", JAN.plusMonths(2), 0);
        b.mrr("A2", JAN.plusMonths(2), 0);
        ReasonTaxonomy t = ReasonTaxonomy.defaults().with(new ReasonCode("budget_cut", null, ReasonCode.Polarity.REASON,
                "budget cut", List.of()));
        List<ReasonRecord> records = List.of(
                new ReasonRecord("A1", LocalDate.of(2026, 3, 2), "budget_cut", null, 1),
                new ReasonRecord("A2", LocalDate.of(2026, 3, 2), "unknown", null, 2)); // unattributed by the definitions
        Portfolio p = Portfolio.of(b.build(), List.of(), t, records, List.of());
        assertThat(DataWarnings.unmappedCodes(p)).hasValueSatisfying(w -> assertThat(w.text())
                .contains("1 reason code counts for no function: budget_cut (1 movement)", "taxonomy move budget_cut")
                .doesNotContain("unknown"));
    }

    @Test
    void afterAReasonsImportOnlyTheReasonWarningsAreRepeated() {
        List<SubscriptionSpan> subs = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            subs.add(new SubscriptionSpan("S" + a, "A" + a, LocalDate.of(2025, 1, 1), null, 10_000));
            subs.add(new SubscriptionSpan("T" + a, "A" + a, LocalDate.of(2025, 6, 1), null, 10_000));
        }
        Portfolio p = portfolio(steady(3).build(), List.of());
        assertThat(codes(DataWarnings.after(ImportKind.SUBSCRIPTIONS, p, subs, null))).contains("overlapping_subscriptions");
        assertThat(codes(DataWarnings.after(ImportKind.REASONS, p, subs, null))).isEmpty();
    }
}
