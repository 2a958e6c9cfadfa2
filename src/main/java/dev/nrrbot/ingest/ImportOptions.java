package dev.nrrbot.ingest;

import dev.nrrbot.signals.Survey;
import java.time.YearMonth;

/**
 * @param addUnknownReasons add reason codes the taxonomy lacks, as unattributed, instead of refusing
 * @param through           for subscriptions: the last month to turn into the ledger (default: the
 *                          month of the latest date in the file)
 * @param dateFormat        how every date column is written, or null: ISO dates, and for the signal
 *                          kinds slashed dates that read only one way ({@link DateReader})
 * @param scale             for surveys: the scale of the scores, or null for NPS
 */
public record ImportOptions(boolean addUnknownReasons, YearMonth through, DateReader.Format dateFormat,
                            Survey.Scale scale) {
    public static final ImportOptions DEFAULTS = new ImportOptions(false, null, null, null);

    public ImportOptions(boolean addUnknownReasons, YearMonth through) {
        this(addUnknownReasons, through, null, null);
    }

    public ImportOptions withDateFormat(DateReader.Format format) {
        return new ImportOptions(addUnknownReasons, through, format, scale);
    }

    public ImportOptions withScale(Survey.Scale s) {
        return new ImportOptions(addUnknownReasons, through, dateFormat, s);
    }
}
