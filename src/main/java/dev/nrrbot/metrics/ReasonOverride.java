package dev.nrrbot.metrics;

import java.time.YearMonth;

/** A reason set on one movement itself (from Slack): it wins over imported records. */
public record ReasonOverride(String accountId, YearMonth month, String code, String note) {
}
