package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.signals.SignalBook;
import dev.nrrbot.signals.Ticket;
import dev.nrrbot.signals.db.JdbiSignalStore;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tickets: helpdesk exports unedited, the satisfaction scale read from the file, a ticket known by its id. */
class SignalTicketImportTest extends ImportTestSupport {

    /** RavenStack's header, with invented rows. */
    static final String RAVENSTACK = """
            ticket_id,account_id,submitted_at,closed_at,resolution_time_hours,priority,first_response_time_minutes,satisfaction_score,escalation_flag
            T-0001,A-1,2023-07-27,2023-07-28 03:00:00,27.0,high,74,,False
            T-0002,A-1,2023-08-01,,,urgent,144.0,4.0,True
            T-0003,A-2,2024-01-02,2024-01-02 10:00:00,10.0,low,"1,250",1.0,False
            T-0004,A-2,2024-02-10,2024-02-12 00:00:00,38,medium,5,5.0,False
            """;

    private List<Ticket> tickets(String account) {
        return new JdbiSignalStore(db).load().of(account).tickets();
    }

    @Test
    void ravenStacksFileImportsUneditedAndSaysWhichScale() {
        ImportSummary s = load(ImportKind.TICKETS, csv("ravenstack_support_tickets.csv", RAVENSTACK));

        assertThat(s.lines()).contains("Imported ravenstack_support_tickets.csv (tickets): 4 rows, 2 accounts.",
                "Dates covered: 2023-07-27 to 2024-02-10.", "1 tickets still open (no close date).");
        assertThat(s.lines()).anyMatch(l -> l.startsWith("Satisfaction read on a 1-5 scale") && l.contains("3 of 4 tickets rated"));
        assertThat(tickets("A-1")).containsExactly(
                new Ticket("T-0001", "A-1", LocalDate.of(2023, 7, 27), LocalDate.of(2023, 7, 28), Ticket.Priority.HIGH, 74,
                        null, false),
                new Ticket("T-0002", "A-1", LocalDate.of(2023, 8, 1), null, Ticket.Priority.URGENT, 144, 0.75, true));
        assertThat(tickets("A-2")).extracting(Ticket::satisfaction).containsExactly(0.0, 1.0);
        assertThat(tickets("A-2")).extracting(Ticket::firstResponseMinutes).containsExactly(1250, 5);
        assertThat(store.imports().get(0).kind()).isEqualTo("tickets");
    }

    @Test
    void zendeskNamesAndGoodOrBadRatings() {
        ImportSummary s = load(ImportKind.TICKETS, csv("zendesk.csv", """
                Id,Organization ID,Created at,Solved at,Priority,Satisfaction Rating,Requester
                101,org-1,2025-03-01T09:30:00Z,2025-03-02T10:00:00Z,Urgent,good,dana
                102,org-1,2025-03-03,,normal,bad,dana
                103,org-2,2025-03-04,,,offered,lee
                """));

        assertThat(s.lines()).anyMatch(l -> l.startsWith("Satisfaction read on a good/bad scale"));
        assertThat(tickets("org-1")).extracting(Ticket::satisfaction).containsExactly(1.0, 0.0);
        assertThat(tickets("org-2")).singleElement().satisfies(t -> {
            assertThat(t.satisfaction()).isNull();
            assertThat(t.priority()).isEqualTo(Ticket.Priority.NORMAL);
            assertThat(t.closed()).isNull();
        });
    }

    @Test
    void ratingsOnTenAndHundredAreScaledByTheFile() {
        load(ImportKind.TICKETS, csv("ten.csv", "ticket_id,account_id,created_at,satisfaction\nT1,A,2025-01-01,8\nT2,A,2025-01-02,0\n"));
        assertThat(tickets("A")).extracting(Ticket::satisfaction).containsExactly(0.8, 0.0);
        load(ImportKind.TICKETS, csv("pct.csv", "ticket_id,account_id,created_at,csat\nT3,B,2025-01-01,80\n"));
        assertThat(tickets("B")).extracting(Ticket::satisfaction).containsExactly(0.8);
    }

    @Test
    void withoutACloseColumnTheResolutionHoursCloseIt() {
        ImportSummary s = load(ImportKind.TICKETS, csv("t.csv", """
                ticket_id,account_id,submitted_at,resolution_time_hours,priority
                T1,A,2025-01-01,27.0,high
                T2,A,2025-01-05,,low
                """));

        assertThat(tickets("A")).extracting(Ticket::closed).containsExactly(LocalDate.of(2025, 1, 2), null);
        assertThat(s.lines()).contains("Closed dates computed from the opened date and resolution_time_hours.");
    }

    @Test
    void everyProblemNamesItsLineAndColumnAndNothingIsWritten() {
        load(ImportKind.TICKETS, csv("first.csv", RAVENSTACK));
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.TICKETS, csv("bad.csv", """
                ticket_id,account_id,opened_at,closed_at,priority,first_response_minutes,satisfaction,escalated
                T1,A,2025-01-01,,asap,5,4,no
                T2,A,someday,,high,5,4,maybe
                T1,A,2025-01-03,2024-12-31,low,-3,4,yes
                """));

        assertThat(e.problems()).containsExactly(
                "bad.csv:2 column 'priority' value 'asap': a priority: low, normal (or medium), high, urgent (also p1-p4, critical...)",
                "bad.csv:3 column 'opened_at' value 'someday': a date as YYYY-MM-DD (for slashed dates, give --date-format M/D/YYYY or D/M/YYYY)",
                "bad.csv:3 column 'escalated' value 'maybe': " + Values.BOOLEAN_FORM,
                "bad.csv:4 column 'ticket_id' value 'T1': each ticket once; T1 already has line 2",
                "bad.csv:4 column 'closed_at' value '2024-12-31': a date on or after opened_at 2025-01-03",
                "bad.csv:4 column 'first_response_minutes' value '-3': " + Values.COUNT_FORM + " (minutes), or nothing");
        assertNothingWritten(before);
    }

    @Test
    void aReExportUpdatesTheTicketsItNamesAndTheSameFileTwiceChangesNothing() {
        load(ImportKind.TICKETS, csv("week1.csv", RAVENSTACK));
        load(ImportKind.TICKETS, csv("week1.csv", RAVENSTACK));
        Snapshot once = snapshot();
        load(ImportKind.TICKETS, csv("week1.csv", RAVENSTACK));
        assertThat(snapshot().tables()).isEqualTo(once.tables());

        load(ImportKind.TICKETS, csv("week2.csv", RAVENSTACK.replace("T-0002,A-1,2023-08-01,,", "T-0002,A-1,2023-08-01,2023-08-03,")));

        assertThat(tickets("A-1")).extracting(Ticket::closed).containsExactly(LocalDate.of(2023, 7, 28), LocalDate.of(2023, 8, 3));
        assertThat(rowsIn("signal_ticket")).isEqualTo(4);
    }

    @Test
    void accountsTheRevenueDataDoesNotKnowAreNamedInAWarning() {
        load(ImportKind.ACCOUNTS, csv("accounts.csv", "account_id\nA-1\n"));

        ImportSummary s = load(ImportKind.TICKETS, csv("t.csv", RAVENSTACK));

        assertThat(s.lines()).contains("Warning: 1 of 2 accounts in the tickets are not in the revenue data, e.g. A-2:"
                + " check the ids match the revenue import (or import the accounts).");
    }

    @Test
    void statusCountsTheTickets() {
        load(ImportKind.TICKETS, csv("t.csv", RAVENSTACK));

        assertThat(DataStatus.read(store, store.loadPortfolio()).lines())
                .contains("  tickets        4 (2023-07-27 to 2024-02-10, 2 accounts; 1 open)");
        assertThat(new JdbiSignalStore(db).load().rows(SignalBook.Kind.TICKETS)).isEqualTo(4);
    }
}
