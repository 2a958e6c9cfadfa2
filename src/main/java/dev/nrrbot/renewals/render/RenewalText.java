package dev.nrrbot.renewals.render;

import dev.nrrbot.flags.Flag;
import dev.nrrbot.health.Checkup;
import dev.nrrbot.health.Forecast;
import dev.nrrbot.health.HealthBand;
import dev.nrrbot.health.render.ForecastText;
import dev.nrrbot.health.render.HealthPage;
import dev.nrrbot.platform.format.Money;
import dev.nrrbot.renewals.RenewalBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The renewal book and the quarter-end forecast in words, the same for the CLI and Slack. The lines
 * come out finished: {@code escape} is applied to every text from data (Slack's mrkdwn escape, or
 * nothing for the terminal), and {@code person} writes a Slack user id (a mention, or the id). Who
 * sees what is the caller's decision: {@code seesAccount} for a row, {@code seesGroup} for a total.
 */
public final class RenewalText {

    /** Rows listed at most; the rest are counted. */
    public static final int LISTED = 25;

    private RenewalText() {
    }

    public static HealthPage page(RenewalBook book, Optional<Forecast> forecast, Checkup c, Predicate<String> seesAccount,
                                  IntPredicate seesGroup, UnaryOperator<String> escape, Function<String, String> person) {
        List<HealthPage.Group> groups = new ArrayList<>();
        String heading = "Renewals due in " + book.label() + " (after " + book.from() + ", through " + book.to() + ")";
        groups.add(new HealthPage.Group("Totals:", totals(book, seesGroup)));
        List<String> rows = new ArrayList<>();
        int hidden = 0;
        for (RenewalBook.Row r : book.rows()) {
            if (!seesAccount.test(r.accountId())) {
                hidden++;
            } else if (rows.size() < LISTED) {
                rows.add(row(r, escape, person));
            }
        }
        int shown = book.rows().size() - hidden;
        if (shown > LISTED) {
            rows.add("... and " + (shown - LISTED) + " more");
        }
        if (hidden > 0 && shown > 0) {
            rows.add(hidden + (hidden == 1 ? " more renewal" : " more renewals") + ": names and ARR are for the roles that see them");
        }
        if (shown > 0) {
            groups.add(new HealthPage.Group("By renewal date (ARR, health, open flags, owner):", rows));
        } else if (!book.rows().isEmpty()) {
            groups.add(new HealthPage.Group("Account names and ARR are for admins, CS leaders and the accounts' owners;"
                    + " the totals above are the whole book.", List.of()));
        }
        String quarter = dev.nrrbot.health.Renewing.quarterLabel(c.asOf());
        groups.add(new HealthPage.Group("Forecast for " + quarter + ":", forecast
                .map(f -> ForecastText.lines(f, seesGroup)).orElse(List.of(Forecast.noStart(c)))));
        return new HealthPage(heading, groups);
    }

    static List<String> totals(RenewalBook book, IntPredicate seesGroup) {
        int n = book.rows().size();
        if (n == 0) {
            return List.of("no renewal is due in " + book.label() + " (renewal dates come from the accounts file's renewal_date)");
        }
        List<String> out = new ArrayList<>();
        int notPaying = book.notPaying();
        out.add(n + (n == 1 ? " renewal" : " renewals") + ", " + amount(book.arrCents(), n - notPaying, seesGroup)
                + (notPaying == 0 ? "" : " (" + notPaying + " not paying)"));
        for (HealthBand b : HealthBand.values()) {
            Checkup.Tally t = book.bands().getOrDefault(b, new Checkup.Tally(0, 0));
            if (t.accounts() > 0) {
                out.add(b.label() + ": " + t.accounts() + (t.accounts() == 1 ? " account, " : " accounts, ")
                        + amount(t.arrCents(), t.accounts(), seesGroup));
            }
        }
        return out;
    }

    static String amount(long arrCents, int accounts, IntPredicate seesGroup) {
        return seesGroup.test(accounts) ? "ARR " + Money.whole(arrCents) : "ARR not shown (fewer than 5 accounts)";
    }

    static String row(RenewalBook.Row r, UnaryOperator<String> escape, Function<String, String> person) {
        String name = r.name().equals(r.accountId()) ? escape.apply(r.accountId())
                : escape.apply(r.name()) + " (" + escape.apply(r.accountId()) + ")";
        String health = r.health() == null ? "not paying"
                : "ARR " + Money.whole(r.arrCents()) + ", health " + r.health().health() + " (" + r.health().band().label() + ")";
        String flags = r.flags().isEmpty() ? "no open flag" : r.flags().size() + (r.flags().size() == 1 ? " open flag (" : " open flags (")
                + String.join(", ", r.flags().stream().map(RenewalText::flag).map(escape).toList()) + ")";
        String owner = r.csmEmail() != null ? "CSM " + escape.apply(r.csmEmail())
                : r.ownerId() != null ? person.apply(r.ownerId()) + " (" + r.weakest().label() + ", weakest part)"
                : r.weakest() != null ? "no owner: " + r.weakest().label() + " holds the weakest part and has no owner set"
                : "no owner";
        return r.renewal() + "  " + name + ": " + health + "; " + flags + "; " + owner;
    }

    static String flag(Flag f) {
        return f.function().label() + (f.reasonCode() == null ? "" : " " + f.reasonCode());
    }
}
