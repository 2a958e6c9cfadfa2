package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nrrbot.revenue.ImportRecord;
import dev.nrrbot.revenue.UndoRefused;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** An import taken back leaves every table exactly as it was before it; imports go back newest first. */
class UndoTest extends ImportTestSupport {

    private Path accounts() {
        return csv("accounts.csv", "account_id,name,csm_email,plan\nA1,Acme,dana@example.com,Pro\nA2,Bolt,,Basic\n");
    }

    private Path ledger() {
        return csv("mrr.csv", "account_id,month,mrr\nA1,2026-01,100\nA2,2026-01,50\nA1,2026-02,120\nA2,2026-02,0\n");
    }

    @Test
    void eachKindTakenBackRestoresWhatItReplaced() {
        load(ImportKind.ACCOUNTS, accounts());
        load(ImportKind.MRR, ledger());
        load(ImportKind.REASONS, csv("reasons.csv", "account_id,date,reason,note\nA2,2026-02-03,pricing,too dear\n"));
        Snapshot before = snapshot();

        // each kind again, changing what the first imports wrote
        load(ImportKind.ACCOUNTS, csv("accounts2.csv", "account_id,name,plan,region\nA1,Acme Inc,Enterprise,EU\nA3,Cog,Pro,US\n"));
        load(ImportKind.MRR, csv("mrr2.csv", "account_id,month,mrr\nA1,2026-02,90\nA3,2026-02,10\nA1,2026-03,95\n"));
        load(ImportKind.SUBSCRIPTIONS, csv("subs.csv",
                "subscription_id,account_id,start_date,end_date,mrr\nS1,A4,2026-03-01,,40\n"));
        load(ImportKind.REASONS, csv("reasons2.csv", "account_id,date,reason,note\nA2,2026-02-03,pricing,changed note\n"
                + "A1,2026-02-10,product_gap,\n"));
        assertThat(snapshot().tables()).isNotEqualTo(before.tables());

        for (int i = 0; i < 4; i++) {
            store.undo(null, "test");
        }

        assertThat(snapshot().tables()).isEqualTo(before.tables());
        assertThat(store.loadPortfolio().ledger().latestMonth()).contains(YearMonth.of(2026, 2));
        assertThat(store.imports()).filteredOn(ImportRecord::applied).extracting(ImportRecord::file)
                .containsExactly("reasons.csv", "mrr.csv", "accounts.csv");
    }

    @Test
    void theFirstImportTakenBackLeavesAnEmptyDatabaseAndAddedCodesGoWithIt() {
        Snapshot empty = snapshot();
        load(ImportKind.MRR, ledger());
        load(ImportKind.REASONS, csv("reasons.csv", "account_id,date,reason\nA2,2026-02-03,Pricing Complaint\n"),
                new ImportOptions(true, null));
        assertThat(store.taxonomy().resolve("pricing_complaint")).isPresent();

        store.undo(null, "test");
        store.undo(null, "test");

        assertThat(snapshot().tables()).isEqualTo(empty.tables());
        assertThat(snapshot().dataVersion()).isGreaterThan(empty.dataVersion()); // every cache reloads
    }

    @Test
    void aNamedImportGoesBackOnlyWhenNothingLaterIsApplied() {
        load(ImportKind.ACCOUNTS, accounts());
        load(ImportKind.MRR, ledger());
        long first = store.imports().get(1).id();

        assertThatThrownBy(() -> store.undo(first, "test")).isInstanceOf(UndoRefused.class)
                .hasMessageContaining("newest first").hasMessageContaining("mrr mrr.csv");
        assertThatThrownBy(() -> store.undo(999L, "test")).hasMessageContaining("There is no import #999");

        store.undo(null, "test");
        assertThatThrownBy(() -> store.undo(first + 1, "test")).hasMessageContaining("already taken back");
        assertThat(store.undo(first, "test").file()).isEqualTo("accounts.csv");
        assertThatThrownBy(() -> store.undo(null, "test")).hasMessageContaining("nothing is loaded");
    }

    @Test
    void onlyTheLatestFiveKeepWhatTheyReplaced() {
        for (int i = 1; i <= 7; i++) {
            load(ImportKind.MRR, csv("mrr" + i + ".csv", "account_id,month,mrr\nA1,2026-01," + (100 + i) + "\n"));
        }
        for (int i = 0; i < 5; i++) {
            store.undo(null, "test");
        }
        assertThat(mrr("A1", "2026-01")).isEqualTo(10_200);
        assertThatThrownBy(() -> store.undo(null, "test")).isInstanceOf(UndoRefused.class)
                .hasMessageContaining("too old").hasMessageContaining("reset");
        assertThat(rowsIn("undo_ledger")).isZero(); // nothing kept that can no longer be used
    }

    @Test
    void resetRemovesEveryImportedRowAndKeepsTheLog() {
        Snapshot empty = snapshot();
        load(ImportKind.ACCOUNTS, accounts());
        load(ImportKind.MRR, ledger());

        assertThat(store.reset("test")).isEqualTo(2);

        assertThat(snapshot().tables()).isEqualTo(empty.tables());
        assertThat(store.imports()).hasSize(2).noneMatch(ImportRecord::applied);
        assertThat(store.importedFiles()).isEmpty();
        assertThat(rowsIn("undo_account") + rowsIn("undo_ledger") + rowsIn("undo_month")).isZero();
    }

    @Test
    void theLogSaysWhoImportedWhichMonths() {
        new Importer(store, "cli:dana").run(ImportKind.MRR, ledger(), ImportOptions.DEFAULTS, null);
        ImportRecord r = store.imports().get(0);
        assertThat(r.by()).isEqualTo("cli:dana");
        assertThat(r.rows()).isEqualTo(4);
        assertThat(r.firstMonth()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(r.lastMonth()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(r.undoable()).isTrue();
    }
}
