package dev.nrrbot.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.signals.AccountEvent;
import dev.nrrbot.signals.Invoice;
import dev.nrrbot.signals.SignalBook;
import dev.nrrbot.signals.Survey;
import dev.nrrbot.signals.Ticket;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthScorerTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 31);

    /** Steady weekly usage of two features over the last year, optionally cut in the last 90 days. */
    static SignalBook.Builder usage(SignalBook.Builder b, String account, double recentShare, int recentFeatures) {
        for (int w = 0; w < 52; w++) {
            LocalDate d = DAY.minusWeeks(w);
            boolean recent = d.isAfter(DAY.minusDays(90));
            long uses = recent ? Math.round(100 * recentShare) : 100;
            b.usage(account, d, "dashboards", uses, 0);
            if (!recent || recentFeatures > 1) {
                b.usage(account, d, "reports", uses, 0);
            }
        }
        return b;
    }

    static HealthScore score(SignalBook book, String account, long mrrNow, long mrrBefore, LocalDate renewal) {
        return HealthScorer.score(account, new Signals(book, book.of(account), DAY, mrrNow, mrrBefore, renewal), HealthModel.DEFAULTS);
    }

    @Test
    void aHealthyAccountScoresFullMarksAndEveryPartSaysWhy() {
        SignalBook.Builder b = usage(SignalBook.builder(), "A", 1.0, 2);
        b.ticket(new Ticket("T1", "A", DAY.minusDays(20), DAY.minusDays(19), Ticket.Priority.NORMAL, 30, 1.0, false));
        b.invoice(new Invoice("I1", "A", DAY.minusDays(10), DAY.minusDays(12), 100_00, Invoice.Status.PAID));
        b.survey(new Survey("A", DAY.minusDays(40), 10, Survey.Scale.NPS, null));
        b.event(new AccountEvent("A", DAY.minusDays(400), "go_live", null));
        HealthScore s = score(b.build(), "A", 1000_00, 1000_00, DAY.plusDays(200));

        assertThat(s.health()).isEqualTo(100);
        assertThat(s.band()).isEqualTo(HealthBand.HEALTHY);
        assertThat(s.missing()).isEmpty();
        assertThat(s.weakest()).isEmpty();
        assertThat(s.part(HealthComponent.USAGE_TREND).orElseThrow().evidence())
                .isEqualTo("usage 0% over 90 days (2,600 uses, 2,600 in the 90 days before)");
        assertThat(s.part(HealthComponent.OPEN_HIGH_PRIORITY).orElseThrow().evidence()).isEqualTo("no open high-priority ticket");
        assertThat(s.part(HealthComponent.PAYMENTS).orElseThrow().evidence()).isEqualTo("invoices paid on time");
    }

    @Test
    void fallingUsageAndOpenUrgentTicketsCostPointsOwnedByProductAndSupport() {
        SignalBook.Builder b = usage(SignalBook.builder(), "A", 0.54, 1);
        b.ticket(new Ticket("T1", "A", DAY.minusDays(19), null, Ticket.Priority.URGENT, 300, null, true));
        b.ticket(new Ticket("T2", "A", DAY.minusDays(5), null, Ticket.Priority.HIGH, 300, null, false));
        b.ticket(new Ticket("T3", "A", DAY.minusDays(3), null, Ticket.Priority.HIGH, 300, null, false));
        HealthScore s = score(b.build(), "A", 1000_00, 1000_00, null);

        ComponentScore trend = s.part(HealthComponent.USAGE_TREND).orElseThrow();
        assertThat(trend.owner()).isEqualTo(BusinessFunction.PRODUCT);
        assertThat(trend.evidence()).isEqualTo("usage -73% over 90 days (702 uses, 2,600 in the 90 days before)");
        assertThat(trend.points()).isZero();
        ComponentScore open = s.part(HealthComponent.OPEN_HIGH_PRIORITY).orElseThrow();
        assertThat(open.owner()).isEqualTo(BusinessFunction.SUPPORT);
        assertThat(open.evidence()).isEqualTo("3 open high-priority tickets, oldest 19 days");
        assertThat(s.weakest().orElseThrow().component()).isEqualTo(HealthComponent.USAGE_TREND);
        assertThat(s.band()).isEqualTo(HealthBand.AT_RISK);
    }

    @Test
    void theWeightOfAMissingInputIsSpreadOverTheRestAndSaysSo() {
        // only usage imported: support, finance, surveys and events are missing; no renewal date
        SignalBook book = usage(SignalBook.builder(), "A", 1.0, 2).build();
        HealthScore s = score(book, "A", 1000_00, 1000_00, null);

        assertThat(s.health()).isEqualTo(100);
        assertThat(s.missing()).extracting(ComponentScore::component).containsExactly(HealthComponent.TICKET_LOAD,
                HealthComponent.OPEN_HIGH_PRIORITY, HealthComponent.ESCALATIONS, HealthComponent.CSAT, HealthComponent.PAYMENTS,
                HealthComponent.SURVEYS, HealthComponent.CHAMPION, HealthComponent.RENEWAL);
        assertThat(s.spreadWeight()).isEqualTo(8 + 7 + 5 + 5 + 10 + 8 + 7 + 5);
        // usage trend, breadth, errors and contraction carry the 100 points in proportion: 20/45 of them
        assertThat(s.part(HealthComponent.USAGE_TREND).orElseThrow().maxPoints()).isCloseTo(100.0 * 20 / 45, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.part(HealthComponent.PAYMENTS).orElseThrow().evidence()).isEqualTo("no invoices imported");
        assertThat(s.part(HealthComponent.RENEWAL).orElseThrow().evidence()).isEqualTo("no renewal date known for 2026-10-31");
    }

    @Test
    void failedPaymentsChampionChangesAndAnEarlyRenewalReadAsFiguresAnOwnerActsOn() {
        SignalBook.Builder b = usage(SignalBook.builder(), "A", 1.0, 2);
        b.invoice(new Invoice("I1", "A", DAY.minusDays(50), null, 100_00, Invoice.Status.FAILED));
        b.invoice(new Invoice("I2", "A", DAY.minusDays(20), null, 100_00, Invoice.Status.FAILED));
        b.invoice(new Invoice("I3", "A", DAY.plusDays(10), null, 100_00, Invoice.Status.OPEN));
        b.event(new AccountEvent("A", DAY.minusDays(62), "champion_left", "Dana moved on"));
        b.survey(new Survey("A", DAY.minusDays(37), 4, Survey.Scale.NPS, "slow"));
        b.ticket(new Ticket("T1", "A", DAY.minusDays(400), DAY.minusDays(399), Ticket.Priority.LOW, 10, null, false));
        HealthScore s = score(b.build(), "A", 700_00, 1000_00, DAY.plusDays(24));

        assertThat(s.part(HealthComponent.PAYMENTS).orElseThrow().evidence())
                .isEqualTo("2 failed payments in 90 days; 2 invoices unpaid, oldest 50 days overdue");
        assertThat(s.part(HealthComponent.PAYMENTS).orElseThrow().owner()).isEqualTo(BusinessFunction.FINANCE);
        assertThat(s.part(HealthComponent.CHAMPION).orElseThrow().evidence()).isEqualTo("champion or executive change 62 days ago");
        assertThat(s.part(HealthComponent.SURVEYS).orElseThrow().evidence()).isEqualTo("NPS 4, 37 days ago");
        assertThat(s.part(HealthComponent.RENEWAL).orElseThrow().evidence()).isEqualTo("renews in 24 days");
        assertThat(s.part(HealthComponent.CONTRACTION).orElseThrow().evidence()).isEqualTo("MRR -30% over 3 months");
        assertThat(s.part(HealthComponent.CONTRACTION).orElseThrow().points()).isZero();
    }

    @Test
    void nothingDatedAfterTheDayIsRead() {
        SignalBook.Builder b = usage(SignalBook.builder(), "A", 1.0, 2);
        b.ticket(new Ticket("T1", "A", DAY.plusDays(1), null, Ticket.Priority.URGENT, 1, 0.0, true));
        b.invoice(new Invoice("I1", "A", DAY.plusDays(1), null, 100_00, Invoice.Status.FAILED));
        b.event(new AccountEvent("A", DAY.plusDays(1), "champion_left", null));
        HealthScore s = score(b.build(), "A", 1000_00, 1000_00, null);

        assertThat(s.weakest()).isEmpty();
    }

    @Test
    void settingsAreCheckedWithASentenceAndChangeTheModel() {
        assertThatThrownBy(() -> HealthModel.validate("health.weight.usage", "5", Map.of()))
                .hasMessageContaining("There is no health setting 'health.weight.usage'").hasMessageContaining("usage_trend");
        assertThatThrownBy(() -> HealthModel.validate("health.weight.usage_trend", "lots", Map.of()))
                .hasMessage("'lots' is not a whole number. weight.usage_trend: points out of the total, 0-100 (default 20).");
        assertThatThrownBy(() -> HealthModel.validate("health.at_risk_below", "95", Map.of()))
                .hasMessageContaining("must be below healthy_from (90)");
        assertThatThrownBy(() -> HealthModel.validate("health.owner.errors", "wizards", Map.of()))
                .hasMessageStartingWith("'wizards' is not a function.");
        assertThat(HealthModel.validate("health.owner.errors", "Support", Map.of())).isEqualTo("support");

        HealthModel m = HealthModel.from(Map.of("health.owner.errors", "support", "health.weight.usage_trend", "0"));
        assertThat(m.owner(HealthComponent.ERRORS)).isEqualTo(BusinessFunction.SUPPORT);
        SignalBook book = usage(SignalBook.builder(), "A", 0.2, 2).build();
        HealthScore s = HealthScorer.score("A", new Signals(book, book.of("A"), DAY, 1, 1, null), m);
        assertThat(s.part(HealthComponent.USAGE_TREND)).isEmpty();
    }
}
