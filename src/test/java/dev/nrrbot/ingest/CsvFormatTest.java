package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReasonRecord;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What real exports look like: byte-order marks, Windows line ends, quoting, and headers by other names. */
class CsvFormatTest extends ImportTestSupport {

    private static final String LEDGER = """
            account_id,month,mrr
            fennel-labs,2025-01,1200
            fennel-labs,2025-02,1300
            oriel-partners,2025-01,640.40
            oriel-partners,2025-02,0
            """;

    @Test
    void byteOrderMarkIsDropped() {
        ImportSummary s = load(ImportKind.MRR, csv("excel-export.csv", "\uFEFF" + LEDGER));

        assertThat(s.rows()).isEqualTo(4);
        assertThat(s.accounts()).isEqualTo(2);
        assertThat(ledger(List.of("fennel-labs", "oriel-partners"), "2025-01", "2025-02")).containsExactly(
                Map.entry("fennel-labs", List.of(120_000L, 130_000L)),
                Map.entry("oriel-partners", List.of(64_040L, 0L)));
        // the first header was recognized, so no column was left over
        assertThat(s.notes()).isEmpty();
    }

    @Test
    void byteOrderMarkBeforeAnAliasedHeaderIsDropped() {
        load(ImportKind.ACCOUNTS, csv("crm.csv", "\uFEFFCustomer ID,Account Name\r\nfennel-labs,Fennel Labs\r\n"));

        assertThat(store.loadPortfolio().account("fennel-labs")).map(Account::name).contains("Fennel Labs");
    }

    @Test
    void crlfLineEndsImportFine() {
        ImportSummary s = load(ImportKind.MRR, csv("windows.csv", LEDGER.replace("\n", "\r\n")));

        assertThat(s.rows()).isEqualTo(4);
        assertThat(ledger(List.of("fennel-labs", "oriel-partners"), "2025-01", "2025-02")).containsExactly(
                Map.entry("fennel-labs", List.of(120_000L, 130_000L)),
                Map.entry("oriel-partners", List.of(64_040L, 0L)));
        assertThat(store.loadPortfolio().account("oriel-partners")).isPresent();
    }

    @Test
    void crlfFilesReportTheRightLine() {
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.MRR, csv("windows-bad.csv",
                "account_id,month,mrr\r\nfennel-labs,2025-01,1200\r\nfennel-labs,2025-02,12 00\r\n"));

        assertThat(e.problems()).containsExactly("windows-bad.csv:3 column 'mrr' value '12 00': an amount of 0 or more"
                + " such as 1250 or 1,250.50");
        assertNothingWritten(before);
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndNewlines() {
        load(ImportKind.MRR, csv("ledger.csv", """
                account_id,month,mrr
                fennel-labs,2025-01,"1,250.50"
                fennel-labs,2025-02,"$2,000"
                "oriel, partners",2025-02,300
                """));
        load(ImportKind.ACCOUNTS, csv("accounts.csv", """
                account_id,name,region
                fennel-labs,"Fennel Labs, Inc.","Nordics, Baltics"
                "oriel, partners","The ""Oriel"" Partnership",UK
                """));
        ImportSummary s = load(ImportKind.REASONS, csv("reasons.csv", """
                account_id,date,reason,note
                fennel-labs,2025-01-05,pricing,"Too expensive, they said"
                fennel-labs,2025-01-06,competitor,"Quote: ""we found something cheaper""
                and a second line, with a comma"
                "oriel, partners",2025-02-01,support,plain
                """));

        Portfolio p = store.loadPortfolio();
        assertThat(p.ledger().mrr("fennel-labs", YearMonth.of(2025, 1))).isEqualTo(125_050);
        assertThat(p.ledger().mrr("fennel-labs", YearMonth.of(2025, 2))).isEqualTo(200_000);
        assertThat(p.ledger().mrr("oriel, partners", YearMonth.of(2025, 2))).isEqualTo(30_000);
        assertThat(p.account("fennel-labs").orElseThrow().name()).isEqualTo("Fennel Labs, Inc.");
        assertThat(p.account("fennel-labs").orElseThrow().attribute("region")).isEqualTo("Nordics, Baltics");
        assertThat(p.account("oriel, partners").orElseThrow().name()).isEqualTo("The \"Oriel\" Partnership");
        assertThat(s.rows()).isEqualTo(3);
        List<ReasonRecord> records = p.unmatchedRecords();
        assertThat(records).extracting(ReasonRecord::accountId, ReasonRecord::date, ReasonRecord::code, ReasonRecord::note)
                .containsExactlyInAnyOrder(
                        tuple("fennel-labs", LocalDate.of(2025, 1, 5), "pricing",
                                "Too expensive, they said"),
                        tuple("fennel-labs", LocalDate.of(2025, 1, 6), "competitor",
                                "Quote: \"we found something cheaper\"\nand a second line, with a comma"),
                        tuple("oriel, partners", LocalDate.of(2025, 2, 1),
                                "support_experience", "plain"));
    }

    @Test
    void linesAreCountedInTheFileAfterMultiLineValuesAndBlankLines() {
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.REASONS, csv("reasons-lines.csv", """
                account_id,date,reason,note
                fennel-labs,2025-01-05,pricing,"first line
                second line
                third line"
                fennel-labs,2025-01-06,pricing,ok

                fennel-labs,2025-01-07,pricey,unknown code
                """));

        assertThat(e.problems()).first().asString().startsWith("reasons-lines.csv:7 column 'reason' value 'pricey': ");
        assertNothingWritten(before);
    }

    @Test
    void linesAreCountedInTheFileWhenBlankLinesComeBeforeTheHeader() {
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.MRR, csv("ledger-lines.csv",
                "\r\n\r\naccount_id,month,mrr\r\nfennel-labs,2025-01,100\r\n\r\nfennel-labs,2025-02,lots\r\n"));

        assertThat(e.problems()).containsExactly("ledger-lines.csv:6 column 'mrr' value 'lots': an amount of 0 or more"
                + " such as 1250 or 1,250.50");
        assertNothingWritten(before);
    }

    @Test
    void brokenQuotingIsReportedAndNothingIsWritten() {
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.REASONS, csv("reasons-broken.csv", """
                account_id,date,reason,note
                fennel-labs,2025-01-05,pricing,fine
                fennel-labs,2025-01-06,competitor,"never closed
                oriel-partners,2025-02-01,support,plain
                """));

        assertThat(e.problems()).singleElement().asString().startsWith("reasons-broken.csv:3: broken CSV (")
                .endsWith("); check the quotes on this line. Reading stopped here.");
        assertNothingWritten(before);
    }

    @Test
    void ledgerHeaderAliasesInAnyCase() {
        load(ImportKind.MRR, csv("ledger-a.csv", """
                CUSTOMER_ID,Period,MRR_Amount
                fennel-labs,2025-01,100
                """));
        load(ImportKind.MRR, csv("ledger-b.csv", """
                Account,Month,Monthly Amount
                fennel-labs,2025-02,200
                """));
        load(ImportKind.MRR, csv("ledger-c.csv", """
                customer-id,date,monthly_amount
                fennel-labs,2025-03-31,300
                """));

        assertThat(ledger(List.of("fennel-labs"), "2025-01", "2025-03"))
                .containsEntry("fennel-labs", List.of(10_000L, 20_000L, 30_000L));
    }

    @Test
    void accountHeaderAliasesInAnyCase() {
        ImportSummary s = load(ImportKind.ACCOUNTS, csv("accounts.csv", """
                Customer_ID,ACCOUNT_NAME,CSM,Renewal,Plan
                fennel-labs,Fennel Labs,rhea@vendor.example,2026-04-30,Enterprise
                """));

        Account a = store.loadPortfolio().account("fennel-labs").orElseThrow();
        assertThat(a.name()).isEqualTo("Fennel Labs");
        assertThat(a.csmEmail()).isEqualTo("rhea@vendor.example");
        assertThat(a.renewalDate()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(a.attributes()).containsExactly(Map.entry("plan", "Enterprise"));
        assertThat(s.notes()).containsExactly("Kept as attributes you can slice by (--segment KEY=VALUE): plan.");
    }

    @Test
    void subscriptionHeaderAliasesInAnyCase() {
        load(ImportKind.SUBSCRIPTIONS, csv("subs.csv", """
                ID,Customer_ID,Start,END,MRR_Amount
                s-1,fennel-labs,2025-01-01,2025-03-01,100
                """));
        assertThat(ledger(List.of("fennel-labs"), "2025-01", "2025-03"))
                .containsEntry("fennel-labs", List.of(10_000L, 10_000L, 0L));

        load(ImportKind.SUBSCRIPTIONS, csv("subs-b.csv", """
                sub_id,account,START,end,monthly_amount
                s-2,oriel-partners,2025-01-01,,50
                s-3,fennel-labs,2025-01-01,2025-03-01,100
                """));
        assertThat(ledger(List.of("fennel-labs", "oriel-partners"), "2025-01", "2025-03")).containsExactly(
                Map.entry("fennel-labs", List.of(10_000L, 10_000L, 0L)),
                Map.entry("oriel-partners", List.of(5_000L, 5_000L, 5_000L)));
    }

    @Test
    void reasonHeaderAliasesInAnyCase() {
        load(ImportKind.REASONS, csv("reasons-a.csv", """
                Customer ID,Churn_Date,Reason_Code,Feedback_Text
                fennel-labs,2025-01-05,pricing,"too dear, they said"
                """));
        load(ImportKind.REASONS, csv("reasons-b.csv", """
                ACCOUNT,Event_Date,REASON_CODE,feedback_text
                oriel-partners,2025-01-06,competitor,went elsewhere
                """));

        assertThat(store.loadPortfolio().unmatchedRecords())
                .extracting(ReasonRecord::accountId, ReasonRecord::code, ReasonRecord::note)
                .containsExactly(
                        tuple("fennel-labs", "pricing", "too dear, they said"),
                        tuple("oriel-partners", "competitor", "went elsewhere"));
    }

    @Test
    void aColumnGivenTwiceUnderTwoNamesIsRejected() {
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.MRR, csv("ledger-twice.csv", """
                account_id,customer_id,month,mrr
                fennel-labs,fennel-labs,2025-01,100
                """));

        assertThat(e.problems()).containsExactly("ledger-twice.csv:1 column 'customer_id': the column 'account_id'"
                + " (also accepted: customer_id, account, customer, accountid, customerid, client_id, company_id)"
                + " appears twice (also as 'account_id'); keep one");
        assertNothingWritten(before);
    }

    @Test
    void columnsNoImportUsesAreNamedInTheSummary() {
        ImportSummary s = load(ImportKind.MRR, csv("ledger-extra.csv", """
                account_id,month,mrr,Currency,Sales Rep
                fennel-labs,2025-01,100,EUR,kim
                """));

        assertThat(s.notes()).containsExactly("Columns not used by a mrr import: currency, sales_rep.");
    }
}
