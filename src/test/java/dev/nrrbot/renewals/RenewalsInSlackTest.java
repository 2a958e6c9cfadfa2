package dev.nrrbot.renewals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.serve.BlockText;
import dev.nrrbot.serve.RunningBot;
import dev.nrrbot.serve.SharedBot;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /nrr renewals} through the real app: an admin sees the book; a viewer its totals, never an account. */
class RenewalsInSlackTest extends SharedBot {

    /** The synthetic company's latest month is 2026-10: the checkup is for 2026-10-31. */
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    static List<Account> due(Portfolio p, LocalDate to) {
        return p.importedAccounts().stream().filter(a -> a.renewalDate() != null && a.renewalDate().isAfter(AS_OF)
                && !a.renewalDate().isAfter(to)).sorted(Comparator.comparing(Account::renewalDate).thenComparing(Account::name)).toList();
    }

    @Test
    void anAdminSeesTheRenewalsDueByDateWithHealthFlagsOwnerAndTheForecast() throws Exception {
        Portfolio p = bot.store.loadPortfolio();
        List<Account> due = due(p, AS_OF.plusDays(90));
        assertThat(due.size()).as("the synthetic company has more renewals in 90 days than a page lists").isGreaterThan(25);

        String answer = BlockText.of(bot.ask(RunningBot.ADMIN, "renewals"));

        assertThat(answer).contains("Renewals due in the next 90 days (after 2026-10-31, through 2027-01-29)",
                due.size() + " renewals", "... and " + (due.size() - 25) + " more", "Forecast for 2026-Q4:",
                "T12M to 2026-12 (2025-12 → 2026-12)", "the months after 2026-10 held at its MRR", "If nothing changes: NRR ");
        Account first = due.get(0);
        assertThat(answer).contains(first.renewalDate() + "  " + first.name(), "CSM " + first.csmEmail());
        assertThat(answer.indexOf(first.name())).isLessThan(answer.indexOf(due.get(1).name()));
        assertThat(answer).doesNotContain(due.get(due.size() - 1).id() + ")"); // past the 25 rows
    }

    @Test
    void quarterListsTheRenewalsToTheEndOfTheCalendarQuarter() throws Exception {
        List<Account> due = due(bot.store.loadPortfolio(), LocalDate.of(2026, 12, 31));

        String answer = BlockText.of(bot.ask(RunningBot.ADMIN, "renewals quarter"));

        assertThat(answer).contains("Renewals due in the rest of 2026-Q4 (after 2026-10-31, through 2026-12-31)",
                due.size() + " renewals");
    }

    @Test
    void aViewerSeesTheTotalsOnlyAndNoAccountName() throws Exception {
        Portfolio p = bot.store.loadPortfolio();
        List<Account> due = due(p, AS_OF.plusDays(90));

        String answer = BlockText.of(bot.ask("U0VIEWER", "renewals"));

        assertThat(answer).contains(due.size() + " renewals, ARR ", "Account names and ARR are for admins",
                "Forecast for 2026-Q4:", "If nothing changes: NRR ");
        for (Account a : due) {
            assertThat(answer).doesNotContain(a.name()).doesNotContain(a.id());
        }
        assertThat(answer).doesNotContain("CSM ");
    }

    @Test
    void aPeriodItCannotReadGetsASentenceAndAnExample() throws Exception {
        String answer = BlockText.of(bot.ask(RunningBot.ADMIN, "renewals next year"));

        assertThat(answer).contains("is not a period for renewals", "/nrr renewals quarter");
    }
}
