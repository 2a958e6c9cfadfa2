package dev.nrrbot.renewals;

import dev.nrrbot.flags.Flag;
import dev.nrrbot.health.Checkup;
import dev.nrrbot.health.HealthBand;
import dev.nrrbot.health.HealthScore;
import dev.nrrbot.health.Renewing;
import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Portfolio;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The renewals due in a period, with what a renewal owner needs beside each: ARR, health and band,
 * the open flags on the account, and who owns it (the CSM, else the owner of the function holding
 * its weakest part). Accounts that do not pay on the checkup's day are listed as not paying.
 *
 * @param label "the next 90 days" or "the rest of 2026-Q4"
 */
public record RenewalBook(String label, LocalDate from, LocalDate to, List<Row> rows, Map<HealthBand, Checkup.Tally> bands) {

    /** What follows {@code /nrr renewals}: the next 90 days or the rest of the calendar quarter. */
    public enum Period {
        NEXT_90_DAYS, QUARTER
    }

    /**
     * @param health     null for an account not paying on the checkup's day
     * @param csmEmail   null when the accounts file names no CSM
     * @param ownerId    the Slack user owning the weakest part's function, when no CSM is named and one is set
     * @param weakest    the function owning the weakest part, if any part cost points
     */
    public record Row(String accountId, String name, LocalDate renewal, long arrCents, HealthScore health, List<Flag> flags,
                      String csmEmail, BusinessFunction weakest, String ownerId) {
    }

    /** The renewals due after the checkup's day and by the period's end, by renewal date then name. */
    public static RenewalBook of(Portfolio p, Checkup c, Period period, List<Flag> openFlags,
                                 Function<BusinessFunction, Optional<String>> functionOwner) {
        LocalDate from = c.asOf();
        LocalDate to = period == Period.QUARTER ? Renewing.quarterEnd(from) : from.plusDays(90);
        String label = period == Period.QUARTER ? "the rest of " + Renewing.quarterLabel(from) : "the next 90 days";
        List<Row> rows = new ArrayList<>();
        Map<HealthBand, Checkup.Tally> bands = new EnumMap<>(HealthBand.class);
        for (Account a : p.importedAccounts()) {
            if (!Renewing.due(a.renewalDate(), from, to)) {
                continue;
            }
            HealthScore s = c.of(a.id()).orElse(null);
            long arr = s == null ? 0 : c.arrCents(a.id());
            BusinessFunction weakest = s == null ? null : s.weakest().map(w -> w.owner()).orElse(null);
            String csm = a.csmEmail() == null || a.csmEmail().isBlank() ? null : a.csmEmail();
            String owner = csm == null && weakest != null ? functionOwner.apply(weakest).orElse(null) : null;
            List<Flag> flags = openFlags.stream().filter(f -> f.accountId().equals(a.id())).toList();
            rows.add(new Row(a.id(), a.name(), a.renewalDate(), arr, s, flags, csm, weakest, owner));
            if (s != null) {
                Checkup.Tally t = bands.getOrDefault(s.band(), new Checkup.Tally(0, 0));
                bands.put(s.band(), new Checkup.Tally(t.accounts() + 1, t.arrCents() + arr));
            }
        }
        rows.sort(Comparator.comparing(Row::renewal).thenComparing(Row::name).thenComparing(Row::accountId));
        return new RenewalBook(label, from, to, List.copyOf(rows), bands);
    }

    public long arrCents() {
        return rows.stream().mapToLong(Row::arrCents).sum();
    }

    /** Accounts due that do not pay on the checkup's day. */
    public int notPaying() {
        return (int) rows.stream().filter(r -> r.health() == null).count();
    }
}
