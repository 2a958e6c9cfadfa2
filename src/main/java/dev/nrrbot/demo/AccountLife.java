package dev.nrrbot.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * One demo account's life as its MRR and reason files tell it: what it paid each month, and its
 * churns and contractions with the reason recorded for each (null when none was written, as 15% are not).
 *
 * @param first the first month of the files; {@code mrrCents[i]} is month {@code first + i}
 */
record AccountLife(String id, YearMonth first, long[] mrrCents, List<Loss> losses) {

    /** A churn (MRR to zero) or a contraction (MRR down), effective from the first day of {@code month}. */
    record Loss(boolean churn, int month, String reason) {
    }

    /** A run of paid months, as epoch days: {@code from} inclusive, {@code to} exclusive. */
    record Run(int from, int to, int firstMonth) {
    }

    int months() {
        return mrrCents.length;
    }

    /** The epoch day month {@code m} starts. */
    int monthStart(int m) {
        return (int) first.plusMonths(m).atDay(1).toEpochDay();
    }

    /** The month index of an epoch day, or -1 outside the files. */
    int monthOf(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        int m = (d.getYear() - first.getYear()) * 12 + d.getMonthValue() - first.getMonthValue();
        return m < 0 || m >= mrrCents.length ? -1 : m;
    }

    long mrrOn(int epochDay) {
        int m = monthOf(epochDay);
        return m < 0 ? 0 : mrrCents[m];
    }

    /** The first month it paid anything, or -1. */
    int firstPaidMonth() {
        for (int m = 0; m < mrrCents.length; m++) {
            if (mrrCents[m] > 0) {
                return m;
            }
        }
        return -1;
    }

    /** Its paid runs: more than one after a win-back. */
    List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        int start = -1;
        for (int m = 0; m <= mrrCents.length; m++) {
            boolean paid = m < mrrCents.length && mrrCents[m] > 0;
            if (paid && start < 0) {
                start = m;
            } else if (!paid && start >= 0) {
                runs.add(new Run(monthStart(start), monthStart(m), start));
                start = -1;
            }
        }
        return runs;
    }

    boolean everChurned() {
        return losses.stream().anyMatch(Loss::churn);
    }
}
