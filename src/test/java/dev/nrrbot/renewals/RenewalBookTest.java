package dev.nrrbot.renewals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.flags.Flag;
import dev.nrrbot.health.Checkup;
import dev.nrrbot.health.HealthModel;
import dev.nrrbot.health.render.HealthPage;
import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.renewals.render.RenewalText;
import dev.nrrbot.signals.SignalBook;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The renewal book on four accounts: who is due, in which order, with what beside each, and what a viewer sees. */
class RenewalBookTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

    static Portfolio company() {
        Ledger.Builder b = Ledger.builder(YearMonth.of(2026, 6), YearMonth.of(2026, 11)).coverAll();
        for (YearMonth m = YearMonth.of(2026, 6); !m.isAfter(YearMonth.of(2026, 11)); m = m.plusMonths(1)) {
            b.mrr("kite", m, 1_000_00);
            b.mrr("wren", m, 500_00);
            b.mrr("lark", m, m.isBefore(YearMonth.of(2026, 10)) ? 200_00 : 0); // churned in 2026-10
            b.mrr("rook", m, 300_00);
        }
        return Portfolio.of(b.build(), List.of(
                new Account("kite", "Kite Co", "ana@kite.example", LocalDate.of(2027, 1, 10), Map.of()),
                new Account("wren", "Wren Co", null, LocalDate.of(2026, 12, 5), Map.of()),
                new Account("lark", "Lark Co", "bo@lark.example", LocalDate.of(2026, 12, 20), Map.of()),
                new Account("rook", "Rook Co", null, LocalDate.of(2027, 6, 1), Map.of())), ReasonTaxonomy.defaults(), List.of(), List.of());
    }

    static Flag flag(long id, String account, BusinessFunction f, String reason) {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        return new Flag(id, account, f, reason, null, 12_000_00, null, Flag.State.OPEN, null, null, null, null, "U0CSM", t, t, 0, null,
                null, 1);
    }

    static RenewalBook book(RenewalBook.Period period) {
        Portfolio p = company();
        Checkup c = Checkup.of(p, SignalBook.EMPTY, HealthModel.DEFAULTS, AS_OF);
        return RenewalBook.of(p, c, period, List.of(flag(1, "kite", BusinessFunction.SUPPORT, "support_experience"),
                flag(2, "rook", BusinessFunction.PRODUCT, null)), f -> f == BusinessFunction.ACCOUNT_MANAGEMENT
                ? Optional.of("U0AMOWNER") : Optional.empty());
    }

    @Test
    void theRenewalsDueAreListedByDateWithArrHealthFlagsAndOwnerAndANonPayingOneSaysSo() {
        RenewalBook b = book(RenewalBook.Period.NEXT_90_DAYS);

        assertThat(b.to()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(b.rows()).extracting(RenewalBook.Row::accountId).containsExactly("wren", "lark", "kite"); // rook renews after
        assertThat(b.rows().get(0).arrCents()).isEqualTo(6_000_00);
        assertThat(b.rows().get(1).health()).isNull();
        assertThat(b.rows().get(2).flags()).extracting(Flag::id).containsExactly(1L);
        assertThat(b.notPaying()).isEqualTo(1);
        assertThat(b.arrCents()).isEqualTo(18_000_00);

        Portfolio p = company();
        Checkup c = Checkup.of(p, SignalBook.EMPTY, HealthModel.DEFAULTS, AS_OF);
        List<String> lines = RenewalText.page(b, Optional.empty(), c, id -> true, n -> true, s -> s, id -> "<@" + id + ">").lines();
        assertThat(lines).contains("  3 renewals, ARR 18,000 (1 not paying)",
                "  2026-12-20  Lark Co (lark): not paying; no open flag; CSM bo@lark.example",
                "  2027-01-10  Kite Co (kite): ARR 12,000, health " + c.of("kite").orElseThrow().health() + " ("
                        + c.of("kite").orElseThrow().band().label() + "); 1 open flag (Support support_experience); CSM ana@kite.example");
        // Wren names no CSM: the owner of the function holding its weakest part (renewal proximity: account management)
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  2026-12-05  Wren Co (wren): ARR 6,000, health ")
                .endsWith("; no open flag; <@U0AMOWNER> (Account Management, weakest part)"));
    }

    @Test
    void theQuarterEndsOnItsLastDay() {
        RenewalBook b = book(RenewalBook.Period.QUARTER);

        assertThat(b.label()).isEqualTo("the rest of 2026-Q4");
        assertThat(b.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(b.rows()).extracting(RenewalBook.Row::accountId).containsExactly("wren", "lark");
    }

    @Test
    void aViewerSeesTotalsWithoutNamesAndNoAmountForASmallGroup() {
        Portfolio p = company();
        Checkup c = Checkup.of(p, SignalBook.EMPTY, HealthModel.DEFAULTS, AS_OF);
        HealthPage page = RenewalText.page(book(RenewalBook.Period.NEXT_90_DAYS), Optional.empty(), c, id -> false, n -> n >= 5,
                s -> s, id -> id);

        String all = String.join("\n", page.lines());
        assertThat(all).contains("3 renewals, ARR not shown (fewer than 5 accounts) (1 not paying)",
                "Account names and ARR are for admins", "No quarter-end forecast: its T12M window starts at 2025-12");
        assertThat(all).doesNotContain("Kite").doesNotContain("wren").doesNotContain("lark").doesNotContain("12,000");
    }
}
