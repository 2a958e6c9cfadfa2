package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.revenue.ImportRecord;
import org.junit.jupiter.api.Test;

/** A signal import taken back leaves every table exactly as before it; reset removes the signals too. */
class SignalUndoTest extends ImportTestSupport {

    private void firstImports() {
        load(ImportKind.ACCOUNTS, csv("accounts.csv", "account_id\nA\nB\n"));
        load(ImportKind.TICKETS, csv("t.csv", "ticket_id,account_id,opened_at,closed_at\nT1,A,2025-01-01,\nT2,B,2025-01-02,2025-01-03\n"));
        load(ImportKind.USAGE, csv("u.csv", "account_id,date,feature,count\nA,2025-01-01,x,1\nA,2025-01-02,x,2\nB,2025-01-02,y,3\n"));
        load(ImportKind.SURVEYS, csv("s.csv", "account_id,date,score\nA,2025-01-05,9\n"));
        load(ImportKind.INVOICES, csv("i.csv", "invoice_id,account_id,due_date,amount,status\nI1,A,2025-01-31,10,open\n"));
        load(ImportKind.EVENTS, csv("e.csv", "account_id,date,type\nA,2025-02-01,champion_left\n"));
    }

    @Test
    void eachSignalKindReImportedChangedAndTakenBackIsExactlyAsBefore() {
        firstImports();
        Snapshot before = snapshot();

        load(ImportKind.TICKETS, csv("t2.csv", "ticket_id,account_id,opened_at,closed_at\nT1,A,2025-01-01,2025-01-09\nT3,B,2025-01-04,\n"));
        load(ImportKind.USAGE, csv("u2.csv", "account_id,date,feature,count\nA,2025-01-02,x,7\nA,2025-01-03,z,1\n"));
        load(ImportKind.SURVEYS, csv("s2.csv", "account_id,date,score\nA,2025-01-05,2\nB,2025-01-06,10\n"));
        load(ImportKind.INVOICES, csv("i2.csv", "invoice_id,account_id,due_date,amount,status,paid_at\nI1,A,2025-01-31,10,paid,2025-02-01\n"));
        load(ImportKind.EVENTS, csv("e2.csv", "account_id,date,type\nA,2025-02-01,new_executive\nB,2025-02-02,go_live\n"));
        assertThat(snapshot().tables()).isNotEqualTo(before.tables());

        for (int i = 0; i < 5; i++) {
            store.undo(null, "test");
        }

        assertThat(snapshot().tables()).isEqualTo(before.tables());
        assertThat(store.imports()).filteredOn(ImportRecord::applied).extracting(ImportRecord::kind)
                .containsExactly("events", "invoices", "surveys", "usage", "tickets", "accounts");
    }

    @Test
    void theFirstUsageImportTakenBackLeavesNoUsage() {
        Snapshot empty = snapshot();
        load(ImportKind.USAGE, csv("u.csv", "account_id,date,feature\nA,2025-01-01,x\n"));
        load(ImportKind.TICKETS, csv("t.csv", "ticket_id,account_id,opened_at\nT1,A,2025-01-01\n"));

        store.undo(null, "test");
        store.undo(null, "test");

        assertThat(snapshot().tables()).isEqualTo(empty.tables());
    }

    @Test
    void resetRemovesEverySignalAndItsJournal() {
        firstImports();

        store.reset("test");

        for (String t : new String[] {"signal_ticket", "signal_usage", "signal_survey", "signal_invoice", "signal_event",
                "undo_signal_ticket", "undo_signal_usage", "undo_usage_day", "undo_signal_event"}) {
            assertThat(rowsIn(t)).as(t).isZero();
        }
        assertThat(DataStatus.read(store, store.loadPortfolio()).lines()).noneMatch(l -> l.startsWith("  tickets"));
    }
}
