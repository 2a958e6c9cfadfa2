package dev.nrrbot.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns subscriptions into the monthly ledger: MRR(a, m) is the sum over a's subscriptions running
 * on m's last day, where a subscription runs on day d when start <= d and (no end or d < end).
 */
public final class SubscriptionSchedule {

    /** One subscription; {@code end} is exclusive (the first day without service) or null. */
    public record Subscription(String id, String accountId, LocalDate start, LocalDate end, long mrrCents) {
        public boolean runsOn(LocalDate day) {
            return !start.isAfter(day) && (end == null || day.isBefore(end));
        }
    }

    private SubscriptionSchedule() {
    }

    /** MRR in cents per account for each month from {@code first} to {@code last}, in that order. */
    public static Map<String, long[]> monthly(List<Subscription> subs, YearMonth first, YearMonth last) {
        int months = (int) ChronoUnit.MONTHS.between(first, last) + 1;
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Subscription s : subs) {
            long[] row = out.computeIfAbsent(s.accountId(), k -> new long[months]);
            // The months whose last day it runs on form one range: from its start month to the month
            // before its end month (a subscription ending on the 1st stops the month before).
            YearMonth from = YearMonth.from(s.start());
            YearMonth to = s.end() == null ? last : YearMonth.from(s.end()).minusMonths(1);
            for (YearMonth m = from.isBefore(first) ? first : from; !m.isAfter(to) && !m.isAfter(last); m = m.plusMonths(1)) {
                if (s.runsOn(m.atEndOfMonth())) {
                    row[(int) ChronoUnit.MONTHS.between(first, m)] += s.mrrCents();
                }
            }
        }
        return out;
    }
}
