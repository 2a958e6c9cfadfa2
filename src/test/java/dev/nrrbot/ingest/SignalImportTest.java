package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.signals.AccountEvent;
import dev.nrrbot.signals.Invoice;
import dev.nrrbot.signals.SignalBook;
import dev.nrrbot.signals.Survey;
import dev.nrrbot.signals.db.JdbiSignalStore;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Surveys, invoices and events: aliases, problems with line and column, identities, all or nothing. */
class SignalImportTest extends ImportTestSupport {

    private SignalBook book() {
        return new JdbiSignalStore(db).load();
    }

    @Test
    void theKindsAndTheirAliases() {
        assertThat(ImportKind.parse("support_tickets")).contains(ImportKind.TICKETS);
        assertThat(ImportKind.parse("product-usage")).contains(ImportKind.USAGE);
        assertThat(ImportKind.parse("NPS")).contains(ImportKind.SURVEYS);
        assertThat(ImportKind.parse("billing")).contains(ImportKind.INVOICES);
        assertThat(ImportKind.parse("milestones")).contains(ImportKind.EVENTS);
        assertThat(DateReader.Format.parse("us")).contains(DateReader.Format.MDY);
        assertThat(DateReader.Format.parse("DD/MM/YYYY")).contains(DateReader.Format.DMY);
        assertThat(Values.count("74.0")).contains(74L);
        assertThat(Values.count("1,250")).contains(1250L);
        assertThat(Values.count("-1")).isEmpty();
        assertThat(Values.bool("Y")).contains(true);
        assertThat(Values.bool("FALSE")).contains(false);
        assertThat(Values.bool("perhaps")).isEmpty();
    }

    @Test
    void surveysAreNpsByDefaultAndAnAnswerWithoutAnIdIsKnownByItsPlaceAmongItsDay() {
        String file = """
                Customer ID,Responded At,NPS Score,Feedback
                A,2025-01-05,9,love it
                A,2025-01-05,3,
                B,2025-02-01,10.0,
                """;
        ImportSummary s = load(ImportKind.SURVEYS, csv("nps.csv", file));
        load(ImportKind.SURVEYS, csv("nps.csv", file));

        assertThat(s.lines()).contains("Imported nps.csv (surveys): 3 rows, 2 accounts.",
                "Scores read on the NPS scale (0-10; --scale csat for 1-5 answers).");
        assertThat(book().of("A").surveys()).extracting(Survey::score, Survey::comment).containsExactly(
                org.assertj.core.groups.Tuple.tuple(9, "love it"), org.assertj.core.groups.Tuple.tuple(3, null));
        assertThat(rowsIn("signal_survey")).isEqualTo(3);
    }

    @Test
    void aScoreOffTheScaleNamesTheLineAndTheOption() {
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.SURVEYS, csv("s.csv", "account_id,date,score\nA,2025-01-01,4\nA,2025-01-02,11\n"));
        assertThat(e.problems()).containsExactly(
                "s.csv:3 column 'score' value '11': a score from 0 to 10 (NPS); for CSAT scores give --scale csat");
        assertNothingWritten(before);

        ImportRejected csat = rejected(ImportKind.SURVEYS, csv("c.csv", "account_id,date,score\nA,2025-01-01,0\n"),
                ImportOptions.DEFAULTS.withScale(Survey.Scale.CSAT));
        assertThat(csat.problems()).containsExactly(
                "c.csv:2 column 'score' value '0': a score from 1 to 5 (CSAT); for NPS scores give --scale nps");
    }

    @Test
    void csatWithResponseIdsUpdatesAnAnswerByItsId() {
        ImportOptions csat = ImportOptions.DEFAULTS.withScale(Survey.Scale.CSAT);
        load(ImportKind.SURVEYS, csv("c.csv", "response_id,account_id,date,csat\nR1,A,2025-01-01,2\nR2,A,2025-01-02,5\n"), csat);
        load(ImportKind.SURVEYS, csv("c.csv", "response_id,account_id,date,csat\nR1,A,2025-01-01,4\n"), csat);

        assertThat(book().of("A").surveys()).extracting(Survey::score).containsExactly(4, 5);
        assertThat(book().of("A").surveys().get(0).share()).isEqualTo(0.75);
    }

    @Test
    void invoicesAreKnownByTheirIdAndABadStatusIsNamed() {
        load(ImportKind.INVOICES, csv("inv.csv", """
                invoice_number,customer_id,due_date,paid_date,total,payment_status
                I-1,A,2025-01-31,2025-02-03,"1,200.50",succeeded
                I-2,A,2025-02-28,,300,past_due
                """));
        load(ImportKind.INVOICES, csv("inv2.csv", "invoice_id,account_id,due_date,amount,status\nI-2,A,2025-02-28,300,failed\n"));

        assertThat(book().of("A").invoices()).containsExactly(
                new Invoice("I-1", "A", LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 3), 120_050, Invoice.Status.PAID),
                new Invoice("I-2", "A", LocalDate.of(2025, 2, 28), null, 30_000, Invoice.Status.FAILED));
        assertThat(DataStatus.read(store, store.loadPortfolio()).lines())
                .contains("  invoices       2 (due 2025-01-31 to 2025-02-28, 1 accounts; 1 failed or overdue)");

        Snapshot before = snapshot();
        ImportRejected e = rejected(ImportKind.INVOICES, csv("bad.csv",
                "invoice_id,account_id,due_date,amount,status\nI-3,A,2025-03-31,12,lost\nI-3,A,2025/03/31,x,paid\n"));
        assertThat(e.problems()).containsExactly(
                "bad.csv:2 column 'status' value 'lost': paid, open, overdue or failed (also succeeded, pending, past_due, declined...)",
                "bad.csv:3 column 'due_date' value '2025/03/31': a date as YYYY-MM-DD (for slashed dates, give --date-format M/D/YYYY or D/M/YYYY)",
                "bad.csv:3 column 'invoice_id' value 'I-3': each invoice once; I-3 already has line 2",
                "bad.csv:3 column 'amount' value 'x': " + Values.AMOUNT_FORM);
        assertNothingWritten(before);
    }

    @Test
    void eventTypesAreNormalisedAndTwoOnOneDayAreTwoEvents() {
        String file = """
                account_id,event_date,event_type,description
                A,2025-03-01,Champion Left,Dana moved on
                A,2025-03-01,new-executive,
                """;
        load(ImportKind.EVENTS, csv("e.csv", file));
        Snapshot once = snapshot();
        load(ImportKind.EVENTS, csv("e.csv", file));

        assertThat(snapshot().tables()).isEqualTo(once.tables());
        assertThat(book().of("A").events()).extracting(AccountEvent::type).containsExactlyInAnyOrder("champion_left", "new_executive");
        assertThat(book().of("A").events()).filteredOn(AccountEvent::isPeopleChange).hasSize(2);

        ImportRejected e = rejected(ImportKind.EVENTS, csv("bad.csv", "account_id,date,type\n,2025-01-01,--\n"));
        assertThat(e.problems()).containsExactly("bad.csv:2 column 'account_id' is empty: an account id",
                "bad.csv:2 column 'type' value '--': the kind of event in words, such as champion_left, new_executive or go_live");
    }

    @Test
    void theRevenueKindsReadTheDateFormatTooAndWithoutItOnlyIsoDates() {
        ImportOptions dayFirst = ImportOptions.DEFAULTS.withDateFormat(DateReader.Format.DMY);
        load(ImportKind.ACCOUNTS, csv("a.csv", "account_id,renewal_date\nA,31/03/2026\n"), dayFirst);
        load(ImportKind.SUBSCRIPTIONS, csv("s.csv", "subscription_id,account_id,start_date,end_date,mrr\nS1,A,1/2/2026,,10\n"),
                dayFirst);

        assertThat(store.loadPortfolio().account("A").orElseThrow().renewalDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(store.subscriptions().get(0).start()).isEqualTo(LocalDate.of(2026, 2, 1));
        ImportRejected e = rejected(ImportKind.REASONS, csv("r.csv", "account_id,date,reason\nA,7/27/2026,pricing\n"));
        assertThat(e.problems()).containsExactly("r.csv:2 column 'date' value '7/27/2026': a date as YYYY-MM-DD");
    }

    @Test
    void theWholeBookRoundTrips() {
        load(ImportKind.TICKETS, csv("t.csv", "ticket_id,account_id,opened_at\nT1,A,2025-01-01\n"));
        load(ImportKind.USAGE, csv("u.csv", "account_id,date,feature\nA,2025-01-02,x\n"));
        load(ImportKind.SURVEYS, csv("s.csv", "account_id,date,score\nA,2025-01-03,8\n"));
        load(ImportKind.INVOICES, csv("i.csv", "invoice_id,account_id,due_date,amount\nI1,A,2025-01-04,10\n"));
        load(ImportKind.EVENTS, csv("e.csv", "account_id,date,type,note\nA,2025-01-05,go live,\n"));

        SignalBook b = book();

        for (SignalBook.Kind k : SignalBook.Kind.values()) {
            assertThat(b.rows(k)).as(k.name()).isEqualTo(1);
        }
        assertThat(b.earliest(SignalBook.Kind.TICKETS)).contains(LocalDate.of(2025, 1, 1));
        assertThat(b.of("A").invoices().get(0).status()).isEqualTo(Invoice.Status.OPEN);
        assertThat(b.of("A").events().get(0)).isEqualTo(new AccountEvent("A", LocalDate.of(2025, 1, 5), "go_live", null));
        assertThat(b.of("A").surveys().get(0).scale()).isEqualTo(Survey.Scale.NPS);
        assertThat(Optional.of(b.of("A").usage().rows())).contains(1);
        assertThat(DataStatus.read(store, store.loadPortfolio()).lines()).contains(
                "  surveys        1 answers (2025-01-03 to 2025-01-03, 1 accounts)",
                "  events         1 (2025-01-05 to 2025-01-05, 1 accounts)");
    }
}
