package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nrrbot.metrics.Account;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.metrics.ReportUnavailable;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.Window;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Accounts: names, CSM, renewal date, and every other column as an attribute reports can slice by. */
class AccountImportTest extends ImportTestSupport {

    private static final String ACCOUNTS = """
            account_id,name,csm_email,renewal_date,Plan,Region
            alder-co,Alder Co,rhea@vendor.example,2026-03-31,Enterprise,EMEA
            birch-ltd,Birch Ltd,,,Starter,EMEA
            cedar-inc,Cedar Inc,sol@vendor.example,2025-12-01T00:00:00Z,enterprise,AMER
            dogwood-sa,,,,,
            """;

    private void revenue() {
        load(ImportKind.MRR, csv("ledger.csv", """
                account_id,month,mrr
                alder-co,2025-01,1000
                alder-co,2025-02,1100
                birch-ltd,2025-01,500
                birch-ltd,2025-02,0
                cedar-inc,2025-01,300
                cedar-inc,2025-02,300
                dogwood-sa,2025-01,200
                dogwood-sa,2025-02,100
                """));
    }

    @Test
    void extraColumnsBecomeAttributesThatSegmentsSliceBy() {
        revenue();
        ImportSummary s = load(ImportKind.ACCOUNTS, csv("accounts.csv", ACCOUNTS));

        assertThat(s.notes()).containsExactly("Kept as attributes you can slice by (--segment KEY=VALUE): plan, region.");
        Portfolio p = store.loadPortfolio();
        assertThat(p.account("alder-co").orElseThrow().attributes())
                .containsExactly(Map.entry("plan", "Enterprise"), Map.entry("region", "EMEA"));
        assertThat(p.account("dogwood-sa").orElseThrow().attributes()).isEmpty();

        NrrEngine engine = new NrrEngine(p);
        Window feb = Window.month(YearMonth.of(2025, 2));
        RetentionReport enterprise = engine.report(feb, Segment.parse("plan=Enterprise"));
        assertThat(enterprise.cohortAccounts()).isEqualTo(2); // "enterprise" matches too: values ignore case
        assertThat(enterprise.startCents()).isEqualTo(130_000);
        assertThat(enterprise.endCents()).isEqualTo(140_000);
        assertThat(enterprise.nrrPercent()).isEqualByComparingTo("107.7");

        RetentionReport emea = engine.report(feb, Segment.parse("Region=emea"));
        assertThat(emea.cohortAccounts()).isEqualTo(2);
        assertThat(emea.startCents()).isEqualTo(150_000);
        assertThat(emea.churnCents()).isEqualTo(50_000);

        RetentionReport all = engine.report(feb, Segment.ALL);
        assertThat(all.cohortAccounts()).isEqualTo(4);
        assertThat(all.startCents()).isEqualTo(200_000);

        assertThatThrownBy(() -> engine.report(feb, Segment.parse("plan=Free"))).isInstanceOf(ReportUnavailable.class);
        RetentionReport byCsm = engine.report(feb, Segment.parse("csm=SOL@vendor.example"));
        assertThat(byCsm.cohortAccounts()).isEqualTo(1);
    }

    @Test
    void nameCsmAndRenewalDateAreStored() {
        ImportSummary s = load(ImportKind.ACCOUNTS, csv("accounts.csv", ACCOUNTS));

        assertThat(s.rows()).isEqualTo(4);
        assertThat(s.accounts()).isEqualTo(4);
        assertThat(s.months()).isZero();
        assertThat(s.firstMonth()).isNull();
        assertThat(s.lines()).startsWith("Imported accounts.csv (accounts): 4 rows, 4 accounts.");
        Portfolio p = store.loadPortfolio();
        Account alder = p.account("alder-co").orElseThrow();
        assertThat(alder.name()).isEqualTo("Alder Co");
        assertThat(alder.csmEmail()).isEqualTo("rhea@vendor.example");
        assertThat(alder.renewalDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(p.account("cedar-inc").orElseThrow().renewalDate()).isEqualTo(LocalDate.of(2025, 12, 1));
        Account birch = p.account("birch-ltd").orElseThrow();
        assertThat(birch.csmEmail()).isNull();
        assertThat(birch.renewalDate()).isNull();
        assertThat(p.account("dogwood-sa").orElseThrow().name()).isEqualTo("dogwood-sa");
        assertThat(p.knownAccounts()).isEqualTo(4);
    }

    @Test
    void invalidCsmEmailIsRejected() {
        revenue();
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.ACCOUNTS, csv("accounts.csv", """
                account_id,name,csm_email
                alder-co,Alder Co,rhea@vendor.example
                birch-ltd,Birch Ltd,rhea.vendor.example
                cedar-inc,Cedar Inc,sol@vendor
                dogwood-sa,Dogwood SA,"two@vendor.example, three@vendor.example"
                """));

        assertThat(e.problems()).containsExactly(
                "accounts.csv:3 column 'csm_email' value 'rhea.vendor.example': an e-mail address such as"
                        + " dana@example.com, or nothing",
                "accounts.csv:4 column 'csm_email' value 'sol@vendor': an e-mail address such as"
                        + " dana@example.com, or nothing",
                "accounts.csv:5 column 'csm_email' value 'two@vendor.example, three@vendor.example': an e-mail"
                        + " address such as dana@example.com, or nothing");
        assertNothingWritten(before);
        assertThat(store.loadPortfolio().account("alder-co").orElseThrow().name()).isEqualTo("alder-co");
    }

    @Test
    void unparsableRenewalDateIsRejected() {
        revenue();
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.ACCOUNTS, csv("accounts.csv", """
                account_id,Next Renewal Date
                alder-co,31/03/2026
                birch-ltd,2026-02-29
                """));

        assertThat(e.problems()).containsExactly(
                "accounts.csv:2 column 'Next Renewal Date' value '31/03/2026': a date as YYYY-MM-DD, or nothing",
                "accounts.csv:3 column 'Next Renewal Date' value '2026-02-29': a date as YYYY-MM-DD, or nothing");
        assertNothingWritten(before);
    }

    @Test
    void aLaterImportUpdatesAccountsAndClearsEmptiedAttributes() {
        load(ImportKind.ACCOUNTS, csv("accounts.csv", ACCOUNTS));

        load(ImportKind.ACCOUNTS, csv("accounts-update.csv", """
                account_id,plan,region
                alder-co,Growth,
                """));

        Account alder = store.loadPortfolio().account("alder-co").orElseThrow();
        assertThat(alder.attributes()).containsExactly(Map.entry("plan", "Growth"));
        // columns the second file does not have are left alone
        assertThat(alder.name()).isEqualTo("Alder Co");
        assertThat(alder.csmEmail()).isEqualTo("rhea@vendor.example");
        assertThat(alder.renewalDate()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void importingTheSameAccountsTwiceChangesNothing() {
        revenue();
        Path file = csv("accounts.csv", ACCOUNTS);
        ImportSummary first = load(ImportKind.ACCOUNTS, file);
        Snapshot once = snapshot();

        ImportSummary second = load(ImportKind.ACCOUNTS, file);

        assertThat(snapshot().tables()).isEqualTo(once.tables());
        assertThat(second).isEqualTo(first);
        assertThat(rowsIn("account")).isEqualTo(4);
        assertThat(rowsIn("account_attribute")).isEqualTo(6);
    }
}
