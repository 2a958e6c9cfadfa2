package dev.nrrbot.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonRecord;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.signals.SignalBook;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BacktestTest {

    static final YearMonth FIRST = YearMonth.of(2024, 1);
    static final YearMonth LAST = YearMonth.of(2026, 6);

    /**
     * 300 accounts over 30 months; a fifth churn, each in a month of its own. With {@code warns}, a
     * churning account's usage falls by two thirds from 120 days before (and a few kept accounts dip
     * and recover, so it is not perfect); without, usage says nothing.
     */
    record Company(Portfolio portfolio, SignalBook book) {
        static Company of(boolean warns, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            Ledger.Builder l = Ledger.builder(FIRST, LAST).coverAll();
            SignalBook.Builder b = SignalBook.builder();
            List<ReasonRecord> reasons = new ArrayList<>();
            int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(FIRST, LAST) + 1;
            for (int a = 0; a < 300; a++) {
                String id = "A" + a;
                int churn = a % 5 == 0 ? 8 + r.nextInt(months - 8) : -1;
                for (int m = 0; m < months; m++) {
                    l.mrr(id, FIRST.plusMonths(m), churn >= 0 && m >= churn ? 0 : 500_00);
                }
                if (churn >= 0) {
                    reasons.add(new ReasonRecord(id, FIRST.plusMonths(churn).atDay(3), "product_gap", null, a));
                }
                LocalDate churnDay = churn < 0 ? null : FIRST.plusMonths(churn).atDay(1);
                boolean dips = churn < 0 && r.nextInt(100) < 8;
                LocalDate dip = FIRST.plusMonths(6 + r.nextInt(months - 8)).atDay(1);
                for (LocalDate d = FIRST.atDay(1); d.isBefore(LAST.atEndOfMonth()); d = d.plusWeeks(1)) {
                    if (churnDay != null && !d.isBefore(churnDay)) {
                        break;
                    }
                    long uses = 100;
                    if (warns && churnDay != null && d.isAfter(churnDay.minusDays(120))) {
                        uses = 30;
                    } else if (warns && dips && d.isAfter(dip) && d.isBefore(dip.plusDays(120))) {
                        uses = 30;
                    } else if (!warns) {
                        uses = 40 + r.nextInt(120);
                    }
                    b.usage(id, d, "dashboards", uses, 0);
                }
            }
            Portfolio p = Portfolio.of(l.build(), List.of(), ReasonTaxonomy.defaults(), reasons, List.of());
            return new Company(p, b.build());
        }
    }

    @Test
    void aScoreThatWarnsIsMeasuredAsPredictingWithTheLeadPerReason() {
        Company c = Company.of(true, 7);
        Backtest.Result r = Backtest.run(c.portfolio(), c.book(), HealthModel.DEFAULTS);

        assertThat(r.months()).isEqualTo(24);
        assertThat(r.to()).isEqualTo(LAST.minusMonths(3));
        assertThat(r.losses()).isGreaterThan(30);
        assertThat(r.auc()).isGreaterThan(0.85);
        assertThat(r.verdict()).isEqualTo(Backtest.Verdict.PREDICTS);
        assertThat(r.lift()).isGreaterThan(3);
        assertThat(r.decileLostShare()).isGreaterThan(0.4);
        Backtest.ComponentResult trend = r.components().stream().filter(x -> x.component() == HealthComponent.USAGE_TREND)
                .findFirst().orElseThrow();
        assertThat(trend.auc()).isGreaterThan(0.85);
        Backtest.ComponentResult tickets = r.components().stream().filter(x -> x.component() == HealthComponent.TICKET_LOAD)
                .findFirst().orElseThrow();
        assertThat(tickets.scored()).isZero();
        // a usage fall alone takes an account to 55: at risk
        assertThat(r.bands().get(HealthBand.AT_RISK).lossRate()).isGreaterThan(5 * r.bands().get(HealthBand.HEALTHY).lossRate());
        Backtest.ReasonLead lead = r.reasons().get(0);
        assertThat(lead.reasonCode()).isEqualTo("product_gap");
        assertThat(lead.component()).isEqualTo(HealthComponent.USAGE_TREND);
        assertThat(lead.sixtyDaysIn()).isGreaterThan(lead.churns() / 2);
    }

    @Test
    void aScoreThatSaysNothingIsCalledSo() {
        Company c = Company.of(false, 7);
        Backtest.Result r = Backtest.run(c.portfolio(), c.book(), HealthModel.DEFAULTS);

        assertThat(r.auc()).isBetween(0.4, 0.6);
        assertThat(r.verdict()).isEqualTo(Backtest.Verdict.DOES_NOT_PREDICT);
        assertThat(dev.nrrbot.health.render.HealthText.verdict(r)).startsWith("The score does not predict for this company");
    }

    @Test
    void theAucCountsTiesAsHalf() {
        long[] lost = new long[101];
        long[] kept = new long[101];
        lost[10] = 1;
        kept[90] = 1;
        assertThat(Backtest.auc(lost, kept)).isEqualTo(1.0);
        kept[10] = 1;
        assertThat(Backtest.auc(lost, kept)).isEqualTo(0.75);
        assertThat(Backtest.auc(new long[101], kept)).isEqualTo(0.5);
    }

    @Test
    void aShortHistoryIsTooLittleToTell() {
        Ledger.Builder l = Ledger.builder(YearMonth.of(2026, 1), YearMonth.of(2026, 6)).coverAll();
        l.mrr("A", YearMonth.of(2026, 1), 100_00);
        Portfolio p = Portfolio.of(l.build(), List.of(), ReasonTaxonomy.defaults(), List.of(), List.of());
        Backtest.Result r = Backtest.run(p, SignalBook.EMPTY, HealthModel.DEFAULTS);
        assertThat(r.verdict()).isEqualTo(Backtest.Verdict.TOO_LITTLE_HISTORY);
    }
}
