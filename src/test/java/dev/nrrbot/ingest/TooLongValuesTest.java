package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nrrbot.platform.db.StoreException;
import dev.nrrbot.revenue.RevenueWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A value longer than its column holds is a problem on its line and column, with the limit, and
 * nothing is written; the database never cuts it. A value of exactly the limit is kept whole.
 */
class TooLongValuesTest extends ImportTestSupport {

    static String x(int n) {
        return "x".repeat(n);
    }

    /** How the problem shows the value: its first 57 characters and "...". */
    static String shown(String v) {
        return v.substring(0, 57) + "...";
    }

    @Test
    void longAccountIdsNamesEmailsAndAttributesAreRefusedWithTheLimit() {
        Snapshot before = snapshot();
        String email = x(316) + "@a.io"; // 321 characters, a valid address
        String attribute = x(101);

        ImportRejected e = rejected(ImportKind.ACCOUNTS, csv("accounts-long.csv", "account_id,name,csm_email,plan," + attribute + "\n"
                + x(201) + ",Harbor Ltd,,Growth,a\n"
                + "harbor-ltd," + x(501) + ",,Growth,a\n"
                + "quill-works,Quill Works," + email + ",Growth,a\n"
                + "ember-labs,Ember Labs,,\"" + x(612) + "\",a\n"));

        assertThat(e.problems()).containsExactly(
                "accounts-long.csv:1 column '" + attribute + "': 101 characters; attribute names (the column headers) hold at most 100",
                "accounts-long.csv:2 column 'account_id' value '" + shown(x(201)) + "': 201 characters; account ids hold at most 200",
                "accounts-long.csv:3 column 'name' value '" + shown(x(501)) + "': 501 characters; names hold at most 500",
                "accounts-long.csv:4 column 'csm_email' value '" + shown(email) + "': 321 characters; e-mail addresses hold at most 320",
                "accounts-long.csv:5 column 'plan' value '" + shown(x(612)) + "': 612 characters; attribute values hold at most 500");
        assertNothingWritten(before);
        assertThat(rowsIn("account")).isZero();
    }

    @Test
    void aLongAccountIdInALedgerOrSubscriptionsFileIsRefused() {
        Snapshot before = snapshot();

        ImportRejected ledger = rejected(ImportKind.MRR, csv("ledger-long.csv", "account_id,month,mrr\n"
                + "harbor-ltd,2025-01,400\n" + x(250) + ",2025-01,100\n"));
        ImportRejected subs = rejected(ImportKind.SUBSCRIPTIONS, csv("subs-long.csv", "subscription_id,account_id,start_date,mrr\n"
                + x(201) + ",harbor-ltd,2025-01-01,100\n" + "s-2," + x(300) + ",2025-01-01,100\n"));

        assertThat(ledger.problems()).containsExactly(
                "ledger-long.csv:3 column 'account_id' value '" + shown(x(250)) + "': 250 characters; account ids hold at most 200");
        assertThat(subs.problems()).containsExactly(
                "subs-long.csv:2 column 'subscription_id' value '" + shown(x(201)) + "': 201 characters; subscription ids hold at most 200",
                "subs-long.csv:3 column 'account_id' value '" + shown(x(300)) + "': 300 characters; account ids hold at most 200");
        assertNothingWritten(before);
    }

    @Test
    void aLongNoteAccountIdOrNewReasonCodeIsRefused() {
        Snapshot before = snapshot();
        String code = "y".repeat(101);

        ImportRejected e = rejected(ImportKind.REASONS, csv("reasons-long.csv", "account_id,date,reason,note\n"
                + "harbor-ltd,2025-01-20,pricing," + x(4_001) + "\n"
                + x(201) + ",2025-01-20,pricing,\n"
                + "harbor-ltd,2025-02-20," + code + ",\n"), new ImportOptions(true, null));

        assertThat(e.problems()).containsExactly(
                "reasons-long.csv:2 column 'note' value '" + shown(x(4_001)) + "': 4,001 characters; notes hold at most 4,000",
                "reasons-long.csv:3 column 'account_id' value '" + shown(x(201)) + "': 201 characters; account ids hold at most 200",
                "reasons-long.csv:4 column 'reason' value '" + shown(code) + "': 101 characters; reason codes hold at most 100");
        assertNothingWritten(before);
    }

    @Test
    void theWriterRefusesATooLongValueRatherThanCutIt() {
        Snapshot before = snapshot();
        for (Consumer<RevenueWriter> write : List.<Consumer<RevenueWriter>>of(
                w -> w.upsertAccount("harbor-ltd", Map.of("name", x(501))),
                w -> w.attribute("harbor-ltd", "plan", x(501)),
                w -> w.ensureAccounts(List.of(x(201))),
                w -> w.putReason("row:harbor-ltd|20250120|pricing", null, "harbor-ltd", java.time.LocalDate.of(2025, 1, 20),
                        "pricing", x(4_001)))) {
            assertThatThrownBy(() -> store.write(w -> {
                write.accept(w);
                return null;
            })).isInstanceOf(StoreException.class).hasMessageContaining("does not fit (the column holds");
        }
        assertNothingWritten(before);
    }

    @Test
    void valuesOfExactlyTheLimitAreKeptWhole() {
        String id = "a".repeat(200);
        load(ImportKind.MRR, csv("ledger.csv", "account_id,month,mrr\n" + id + ",2025-01,400\n"));
        load(ImportKind.ACCOUNTS, csv("accounts.csv", "account_id,name,csm_email," + "p".repeat(100) + "\n"
                + id + "," + x(500) + "," + x(315) + "@a.io," + "v".repeat(500) + "\n"));
        load(ImportKind.REASONS, csv("reasons.csv", "account_id,date,reason,note\n" + id + ",2025-01-20," + "c".repeat(100) + ","
                + x(4_000) + "\n"), new ImportOptions(true, null));

        String account = db.jdbi().withHandle(h -> h.createQuery("SELECT account_id || '|' || name || '|' || csm_email FROM account")
                .mapTo(String.class).one());
        assertThat(account).isEqualTo(id + "|" + x(500) + "|" + x(315) + "@a.io");
        String attributeRow = db.jdbi().withHandle(h -> h.createQuery("SELECT attr_name || '=' || attr_value FROM account_attribute")
                .mapTo(String.class).one());
        assertThat(attributeRow).isEqualTo("p".repeat(100) + "=" + "v".repeat(500));
        String reasonRow = db.jdbi().withHandle(h -> h.createQuery("SELECT reason_code || '|' || note FROM reason_record")
                .mapTo(String.class).one());
        assertThat(reasonRow).isEqualTo("c".repeat(100) + "|" + x(4_000));
    }
}
