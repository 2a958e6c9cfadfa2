package dev.nrrbot.health;

import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Portfolio;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

/**
 * The calendar quarter of the checkup, and the at-risk ARR renewing in it per function: what the
 * forecast weighs, and what a scorecard shows a function could save.
 */
public final class Renewing {

    private Renewing() {
    }

    /** The last day of the calendar quarter containing {@code day}. */
    public static LocalDate quarterEnd(LocalDate day) {
        int q = (day.getMonthValue() - 1) / 3 + 1;
        return YearMonth.of(day.getYear(), q * 3).atEndOfMonth();
    }

    /** "2026-Q4" for a day in October to December 2026. */
    public static String quarterLabel(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /** Whether a renewal is due after the checkup's day (whose MRR is known) and by {@code to}. */
    public static boolean due(LocalDate renewal, LocalDate asOf, LocalDate to) {
        return renewal != null && renewal.isAfter(asOf) && !renewal.isAfter(to);
    }

    /**
     * At-risk accounts renewing after the checkup's day and by {@code to}, each counted once for the
     * function owning its weakest part (as {@link Checkup#atRiskByFunction()} does), with its ARR.
     */
    public static Map<BusinessFunction, Checkup.Tally> atRisk(Checkup c, Portfolio p, LocalDate to) {
        Map<BusinessFunction, Checkup.Tally> out = new EnumMap<>(BusinessFunction.class);
        for (HealthScore s : c.scores()) {
            LocalDate renewal = p.account(s.accountId()).map(Account::renewalDate).orElse(null);
            if (s.band() == HealthBand.AT_RISK && due(renewal, c.asOf(), to)) {
                s.weakest().ifPresent(w -> out.merge(w.owner(), new Checkup.Tally(1, c.arrCents(s.accountId())),
                        (x, y) -> x.plus(y.arrCents())));
            }
        }
        return out;
    }
}
