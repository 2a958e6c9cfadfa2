package dev.nrrbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.Movement;
import dev.nrrbot.metrics.MovementKind;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.metrics.ReasonRecord;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.Window;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reason and driver records: codes and aliases, unknown codes, and which movement each record explains. */
class ReasonImportTest extends ImportTestSupport {

    /*
     * 2025-01..2025-06:
     *   tern-co      500 500 500   0   0   0   churn 2025-04 (500)
     *   ward-group   800 800 800 800 600 600   contraction 2025-05 (200)
     *   yarrow-inc   300 300 300 300 300 450   expansion 2025-06 (150)
     *   zephyr-ab    900 900 900 900 900 900   no movement
     */
    @BeforeEach
    void revenue() {
        StringBuilder file = new StringBuilder("account_id,month,mrr\n");
        String[][] rows = {
                {"tern-co", "500", "500", "500", "0", "0", "0"},
                {"ward-group", "800", "800", "800", "800", "600", "600"},
                {"yarrow-inc", "300", "300", "300", "300", "300", "450"},
                {"zephyr-ab", "900", "900", "900", "900", "900", "900"},
        };
        for (String[] r : rows) {
            for (int m = 1; m <= 6; m++) {
                file.append(r[0]).append(",2025-0").append(m).append(',').append(r[m]).append('\n');
            }
        }
        load(ImportKind.MRR, csv("ledger.csv", file.toString()));
    }

    @Test
    void unknownReasonCodeIsRejectedAndTheKnownCodesAreListed() {
        Snapshot before = snapshot();
        ReasonTaxonomy taxonomyBefore = store.taxonomy();

        ImportRejected e = rejected(ImportKind.REASONS, csv("reasons.csv", """
                account_id,date,reason
                tern-co,2025-04-02,pricing
                ward-group,2025-05-10,Too Slow
                """));

        assertThat(e.getMessage()).startsWith("reasons.csv was not imported: 1 problem found, nothing was written.");
        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0)).isEqualTo("reasons.csv:3 column 'reason' value 'Too Slow': a known reason or"
                + " driver code (listed below), or run again with --add-unknown-reasons to add it as an unattributed code");
        assertThat(e.problems().get(1)).startsWith("reasons.csv: known codes: ");
        List<String> listed = List.of(e.problems().get(1).substring("reasons.csv: known codes: ".length()).split(", "));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(taxonomyBefore.codeNames())
                .contains("product_gap", "budget_cut", "support_experience", "seat_growth", "unknown");
        assertThat(e.problems().get(2)).isEqualTo("reasons.csv: 'too_slow' is not a known code and none is close. Add it:"
                + " bin/nrr-bot taxonomy add too_slow FUNCTION   or map it to a known code: bin/nrr-bot taxonomy alias too_slow CODE");
        assertNothingWritten(before);
        assertThat(store.taxonomy().byCode("too_slow")).isEmpty();
        assertThat(rowsIn("reason_record")).isZero();
    }

    @Test
    void eachUnknownCodeIsNamedOnceWithTheClosestKnownCodeAndTheCommandsThatMapIt() {
        ImportRejected e = rejected(ImportKind.REASONS, csv("reasons.csv", """
                account_id,date,reason
                tern-co,2025-04-02,Pricing Complaint
                ward-group,2025-05-10,pricing_complaint
                ward-group,2025-05-11,Prcing
                """));

        assertThat(e.problems()).hasSize(3 + 3);
        assertThat(e.problems().subList(0, 3)).allMatch(p -> p.contains("a known reason or driver code"));
        assertThat(e.problems().subList(4, 6)).containsExactly(
                "reasons.csv: 'pricing_complaint' is not a known code; closest: pricing. Map it: bin/nrr-bot taxonomy alias"
                        + " pricing_complaint pricing   or add it: bin/nrr-bot taxonomy add pricing_complaint finance",
                "reasons.csv: 'prcing' is not a known code; closest: pricing. Map it: bin/nrr-bot taxonomy alias prcing pricing"
                        + "   or add it: bin/nrr-bot taxonomy add prcing finance");
    }

    @Test
    void theKnownCodesStayVisibleWhenUnknownCodesFillTheProblemList() {
        Snapshot before = snapshot();
        String rows = IntStream.rangeClosed(1, Problems.CAP + 10)
                .mapToObj(i -> "ward-group,2025-05-" + String.format("%02d", 1 + i % 28) + ",crm_code_" + i)
                .collect(Collectors.joining("\n"));

        ImportRejected e = rejected(ImportKind.REASONS, csv("crm-reasons.csv", "account_id,date,reason\n" + rows + "\n"));

        assertThat(e.getMessage()).startsWith("crm-reasons.csv was not imported: " + (Problems.CAP + 10) + " problems");
        // the known codes, advice for the first ten unknown codes, and a count of the others
        assertThat(e.problems()).hasSize(Problems.CAP + 2 + Importer.UNKNOWN_CODES_ADVISED + 1);
        assertThat(e.problems().get(Problems.CAP + 2)).startsWith("crm-reasons.csv: 'crm_code_1' is not a known code");
        assertThat(e.problems().get(e.problems().size() - 1))
                .isEqualTo("crm-reasons.csv: ... and 50 more unknown codes: map or add each the same way (bin/nrr-bot taxonomy --help)");
        assertThat(e.problems().get(Problems.CAP)).isEqualTo("... and 10 more problems");
        assertThat(e.problems().get(Problems.CAP + 1)).startsWith("crm-reasons.csv: known codes: ")
                .contains("product_gap", "budget_cut");
        assertNothingWritten(before);
    }

    @Test
    void unknownCodeIsAddedAsUnattributedWhenAsked() {
        ImportSummary s = load(ImportKind.REASONS, csv("reasons.csv", """
                account_id,date,reason,note
                tern-co,2025-04-02,Vendor Consolidation,merged tools
                ward-group,2025-05-10,vendor-consolidation,second row uses the new code
                yarrow-inc,2025-06-03,upsell,
                """), new ImportOptions(true, null));

        assertThat(s.addedCodes()).containsExactly("vendor_consolidation");
        assertThat(s.lines()).contains("Added as unattributed reason codes: vendor_consolidation.");
        ReasonCode added = store.taxonomy().byCode("vendor_consolidation").orElseThrow();
        assertThat(added.function()).isNull();
        assertThat(added.functionCode()).isEqualTo(BusinessFunction.UNATTRIBUTED);
        assertThat(added.polarity()).isEqualTo(ReasonCode.Polarity.REASON);
        assertThat(movement("tern-co", "2025-04").reason()).isEqualTo(added);
        assertThat(movement("ward-group", "2025-05").reason()).isEqualTo(added);
        assertThat(s.reasonsMatched()).isEqualTo(3);

        // In the report, the movements explained by the new code count as unattributed.
        RetentionReport r = new NrrEngine(store.loadPortfolio()).report(Window.quarter(2025, 2), Segment.ALL);
        assertThat(r.contributions()).filteredOn(c -> c.function() == null).singleElement()
                .extracting(Contribution::signedCents, Contribution::movements).containsExactly(-70_000L, 2);
    }

    @Test
    void aliasesResolveToCanonicalCodesInAnyCase() {
        load(ImportKind.REASONS, csv("reasons.csv", """
                account_id,date,reason
                tern-co,2025-04-02,features
                ward-group,2025-05-10,Support
                zephyr-ab,2025-03-03,BUDGET
                yarrow-inc,2025-06-01,Usage Growth
                """));

        assertThat(snapshot().tables().get("reason_record")).containsExactly(
                "tern-co|2025-04-02|product_gap|null",
                "ward-group|2025-05-10|support_experience|null",
                "yarrow-inc|2025-06-01|seat_growth|null",
                "zephyr-ab|2025-03-03|budget_cut|null");
        assertThat(movement("tern-co", "2025-04").reason().code()).isEqualTo("product_gap");
        assertThat(movement("ward-group", "2025-05").reason().code()).isEqualTo("support_experience");
        assertThat(movement("yarrow-inc", "2025-06").reason().code()).isEqualTo("seat_growth");
    }

    @Test
    void summaryCountsMatchedAndUnmatchedRecords() {
        ImportSummary s = load(ImportKind.REASONS, csv("reasons.csv", """
                account_id,date,reason,note
                tern-co,2025-03-20,pricing,noted the month before the revenue stopped
                ward-group,2025-05-02,champion_left,
                yarrow-inc,2025-06-03,upsell,a driver for the expansion
                zephyr-ab,2025-02-11,budget_cut,no movement to explain
                tern-co,2024-10-01,competitor,too early to reach the churn
                nobody-here,2025-04-01,pricing,account without revenue
                ward-group,2025-05-03,seat_growth,a driver cannot explain a contraction
                """));

        assertThat(s.kind()).isEqualTo(ImportKind.REASONS);
        assertThat(s.rows()).isEqualTo(7);
        assertThat(s.accounts()).isEqualTo(5);
        assertThat(s.reasonsMatched()).isEqualTo(3);
        assertThat(s.reasonsUnmatched()).isEqualTo(4);
        assertThat(s.lines()).contains("Imported reasons.csv (reasons): 7 rows, 5 accounts.",
                "Reasons matched to a movement: 3; unmatched (kept, reported in the Pareto): 4.");
        assertThat(store.loadPortfolio().unmatchedRecords())
                .extracting(ReasonRecord::accountId, ReasonRecord::date, ReasonRecord::code)
                .containsExactly(
                        tuple("tern-co", LocalDate.of(2024, 10, 1), "competitor"),
                        tuple("zephyr-ab", LocalDate.of(2025, 2, 11), "budget_cut"),
                        tuple("nobody-here", LocalDate.of(2025, 4, 1), "pricing"),
                        tuple("ward-group", LocalDate.of(2025, 5, 3), "seat_growth"));
        assertThat(rowsIn("reason_record")).isEqualTo(7);
    }

    @Test
    void reasonDatedTheMonthBeforeAChurnAttachesToIt() {
        ImportSummary s = load(ImportKind.REASONS, csv("reasons.csv", """
                account_id,date,reason,note
                tern-co,2025-03-28,competitor,"gave notice in March, revenue stopped in April"
                """));

        Movement churn = movement("tern-co", "2025-04");
        assertThat(churn.kind()).isEqualTo(MovementKind.CHURN);
        assertThat(churn.cents()).isEqualTo(50_000);
        assertThat(churn.reason().code()).isEqualTo("competitor");
        assertThat(churn.note()).isEqualTo("gave notice in March, revenue stopped in April");
        assertThat(s.reasonsMatched()).isEqualTo(1);
        assertThat(s.reasonsUnmatched()).isZero();
    }

    @Test
    void reasonsReachThreeMonthsAheadButNotFour() {
        ImportSummary s = load(ImportKind.REASONS, csv("reasons.csv", """
                account_id,date,reason
                tern-co,2025-01-31,pricing
                ward-group,2025-01-31,pricing
                """));

        // tern-co churns in 2025-04, three months after January; ward-group contracts in 2025-05, four after
        assertThat(movement("tern-co", "2025-04").reason().code()).isEqualTo("pricing");
        assertThat(movement("ward-group", "2025-05").reason()).isNull();
        assertThat(s.reasonsMatched()).isEqualTo(1);
        assertThat(s.reasonsUnmatched()).isEqualTo(1);
    }

    @Test
    void theLatestRecordWinsAMovement() {
        load(ImportKind.REASONS, csv("reasons.csv", """
                account_id,date,reason
                tern-co,2025-04-01,pricing
                tern-co,2025-03-15,competitor
                """));

        assertThat(movement("tern-co", "2025-04").reason().code()).isEqualTo("pricing");
    }

    @Test
    void unattributedReservedWordIsRejected() {
        Snapshot before = snapshot();

        ImportRejected e = rejected(ImportKind.REASONS, csv("reasons.csv", """
                account_id,date,reason
                tern-co,2025-04-01,Unexplained
                """), new ImportOptions(true, null));

        assertThat(e.problems()).singleElement().asString()
                .startsWith("reasons.csv:2 column 'reason' value 'Unexplained': a real code: 'unexplained' is reserved");
        assertNothingWritten(before);
    }

    @Test
    void importingTheSameReasonsTwiceChangesNothing() {
        var file = csv("reasons.csv", """
                account_id,date,reason,note
                tern-co,2025-03-20,pricing,"first, with a comma"
                ward-group,2025-05-02,Relationship,
                zephyr-ab,2025-02-11,budget_cut,no movement to explain
                ward-group,2025-05-02,Churned For Mystery,added on the fly
                """);
        ImportSummary first = load(ImportKind.REASONS, file, new ImportOptions(true, null));
        Snapshot once = snapshot();
        List<String> movementsOnce = movements();

        ImportSummary second = load(ImportKind.REASONS, file, new ImportOptions(true, null));

        assertThat(snapshot().tables()).isEqualTo(once.tables());
        assertThat(rowsIn("reason_record")).isEqualTo(4);
        assertThat(movements()).isEqualTo(movementsOnce);
        assertThat(second.reasonsMatched()).isEqualTo(first.reasonsMatched()).isEqualTo(3);
        assertThat(second.reasonsUnmatched()).isEqualTo(first.reasonsUnmatched()).isEqualTo(1);
        assertThat(first.addedCodes()).containsExactly("churned_for_mystery");
        assertThat(second.addedCodes()).isEmpty();
        assertThat(store.loadPortfolio().ledger().mrr("ward-group", YearMonth.of(2025, 5))).isEqualTo(60_000);
    }

    /** A churn-events export: its own ids, refunds and flags the import does not use, and free-text feedback. */
    private static final String EVENTS = """
            churn_event_id,account_id,churn_date,reason_code,refund_amount_usd,is_reactivation,feedback_text
            E-101,tern-co,2025-04-02,pricing,0.0,False,too expensive
            E-102,ward-group,2025-05-10,support,12.5,False,
            E-103,tern-co,2025-04-02,pricing,61.1,False,switched to competitor
            """;

    @Test
    void twoEventsSharingAnAccountDateAndReasonAreBothKept() {
        ImportSummary s = load(ImportKind.REASONS, csv("churn_events.csv", EVENTS));

        assertThat(rowsIn("reason_record")).isEqualTo(3);
        assertThat(snapshot().tables().get("reason_record")).containsExactly(
                "tern-co|2025-04-02|pricing|too expensive",
                "tern-co|2025-04-02|pricing|switched to competitor",
                "ward-group|2025-05-10|support_experience|null");
        // both reach the churn; of equal dates the one imported last (the later line) wins, with its note
        Movement churn = movement("tern-co", "2025-04");
        assertThat(churn.reason().code()).isEqualTo("pricing");
        assertThat(churn.note()).isEqualTo("switched to competitor");
        assertThat(s.reasonsMatched()).isEqualTo(3);
        assertThat(s.reasonsUnmatched()).isZero();
        assertThat(s.lines()).containsExactly(
                "Imported churn_events.csv (reasons): 3 rows, 2 accounts.",
                "Reasons matched to a movement: 3; unmatched (kept, reported in the Pareto): 0.",
                "Columns not used by a reasons import: refund_amount_usd, is_reactivation.");
        List<String> ids = db.jdbi().withHandle(h -> h.createQuery("SELECT event_id FROM reason_record ORDER BY event_id")
                .mapTo(String.class).list());
        assertThat(ids).containsExactly("E-101", "E-102", "E-103");
    }

    @Test
    void importingTheSameEventsAgainChangesNothing() {
        var file = csv("churn_events.csv", EVENTS);
        load(ImportKind.REASONS, file);
        List<String> once = recordsWithOrder();
        List<String> movementsOnce = movements();

        ImportSummary again = load(ImportKind.REASONS, file);

        assertThat(recordsWithOrder()).isEqualTo(once).hasSize(3);
        assertThat(movements()).isEqualTo(movementsOnce);
        assertThat(movement("tern-co", "2025-04").note()).isEqualTo("switched to competitor");
        assertThat(again.reasonsMatched()).isEqualTo(3);
    }

    @Test
    void anEventImportedAgainWithAnotherNoteIsChangedNotAdded() {
        load(ImportKind.REASONS, csv("churn_events.csv", EVENTS));

        load(ImportKind.REASONS, csv("corrected.csv", """
                event_id,account_id,date,reason,comment
                E-101,tern-co,2025-04-02,pricing,too expensive after the price change
                """));

        assertThat(rowsIn("reason_record")).isEqualTo(3);
        // changed, it is the record imported last: of the two equal dates, it wins now
        assertThat(movement("tern-co", "2025-04").note()).isEqualTo("too expensive after the price change");
    }

    @Test
    void aRecordFoundAgainUnchangedKeepsItsPlaceInTheOrder() {
        var first = csv("first.csv", """
                event_id,account_id,date,reason
                E-1,tern-co,2025-04-02,pricing
                """);
        load(ImportKind.REASONS, first);
        load(ImportKind.REASONS, csv("second.csv", """
                event_id,account_id,date,reason
                E-2,tern-co,2025-04-02,competitor
                """));

        load(ImportKind.REASONS, first);

        assertThat(movement("tern-co", "2025-04").reason().code()).isEqualTo("competitor");
    }

    @Test
    void rowsIdenticalInEveryColumnAreKeptOnceWithANotice() {
        ImportSummary s = load(ImportKind.REASONS, csv("reasons.csv", """
                account_id,date,reason,note
                tern-co,2025-04-02,pricing,too expensive
                ward-group,2025-05-10,support,
                tern-co,2025-04-02,pricing,too expensive
                tern-co,2025-04-02,pricing,Too expensive
                ward-group,2025-05-10,support,
                """));

        assertThat(rowsIn("reason_record")).isEqualTo(3);
        assertThat(s.rows()).isEqualTo(5);
        assertThat(s.lines()).contains("2 rows identical to earlier ones were kept once: lines 4, 6.");
        assertThat(movement("tern-co", "2025-04").note()).isEqualTo("Too expensive");
    }

    @Test
    void oneRepeatedRowIsNamedInTheSingular() {
        ImportSummary s = load(ImportKind.REASONS, csv("churn_events.csv", EVENTS + "E-102,ward-group,2025-05-10,support,12.5,False,\n"));

        assertThat(rowsIn("reason_record")).isEqualTo(3);
        assertThat(s.lines()).contains("1 row identical to an earlier one was kept once: line 5.");
    }

    @Test
    void rowsWithoutAnIdSharingAnAccountDateAndReasonAreRecordsOfTheirOwn() {
        var file = csv("reasons.csv", """
                account_id,date,reason,notes
                tern-co,2025-04-02,pricing,first
                tern-co,2025-04-02,Price,"second, spelled by an alias"
                tern-co,2025-04-02,competitor,another reason
                """);
        load(ImportKind.REASONS, file);
        List<String> once = recordsWithOrder();

        load(ImportKind.REASONS, file);

        assertThat(recordsWithOrder()).isEqualTo(once).hasSize(3);
        // the latest of equal dates is the last line, whatever its code
        assertThat(movement("tern-co", "2025-04").reason().code()).isEqualTo("competitor");
        assertThat(movement("tern-co", "2025-04").note()).isEqualTo("another reason");
    }

    /** Each record with its identity and its place in the order, which decides ties. */
    private List<String> recordsWithOrder() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT record_key, event_id, account_id, event_date, reason_code,"
                + " note, seq FROM reason_record ORDER BY record_key").map((rs, ctx) -> {
                    List<String> cells = new java.util.ArrayList<>();
                    for (int i = 1; i <= 7; i++) {
                        cells.add(String.valueOf(rs.getObject(i)));
                    }
                    return String.join("|", cells);
                }).list());
    }
}
