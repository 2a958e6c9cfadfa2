package dev.nrrbot.metrics;

import java.math.BigDecimal;
import java.util.List;

/**
 * Why revenue left in a window, over all accounts of the slice (new customers included): one row per
 * reason sorted by revenue lost, with an "unexplained" row for lost revenue without a reason.
 */
public record ReasonPareto(Window window, Segment segment, List<Row> rows, long totalLostCents,
                           long unexplainedLostCents, int unmatchedRecords, List<String> vitalFew,
                           List<TenureBucket> tenure) {

    public ReasonPareto {
        rows = List.copyOf(rows);
        vitalFew = List.copyOf(vitalFew);
        tenure = List.copyOf(tenure);
    }

    /**
     * {@code reason} is a taxonomy code or {@link ReasonTaxonomy#UNEXPLAINED}. Shares are fractions.
     * {@code accounts} is how many accounts the row's movements are of.
     */
    public record Row(String reason, String label, BusinessFunction function, long lostCents, int movements,
                      BigDecimal share, BigDecimal cumulative, int accounts) {
        public String functionCode() {
            return function == null ? null : function.code();
        }
    }

    /** Churns (not contractions) by how long the account had paid. */
    public record TenureBucket(Tenure tenure, int churns, long lostCents) {
    }
}
