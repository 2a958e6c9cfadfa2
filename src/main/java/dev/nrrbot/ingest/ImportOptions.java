package dev.nrrbot.ingest;

import java.time.YearMonth;

/**
 * @param addUnknownReasons add reason codes the taxonomy lacks, as unattributed, instead of refusing
 * @param through           for subscriptions: the last month to turn into the ledger (default: the
 *                          month of the latest date in the file)
 */
public record ImportOptions(boolean addUnknownReasons, YearMonth through) {
    public static final ImportOptions DEFAULTS = new ImportOptions(false, null);
}
