package dev.nrrbot.health;

import dev.nrrbot.signals.SignalBook;
import java.time.LocalDate;

/**
 * What the score of one account on one day reads: its signals, only those known by {@code asOf}
 * (each component looks at nothing dated later), and its revenue then.
 *
 * @param mrrBefore   MRR three months before, or -1 when the account did not pay then (too new to contract)
 * @param renewalDate the next renewal after {@code asOf}, or null when not known for that day
 */
public record Signals(SignalBook book, SignalBook.AccountSignals account, LocalDate asOf, long mrrNow, long mrrBefore,
                      LocalDate renewalDate) {
}
