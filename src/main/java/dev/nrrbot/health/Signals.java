package dev.nrrbot.health;

import dev.nrrbot.signals.SignalBook;
import dev.nrrbot.signals.UsageSeries;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the score of one account on one day reads: its signals, only those known by {@code asOf}
 * (each component looks at nothing dated later), and its revenue then. The usage windows are summed
 * once and shared by the three parts that read them.
 */
public final class Signals {

    private final SignalBook book;
    private final SignalBook.AccountSignals account;
    private final LocalDate asOf;
    private final long mrrNow;
    private final long mrrBefore;
    private final LocalDate renewalDate;
    private UsageSeries.Halves usage;
    private LocalDate usageEnd;

    /**
     * @param mrrBefore   MRR three months before, or -1 when the account did not pay then (too new to contract)
     * @param renewalDate the next renewal after {@code asOf}, or null when not known for that day
     */
    public Signals(SignalBook book, SignalBook.AccountSignals account, LocalDate asOf, long mrrNow, long mrrBefore,
                   LocalDate renewalDate) {
        this.book = Objects.requireNonNull(book);
        this.account = Objects.requireNonNull(account);
        this.asOf = Objects.requireNonNull(asOf);
        this.mrrNow = mrrNow;
        this.mrrBefore = mrrBefore;
        this.renewalDate = renewalDate;
    }

    public SignalBook book() {
        return book;
    }

    public SignalBook.AccountSignals account() {
        return account;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public long mrrNow() {
        return mrrNow;
    }

    public long mrrBefore() {
        return mrrBefore;
    }

    public LocalDate renewalDate() {
        return renewalDate;
    }

    /** The day scored, or the last day any usage was imported if earlier (see Components.usageEnd). */
    LocalDate usageEnd() {
        if (usageEnd == null) {
            LocalDate latest = book.latest(SignalBook.Kind.USAGE).orElse(null);
            usageEnd = latest != null && latest.isBefore(asOf) ? latest : asOf;
        }
        return usageEnd;
    }

    /** Usage in the 90 days to {@code end} and the 90 before, summed on first use. */
    UsageSeries.Halves usage(LocalDate end) {
        if (usage == null) {
            usage = account.usage().halves(end, Components.TREND_DAYS);
        }
        return usage;
    }
}
