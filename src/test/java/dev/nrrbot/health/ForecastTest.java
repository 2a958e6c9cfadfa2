package dev.nrrbot.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.health.render.ForecastText;
import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.revenue.SubscriptionSpan;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The quarter-end forecast on a company small enough to compute by hand.
 *
 * <p>Data: months 2025-12 to 2026-11, the checkup on 2026-11-30, so the quarter is 2026-Q4 and the
 * window T12M to 2026-12: s = 2025-12, e = 2026-12 (not loaded: held at 2026-11). MRR in units:
 * <pre>
 *   account  2025-12  2026-11  band     renewal     subscriptions
 *   A        1000     1000     at risk  2026-12-15  A0 999 ended 2026-11-15 (not running on 11-30: ignored)
 *   B         500      600     healthy  none        B1 550 open; B2 50 ends 2026-12-10 (inside the quarter)
 *   C         400        0     -        -           (churned: in the cohort, End 0)
 *   D           0      300     at risk  2026-12-20  (new after s: not in the cohort, never weighed)
 *   E         100      100     watch    2027-02-01  E1 100 ends 2027-01-15 (after the quarter: ignored)
 *   F         200      200     watch    2026-12-31  (the quarter's last day counts)
 * </pre>
 * If nothing changes: Start = 1000+500+400+100+200 = 2200; End = 1000 + (600-50) + 0 + 100 + 200 = 1850,
 * NRR = 1850/2200 = 84.09% -> 84.1%; GRR: min per account 1000+500+0+100+200 = 1800, 1800/2200 = 81.8%.
 *
 * <p>Backtest: at risk lost 36% of its ARR over 100 account-months, error sqrt(.36*.64/100) = .048,
 * so .312-.408; watch 20% over 25, error sqrt(.2*.8/25) = .08, so .12-.28. Weighed: A (at risk,
 * renewing in the quarter) and F (watch, 12-31): 2 accounts, ARR (1000+200)*12 = 14,400.
 * Low: A 1000-408 = 592, F 200-56 = 144: End 1850-408-56 = 1386, 63.0%; GRR 592+500+0+100+144 = 1336, 60.7%.
 * High: A 1000-312 = 688, F 200-24 = 176: End 1850-312-24 = 1514, 68.8%; GRR 688+500+100+176 = 1464, 66.5%.
 */
class ForecastTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

    static Portfolio company() {
        Ledger.Builder b = Ledger.builder(YearMonth.of(2025, 12), YearMonth.of(2026, 11)).coverAll();
        YearMonth s = YearMonth.of(2025, 12);
        YearMonth last = YearMonth.of(2026, 11);
        Object[][] rows = {{"A", 1000, 1000}, {"B", 500, 600}, {"C", 400, 0}, {"D", 0, 300}, {"E", 100, 100}, {"F", 200, 200}};
        for (Object[] r : rows) {
            for (YearMonth m = s; !m.isAfter(last); m = m.plusMonths(1)) {
                b.mrr((String) r[0], m, (m.equals(last) ? (int) r[2] : (int) r[1]) * 100L);
            }
        }
        List<Account> accounts = List.of(account("A", "2026-12-15"), account("B", null), account("C", null),
                account("D", "2026-12-20"), account("E", "2027-02-01"), account("F", "2026-12-31"));
        return Portfolio.of(b.build(), accounts, ReasonTaxonomy.defaults(), List.of(), List.of());
    }

    static Account account(String id, String renewal) {
        return new Account(id, id + " Inc", null, renewal == null ? null : LocalDate.parse(renewal), Map.of());
    }

    static final List<SubscriptionSpan> SUBSCRIPTIONS = List.of(
            new SubscriptionSpan("A0", "A", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 11, 15), 99_900),
            new SubscriptionSpan("B1", "B", LocalDate.of(2025, 1, 1), null, 55_000),
            new SubscriptionSpan("B2", "B", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 10), 5_000),
            new SubscriptionSpan("E1", "E", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 15), 10_000));

    static final Map<String, HealthBand> BANDS = Map.of("A", HealthBand.AT_RISK, "B", HealthBand.HEALTHY, "D", HealthBand.AT_RISK,
            "E", HealthBand.WATCH, "F", HealthBand.WATCH);

    static Backtest.Result backtest(Backtest.Verdict verdict) {
        Map<HealthBand, Backtest.BandRate> bands = Map.of(
                HealthBand.AT_RISK, new Backtest.BandRate(HealthBand.AT_RISK, 100, 40, 1_000_000, 360_000),
                HealthBand.WATCH, new Backtest.BandRate(HealthBand.WATCH, 25, 5, 1_000_000, 200_000),
                HealthBand.HEALTHY, new Backtest.BandRate(HealthBand.HEALTHY, 400, 0, 1_000_000, 0));
        return new Backtest.Result(YearMonth.of(2025, 1), YearMonth.of(2026, 8), 20, 525, 45, 560_000, 0.7, 0.5, 3.0, List.of(),
                bands, List.of(), verdict);
    }

    static Forecast forecast(Backtest.Verdict verdict) {
        return Forecast.of(company(), SUBSCRIPTIONS, AS_OF, id -> Optional.ofNullable(BANDS.get(id)), backtest(verdict)).orElseThrow();
    }

    @Test
    void ifNothingChangesHoldsTheLatestMonthLessTheSubscriptionsEndingInTheQuarter() {
        Forecast f = forecast(Backtest.Verdict.PREDICTS);

        assertThat(f.quarter()).isEqualTo("2026-Q4");
        assertThat(f.window().start()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(f.window().end()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(f.cohortAccounts()).isEqualTo(5);
        assertThat(f.startCents()).isEqualTo(220_000);
        assertThat(f.endCents()).isEqualTo(185_000);
        assertThat(f.retainedCents()).isEqualTo(180_000);
        assertThat(f.scheduledCents()).isEqualTo(5_000);
    }

    @Test
    void expectedWeighsTheCohortsAtRiskAndWatchRenewalsOfTheQuarterByTheirBandsLossRatePlusOrMinusItsError() {
        Forecast.Expected x = forecast(Backtest.Verdict.PREDICTS).expected();

        assertThat(x.accounts()).isEqualTo(2);
        assertThat(x.arrCents()).isEqualTo(1_440_000);
        assertThat(x.endLowCents()).isEqualTo(138_600);
        assertThat(x.endHighCents()).isEqualTo(151_400);
        assertThat(x.retainedLowCents()).isEqualTo(133_600);
        assertThat(x.retainedHighCents()).isEqualTo(146_400);
    }

    @Test
    void theLineSaysBothInPercent() {
        assertThat(ForecastText.line(forecast(Backtest.Verdict.PREDICTS)))
                .isEqualTo("Quarter-end forecast (2026-Q4): NRR 84.1% if nothing changes, 63.0%-68.8% expected");
        assertThat(ForecastText.lines(forecast(Backtest.Verdict.PREDICTS), n -> true)).contains(
                "If nothing changes: NRR 84.1%, GRR 81.8%; subscriptions ending in the quarter take 600 ARR off")
                .anySatisfy(l -> assertThat(l).startsWith("Expected: NRR 63.0%-68.8%, GRR 60.7%-66.5% (2 at-risk and watch accounts"));
    }

    @Test
    void withTooLittleHistoryOnlyIfNothingChangesIsShown() {
        Forecast f = forecast(Backtest.Verdict.TOO_LITTLE_HISTORY);

        assertThat(f.expected()).isNull();
        assertThat(f.endCents()).isEqualTo(185_000);
        assertThat(ForecastText.line(f)).isEqualTo("Quarter-end forecast (2026-Q4): NRR 84.1% if nothing changes; the expected"
                + " range cannot be weighed: the backtest has too little history to weigh the at-risk renewals (20 months, 45 losses)");
    }

    @Test
    void aWindowWhoseStartHasNoDataHasNoForecast() {
        Ledger.Builder b = Ledger.builder(YearMonth.of(2026, 6), YearMonth.of(2026, 11)).coverAll();
        b.mrr("A", YearMonth.of(2026, 11), 100_00);
        Portfolio p = Portfolio.of(b.build(), List.of(), ReasonTaxonomy.defaults(), List.of(), List.of());

        assertThat(Forecast.of(p, List.of(), AS_OF, id -> Optional.empty(), backtest(Backtest.Verdict.PREDICTS))).isEmpty();
    }
}
