package dev.nrrbot.revenue;

import java.time.LocalDate;

/** An imported subscription as stored: {@code end} is the first day without service, null while it runs. */
public record SubscriptionSpan(String id, String accountId, LocalDate start, LocalDate end, long mrrCents) {
}
