package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Files with problems: every problem is named (file, line, column, value, what was expected), nothing is written. */
class ImportRejectionTest extends ImportTestSupport {

    /** Some data already in the store, so "nothing written" means "nothing changed", not just "still empty". */
    private void baseline() {
        load(ImportKind.MRR, csv("baseline-ledger.csv", """
                account_id,month,mrr
                harbor-ltd,2024-11,400
                harbor-ltd,2024-12,400
                quill-works,2024-11,250
                quill-works,2024-12,275.50
                """));
        load(ImportKind.ACCOUNTS, csv("baseline-accounts.csv", """
                account_id,name,csm_email,plan
                harbor-ltd,Harbor Ltd,ines@vendor.example,Growth
                quill-works,Quill Works,ines@vendor.example,Starter
                """));
        load(ImportKind.REASONS, csv("baseline-reasons.csv", """
                account_id,date,reason
                quill-works,2024-10-02,pricing
                """));
    }

    @Test
    void emptyFileIsRejected() {
        baseline();
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.MRR, csv("empty.csv", ""));

        assertThat(e.getMessage()).startsWith("empty.csv was not imported: 1 problem found, nothing was written");
        assertThat(e.problems()).containsExactly(
                "empty.csv: the file is empty; the first line must be a header naming the columns: account_id, month, mrr");
        assertNothingWritten(before);
    }

    @Test
    void emptyFileOfEveryKindIsRejected() {
        Snapshot before = snapshot();
        for (ImportKind kind : ImportKind.values()) {
            ImportRejected e = rejected(kind, csv(kind.code() + "-empty.csv", ""));
            assertThat(e.problems()).singleElement().asString()
                    .startsWith(kind.code() + "-empty.csv: the file is empty; the first line must be a header");
        }
        assertNothingWritten(before);
        assertThat(store.loadPortfolio().ledger().isEmpty()).isTrue();
        assertThat(rowsIn("account")).isZero();
    }

    @Test
    void headerOnlyIsRejected() {
        baseline();
        Snapshot before = snapshot();

        ImportRejected ledger = rejected(ImportKind.MRR, csv("ledger-header.csv", "account_id,month,mrr\n"));
        ImportRejected subs = rejected(ImportKind.SUBSCRIPTIONS,
                csv("subs-header.csv", "subscription_id,account_id,start_date,end_date,mrr\r\n"));
        ImportRejected accounts = rejected(ImportKind.ACCOUNTS, csv("accounts-header.csv", "account_id,name,plan"));
        ImportRejected reasons = rejected(ImportKind.REASONS, csv("reasons-header.csv", "account_id,date,reason\n\n\n"));

        assertThat(ledger.problems()).containsExactly("ledger-header.csv: has a header but no data rows");
        assertThat(subs.problems()).containsExactly("subs-header.csv: has a header but no data rows");
        assertThat(accounts.problems()).containsExactly("accounts-header.csv: has a header but no data rows");
        assertThat(reasons.problems()).containsExactly("reasons-header.csv: has a header but no data rows");
        assertNothingWritten(before);
    }

    @Test
    void missingRequiredColumnNamesTheColumnAndItsAliases() {
        baseline();
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.MRR, csv("no-mrr.csv", """
                Customer,Period,Region
                harbor-ltd,2025-01,EMEA
                """));

        assertThat(e.problems()).containsExactly("no-mrr.csv: missing column 'mrr' (also accepted: mrr_amount,"
                + " monthly_amount, monthly_recurring_revenue, mrr_usd); the header has: Customer, Period, Region");
        assertNothingWritten(before);
    }

    @Test
    void everyMissingColumnIsNamed() {
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.REASONS, csv("reasons-notes-only.csv", """
                account_id,comment
                harbor-ltd,left us
                """));

        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0)).startsWith("reasons-notes-only.csv: missing column 'date' (also accepted: ")
                .contains("churn_date", "event_date").endsWith("the header has: account_id, comment");
        assertThat(e.problems().get(1)).startsWith("reasons-notes-only.csv: missing column 'reason' (also accepted: ")
                .contains("reason_code", "churn_reason");
        assertNothingWritten(before);
    }

    @Test
    void subscriptionsWithoutAnyPriceColumnAreRejected() {
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.SUBSCRIPTIONS, csv("subs-no-price.csv", """
                subscription_id,account_id,start_date,amount
                s-1,harbor-ltd,2025-01-01,300
                """));

        assertThat(e.problems()).singleElement().asString()
                .startsWith("subs-no-price.csv: missing the price: give a column 'mrr' (also accepted: ")
                .contains("'amount' (also accepted: ", "with 'interval' (also accepted: ");
        assertNothingWritten(before);
    }

    @Test
    void unparsableDateIsRejected() {
        baseline();
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.REASONS, csv("reasons-dates.csv", """
                account_id,churn_date,reason
                harbor-ltd,2025-02-30,pricing
                quill-works,03/15/2025,budget
                harbor-ltd,,pricing
                """));

        assertThat(e.problems()).containsExactly(
                "reasons-dates.csv:2 column 'churn_date' value '2025-02-30': a date as YYYY-MM-DD",
                "reasons-dates.csv:3 column 'churn_date' value '03/15/2025': a date as YYYY-MM-DD",
                "reasons-dates.csv:4 column 'churn_date' is empty: a date as YYYY-MM-DD");
        assertNothingWritten(before);
    }

    @Test
    void unparsableSubscriptionDatesAreRejected() {
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.SUBSCRIPTIONS, csv("subs-dates.csv", """
                subscription_id,account_id,start_date,end_date,mrr
                s-1,harbor-ltd,January 2025,,100
                s-2,harbor-ltd,2025-01-01,2025-06-31,100
                """));

        assertThat(e.problems()).containsExactly(
                "subs-dates.csv:2 column 'start_date' value 'January 2025': a date as YYYY-MM-DD",
                "subs-dates.csv:3 column 'end_date' value '2025-06-31': a date as YYYY-MM-DD,"
                        + " or nothing for a subscription still running");
        assertNothingWritten(before);
    }

    @Test
    void unparsableMonthIsRejected() {
        baseline();
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.MRR, csv("ledger-months.csv", """
                account_id,month,mrr
                harbor-ltd,2025-13,400
                quill-works,March 2025,250
                harbor-ltd,2025-1,400
                """));

        assertThat(e.problems()).containsExactly(
                "ledger-months.csv:2 column 'month' value '2025-13': a month as YYYY-MM (or a date YYYY-MM-DD)",
                "ledger-months.csv:3 column 'month' value 'March 2025': a month as YYYY-MM (or a date YYYY-MM-DD)",
                "ledger-months.csv:4 column 'month' value '2025-1': a month as YYYY-MM (or a date YYYY-MM-DD)");
        assertNothingWritten(before);
    }

    @Test
    void unparsableAmountIsRejected() {
        baseline();
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.MRR, csv("ledger-amounts.csv", """
                account_id,month,MRR
                harbor-ltd,2025-01,four hundred
                quill-works,2025-01,"1.250,00"
                harbor-ltd,2025-02,
                """));

        assertThat(e.problems()).containsExactly(
                "ledger-amounts.csv:2 column 'MRR' value 'four hundred': an amount of 0 or more such as 1250 or 1,250.50",
                "ledger-amounts.csv:3 column 'MRR' value '1.250,00': an amount of 0 or more such as 1250 or 1,250.50",
                "ledger-amounts.csv:4 column 'MRR' is empty: an amount of 0 or more such as 1250 or 1,250.50");
        assertNothingWritten(before);
    }

    @Test
    void negativeAmountIsRejected() {
        baseline();
        Snapshot before = snapshot();

        ImportRejected ledger = rejected(ImportKind.MRR, csv("ledger-negative.csv", """
                account_id,month,mrr
                harbor-ltd,2025-01,400
                quill-works,2025-01,-75.25
                """));
        ImportRejected subs = rejected(ImportKind.SUBSCRIPTIONS, csv("subs-negative.csv", """
                subscription_id,account_id,start_date,amount,interval
                s-9,quill-works,2025-01-01,-$900,year
                """));

        assertThat(ledger.problems()).containsExactly("ledger-negative.csv:3 column 'mrr' value '-75.25': an amount"
                + " of 0 or more such as 1250 or 1,250.50; MRR cannot be negative");
        assertThat(subs.problems()).containsExactly("subs-negative.csv:2 column 'amount' value '-$900': an amount"
                + " of 0 or more such as 1250 or 1,250.50; an amount cannot be negative");
        assertNothingWritten(before);
    }

    @Test
    void endDateBeforeStartDateIsRejected() {
        baseline();
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.SUBSCRIPTIONS, csv("subs-backwards.csv", """
                subscription_id,account_id,start_date,end_date,mrr
                s-1,harbor-ltd,2025-01-01,2025-07-01,400
                s-2,quill-works,2025-03-10,2025-03-09,250
                """));

        assertThat(e.problems()).containsExactly("subs-backwards.csv:3 column 'end_date' value '2025-03-09': a date"
                + " on or after start_date 2025-03-10 (end_date is the first day without service)");
        assertNothingWritten(before);
    }

    @Test
    void duplicateLedgerRowsAreRejected() {
        baseline();
        Snapshot before = snapshot();

        // 2025-01 and 2025-01-31 are the same month
        ImportRejected e = rejected(ImportKind.MRR, csv("ledger-dupes.csv", """
                account_id,month,mrr
                harbor-ltd,2025-01,400
                quill-works,2025-01,250
                harbor-ltd,2025-02,400
                harbor-ltd,2025-01-31,410
                """));

        assertThat(e.problems()).containsExactly("ledger-dupes.csv:5 column 'account_id' value 'harbor-ltd': one row"
                + " per account and month; harbor-ltd already has a row for 2025-01");
        assertNothingWritten(before);
    }

    @Test
    void duplicateSubscriptionIdsAreRejected() {
        baseline();
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.SUBSCRIPTIONS, csv("subs-dupes.csv", """
                subscription_id,account_id,start_date,end_date,mrr
                s-1,harbor-ltd,2025-01-01,,400
                s-2,quill-works,2025-01-01,,250
                s-1,quill-works,2025-02-01,,100
                """));

        assertThat(e.problems()).containsExactly("subs-dupes.csv:4 column 'subscription_id' value 's-1': each"
                + " subscription once; s-1 already has line 2");
        assertNothingWritten(before);
    }

    @Test
    void duplicateAccountsAreRejected() {
        baseline();
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.ACCOUNTS, csv("accounts-dupes.csv", """
                account_id,name,plan
                harbor-ltd,Harbor Limited,Enterprise
                quill-works,Quill,Starter
                harbor-ltd,Harbor Again,Growth
                """));

        assertThat(e.problems()).containsExactly("accounts-dupes.csv:4 column 'account_id' value 'harbor-ltd': one row"
                + " per account; this account already has line 2");
        assertNothingWritten(before);
    }

    @Test
    void aRecordIdRepeatedWithOtherValuesIsRejected() {
        baseline();
        Snapshot before = snapshot();

        // C-2 twice with the same values is one record kept once; C-1 again with another note is a contradiction
        ImportRejected e = rejected(ImportKind.REASONS, csv("reasons-dupes.csv", """
                churn_event_id,account_id,churn_date,reason_code,feedback_text
                C-1,harbor-ltd,2025-01-20,pricing,too expensive
                C-2,harbor-ltd,2025-01-20,pricing,switched to competitor
                C-2,harbor-ltd,2025-01-20,pricing,switched to competitor
                C-1,harbor-ltd,2025-01-20,pricing,another note
                """));

        assertThat(e.problems()).containsExactly("reasons-dupes.csv:5 column 'churn_event_id' value 'C-1': each record"
                + " once; C-1 already has line 2 with other values (rows identical in every column are kept once)");
        assertNothingWritten(before);
    }

    @Test
    void severalProblemsAreReportedAtOnceInFileOrder() {
        baseline();
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.MRR, csv("ledger-mess.csv", """
                account_id,month,mrr
                harbor-ltd,2025-01,400
                quill-works,2025/01,250
                ,2025-01,90
                marlow-co,2025-01,-5
                harbor-ltd,2025-01,400
                marlow-co,2025-02,n/a
                quill-works,2025-02,260,extra
                quill-works,2025-03,,
                """));

        assertThat(e.getMessage()).startsWith("ledger-mess.csv was not imported: 7 problems found, nothing was written.");
        assertThat(e.problems()).containsExactly(
                "ledger-mess.csv:3 column 'month' value '2025/01': a month as YYYY-MM (or a date YYYY-MM-DD)",
                "ledger-mess.csv:4 column 'account_id' is empty: an account id",
                "ledger-mess.csv:5 column 'mrr' value '-5': an amount of 0 or more such as 1250 or 1,250.50;"
                        + " MRR cannot be negative",
                "ledger-mess.csv:6 column 'account_id' value 'harbor-ltd': one row per account and month;"
                        + " harbor-ltd already has a row for 2025-01",
                "ledger-mess.csv:7 column 'mrr' value 'n/a': an amount of 0 or more such as 1250 or 1,250.50",
                "ledger-mess.csv:8: has 4 values but the header has 3 columns; quote values that contain commas",
                "ledger-mess.csv:9 column 'mrr' is empty: an amount of 0 or more such as 1250 or 1,250.50");
        assertNothingWritten(before);
    }

    @Test
    void problemsAreCappedWithACountOfTheRest() {
        baseline();
        Snapshot before = snapshot();
        int bad = Problems.CAP + 17;
        String rows = IntStream.rangeClosed(1, bad)
                .mapToObj(i -> "acct-" + i + ",2025-01,about " + i)
                .collect(Collectors.joining("\n"));

        ImportRejected e = rejected(ImportKind.MRR, csv("ledger-capped.csv", "account_id,month,mrr\n"
                + "harbor-ltd,2025-01,400\n" + rows + "\n"));

        assertThat(e.getMessage()).startsWith("ledger-capped.csv was not imported: " + bad + " problems found");
        assertThat(e.problems()).hasSize(Problems.CAP + 1);
        assertThat(e.problems().get(0)).isEqualTo("ledger-capped.csv:3 column 'mrr' value 'about 1': an amount of 0"
                + " or more such as 1250 or 1,250.50");
        assertThat(e.problems().get(Problems.CAP - 1)).startsWith("ledger-capped.csv:" + (Problems.CAP + 2)
                + " column 'mrr' value 'about " + Problems.CAP + "'");
        assertThat(e.problems().get(Problems.CAP)).isEqualTo("... and 17 more problems");
        assertNothingWritten(before);
    }

    @Test
    void oneBadLedgerRowAmongGoodOnesWritesNothing() {
        baseline();
        Snapshot before = snapshot();
        // Enough good rows to send several batches to the database before the bad row is read, and a
        // month (2024-12) the store already has, which the import starts by clearing.
        StringBuilder file = new StringBuilder("account_id,month,mrr\n");
        for (int i = 0; i < 2_000; i++) {
            for (String month : new String[] {"2024-12", "2025-01", "2025-02"}) {
                file.append("bulk-").append(i).append(',').append(month).append(',').append(100 + i).append('\n');
            }
        }
        file.append("bulk-last,2025-02,12..5\n");

        ImportRejected e = rejected(ImportKind.MRR, csv("ledger-one-bad.csv", file.toString()));

        assertThat(e.problems()).containsExactly("ledger-one-bad.csv:6002 column 'mrr' value '12..5': an amount of 0"
                + " or more such as 1250 or 1,250.50");
        assertNothingWritten(before);
        assertThat(mrr("harbor-ltd", "2024-12")).isEqualTo(40_000);
        assertThat(mrr("quill-works", "2024-12")).isEqualTo(27_550);
        assertThat(store.loadPortfolio().ledger().coveredMonths()).extracting(Object::toString)
                .containsExactly("2024-11", "2024-12");
    }

    @Test
    void oneBadRowAmongGoodOnesWritesNothingForEveryKind() {
        baseline();
        Snapshot before = snapshot();

        ImportRejected accounts = rejected(ImportKind.ACCOUNTS, csv("accounts-one-bad.csv", """
                account_id,name,csm_email,plan
                harbor-ltd,Harbor Renamed,omar@vendor.example,Enterprise
                new-co,New Co,omar@vendor.example,Starter
                quill-works,Quill Renamed,omar at vendor,Enterprise
                """));
        ImportRejected subs = rejected(ImportKind.SUBSCRIPTIONS, csv("subs-one-bad.csv", """
                subscription_id,account_id,start_date,end_date,mrr
                s-1,harbor-ltd,2024-12-01,,999
                s-2,quill-works,2024-12-01,,888
                s-3,new-co,2024-12-01,someday,777
                """));
        ImportRejected reasons = rejected(ImportKind.REASONS, csv("reasons-one-bad.csv", """
                account_id,date,reason
                harbor-ltd,2024-12-01,champion_left
                quill-works,2024-10-02,support
                quill-works,2024-12-05,
                """));

        assertThat(accounts.problems()).containsExactly("accounts-one-bad.csv:4 column 'csm_email' value 'omar at"
                + " vendor': an e-mail address such as dana@example.com, or nothing");
        assertThat(subs.problems()).containsExactly("subs-one-bad.csv:4 column 'end_date' value 'someday': a date as"
                + " YYYY-MM-DD, or nothing for a subscription still running");
        assertThat(reasons.problems()).containsExactly("reasons-one-bad.csv:4 column 'reason' is empty: a reason or"
                + " driver code, such as pricing or product_gap");
        assertNothingWritten(before);
        assertThat(store.loadPortfolio().knownAccounts()).isEqualTo(2);
    }

    @Test
    void aMissingFileIsRejected() {
        Snapshot before = snapshot();
        Path nowhere = dir.resolve("not-there.csv");

        ImportRejected e = rejected(ImportKind.MRR, nowhere);

        assertThat(e.problems()).singleElement().asString().startsWith("not-there.csv: no such file (looked in ")
                .contains(dir.toAbsolutePath().normalize().toString());
        assertNothingWritten(before);
    }
}
