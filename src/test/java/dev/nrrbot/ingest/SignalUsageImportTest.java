package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.signals.SignalBook;
import dev.nrrbot.signals.UsageSeries;
import dev.nrrbot.signals.db.JdbiSignalStore;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Usage: folded per account, day and feature; each day in a file is its whole truth; dates that read two ways refused. */
class SignalUsageImportTest extends ImportTestSupport {

    static final String HEADER = "usage_id,subscription_id,usage_date,feature_name,usage_count,usage_duration_secs,error_count,is_beta_feature\n";

    private void subscriptions() {
        load(ImportKind.SUBSCRIPTIONS, csv("subs.csv", """
                subscription_id,account_id,start_date,end_date,mrr_amount
                S-1,A-1,2023-01-01,,100
                S-2,A-1,2023-03-01,,50
                S-3,A-2,2023-01-01,,70
                """));
    }

    private List<String> usageRows() {
        return snapshot().tables().get("signal_usage");
    }

    @Test
    void ravenStacksFileBySubscriptionFoldsPerAccountDayAndFeature() {
        subscriptions();

        ImportSummary s = load(ImportKind.USAGE, csv("ravenstack_feature_usage.csv", HEADER + """
                U-1,S-1,7/27/2023,feature_20,9,5004,0,FALSE
                U-2,S-2,7/27/2023,feature_20,1,"1,000",2.0,TRUE
                U-3,S-3,7/13/2023,feature_5,9,369,0,FALSE
                U-4,S-1,7/13/2023,feature_5,3,10,1,FALSE
                """));

        assertThat(usageRows()).containsExactly(
                "A-1|2023-07-13|feature_5|3|10|1",
                "A-1|2023-07-27|feature_20|10|6004|2",
                "A-2|2023-07-13|feature_5|9|369|0");
        assertThat(s.lines()).contains("Imported ravenstack_feature_usage.csv (usage): 4 rows, 2 accounts.",
                "Dates covered: 2023-07-13 to 2023-07-27.",
                "Kept 3 rows (per account, day and feature) in 3 account-days, 2 features; 1 rows folded into others.",
                "Dates read as M/D/YYYY: line 2 reads 7/27/2023, which reads only that way (--date-format M/D/YYYY says so for good).",
                "Columns not used by a usage import: usage_id, is_beta_feature.");
        assertThat(DataStatus.read(store, store.loadPortfolio()).lines())
                .contains("  usage          3 rows in 3 account-days, 2 features (2023-07-13 to 2023-07-27, 2 accounts)");
    }

    @Test
    void anUnknownSubscriptionIsAProblemSayingToImportSubscriptionsFirst() {
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.USAGE, csv("u.csv", HEADER + "U-1,S-9,2023-07-27,f,1,1,0,FALSE\n"));

        assertThat(e.problems()).containsExactly("u.csv:2 column 'subscription_id' value 'S-9': a subscription already"
                + " imported; this one is not known: import the subscriptions first (bin/nrr-bot import subscriptions FILE)");
        assertNothingWritten(before);
    }

    @Test
    void datesThatReadTwoWaysAreRefusedNamingTheLineTheHintAndTheOption() {
        subscriptions();
        Snapshot before = snapshot();
        String rows = HEADER + """
                U-1,S-1,7/27/2023,feature_20,9,5004,0,FALSE
                U-2,S-1,8/7/2023,feature_5,9,369,0,FALSE
                U-3,S-3,8/6/2023,feature_5,9,369,0,FALSE
                """;

        ImportRejected e = rejected(ImportKind.USAGE, csv("u.csv", rows));

        assertThat(e.problems()).containsExactly("u.csv:3 column 'usage_date' value '8/7/2023': could be 7 August or"
                + " 8 July 2023; line 2 reads 7/27/2023, so the file looks like M/D/YYYY: add --date-format M/D/YYYY to the import");
        assertNothingWritten(before);

        load(ImportKind.USAGE, csv("u.csv", rows), ImportOptions.DEFAULTS.withDateFormat(DateReader.Format.MDY));
        assertThat(usageRows()).extracting(r -> r.split("\\|")[1]).containsExactly("2023-07-27", "2023-08-07", "2023-08-06");
    }

    @Test
    void withoutAHintTheRefusalOffersBothFormats() {
        ImportRejected e = rejected(ImportKind.USAGE, csv("u.csv", "account_id,date,feature\nA,3/4/2024,x\n"));

        assertThat(e.problems()).containsExactly("u.csv:2 column 'date' value '3/4/2024': could be 4 March or 3 April 2024;"
                + " nothing in the file says which: add --date-format M/D/YYYY (month first) or --date-format D/M/YYYY"
                + " (day first) to the import");
    }

    @Test
    void withADateFormatADateThatDoesNotFitIsAProblemOnItsLine() {
        ImportRejected e = rejected(ImportKind.USAGE, csv("u.csv", "account_id,date,feature\nA,27/7/2023,x\nA,2023-07-01,x\n"),
                ImportOptions.DEFAULTS.withDateFormat(DateReader.Format.MDY));

        assertThat(e.problems()).containsExactly(
                "u.csv:2 column 'date' value '27/7/2023': a date as M/D/YYYY (as --date-format M/D/YYYY says)",
                "u.csv:3 column 'date' value '2023-07-01': a date as M/D/YYYY (as --date-format M/D/YYYY says)");
    }

    @Test
    void dayFirstDatesWithTheOptionAndCountsAsSpreadsheetsWriteThem() {
        load(ImportKind.USAGE, csv("u.csv", "Account ID,Day,Feature,Count,Errors\nA,27/07/2023,x,\"1,250\",2.0\nA,1/8/2023,x,,\n"),
                ImportOptions.DEFAULTS.withDateFormat(DateReader.Format.DMY));

        assertThat(usageRows()).containsExactly("A|2023-07-27|x|1250|0|2", "A|2023-08-01|x|1|0|0");
    }

    @Test
    void eachDayInAFileIsItsWholeTruthSoTheSameFileTwiceChangesNothing() {
        String week1 = "account_id,date,feature,count\nA,2024-01-01,x,1\nA,2024-01-02,x,2\nB,2024-01-02,y,3\n";
        load(ImportKind.USAGE, csv("w1.csv", week1));
        Snapshot once = snapshot();
        load(ImportKind.USAGE, csv("w1.csv", week1));
        assertThat(snapshot().tables()).isEqualTo(once.tables());

        // the 2nd again (B's row gone, A's changed) and a new day: the 1st stays as it was
        load(ImportKind.USAGE, csv("w2.csv", "account_id,date,feature,count\nA,2024-01-02,x,5\nA,2024-01-03,z,1\n"));

        assertThat(usageRows()).containsExactly("A|2024-01-01|x|1|0|0", "A|2024-01-02|x|5|0|0", "A|2024-01-03|z|1|0|0");
    }

    @Test
    void aFileWithNeitherAccountNorSubscriptionSaysWhatToAdd() {
        ImportRejected e = rejected(ImportKind.USAGE, csv("u.csv", "date,feature\n2024-01-01,x\n"));

        assertThat(e.problems()).singleElement().asString().startsWith("u.csv: missing the account: give a column 'account_id'");
    }

    @Test
    void theBookReadsTheUsageBack() {
        load(ImportKind.USAGE, csv("u.csv", "account_id,date,feature,count,errors\nA,2024-01-01,x,4,1\nA,2024-01-03,y,2,0\n"));

        SignalBook book = new JdbiSignalStore(db).load();

        UsageSeries.Totals t = book.of("A").usage().between(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 31));
        assertThat(t).isEqualTo(new UsageSeries.Totals(6, 1, 2));
        assertThat(book.featureCount()).isEqualTo(2);
        assertThat(book.latest(SignalBook.Kind.USAGE)).contains(LocalDate.of(2024, 1, 3));
    }
}
