package dev.nrrbot.metrics;

import java.math.BigDecimal;
import java.time.YearMonth;

/** T12M NRR and GRR as of one month. */
public record TrendPoint(YearMonth month, BigDecimal nrr, BigDecimal grr, long startCents, long endCents) {
}
