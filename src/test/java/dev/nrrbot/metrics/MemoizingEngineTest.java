package dev.nrrbot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's engine remembers answers ({@link NrrEngine#memoizing}); a remembered answer must be exactly
 * what the plain engine computes, for every window, segment and function, and failures are never remembered.
 */
class MemoizingEngineTest {

    private static Books books() {
        return Books.months("2024-01", "2025-12")
                .account("old", "2024-01", 1000, "2025-03", 0)
                .account("shrink", "2024-01", 2000, "2025-05", 1200)
                .account("mid", "2024-08", 500, "2025-02", 0)
                .account("fresh", "2025-04", 300, "2025-06", 0)
                .account("grows", "2024-01", 100, "2025-07", 5000)
                .account("back", "2024-01", 400, "2024-09", 0, "2025-02", 600)
                .record("old", "2025-02-10", "competitor")
                .record("shrink", "2025-05-02", "competitor")
                .record("mid", "2025-01-20", "pricing")
                .attributes("old", "pat@example.com", "plan", "Enterprise")
                .attributes("shrink", "pat@example.com", "plan", "Enterprise")
                .attributes("mid", "sam@example.com", "plan", "Starter")
                .attributes("grows", "sam@example.com", "plan", "Enterprise")
                .attributes("back", "sam@example.com", "plan", "Starter");
    }

    @Test
    void rememberedAnswersEqualFreshlyComputedOnesForEveryWindowAndSegment() {
        Portfolio p = books().portfolio();
        NrrEngine plain = new NrrEngine(p);
        NrrEngine memo = NrrEngine.memoizing(p);
        List<Window> windows = new ArrayList<>();
        for (YearMonth s = YearMonth.of(2024, 1); s.isBefore(YearMonth.of(2025, 12)); s = s.plusMonths(1)) {
            for (YearMonth e = s.plusMonths(1); !e.isAfter(YearMonth.of(2025, 12)); e = e.plusMonths(1)) {
                windows.add(new Window(s + ".." + e, s, e));
            }
        }
        List<Segment> segments = List.of(Segment.ALL, Segment.parse("plan=Enterprise"), Segment.parse("csm=sam@example.com"));
        for (int round = 0; round < 2; round++) { // the second round is answered from memory
            for (Window w : windows) {
                for (Segment s : segments) {
                    assertThat(memo.report(w, s)).isEqualTo(plain.report(w, s));
                    assertThat(memo.pareto(w, s)).isEqualTo(plain.pareto(w, s));
                    for (BusinessFunction f : BusinessFunction.values()) {
                        assertThat(memo.functionDetail(w, s, f)).isEqualTo(plain.functionDetail(w, s, f));
                    }
                }
            }
            for (Segment s : segments) {
                assertThat(memo.trend(s)).isEqualTo(plain.trend(s));
                for (BusinessFunction f : BusinessFunction.values()) {
                    assertThat(memo.contributionTrend(f, s, 12)).isEqualTo(plain.contributionTrend(f, s, 12));
                }
            }
        }
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromMemoryAndAFreshEngineComputesAgain() {
        Portfolio p = books().portfolio();
        NrrEngine memo = NrrEngine.memoizing(p);
        Window w = Window.year(2025);
        assertThat(memo.report(w, Segment.ALL)).isSameAs(memo.report(w, Segment.ALL));
        assertThat(memo.trend(Segment.ALL)).isSameAs(memo.trend(Segment.ALL));
        NrrEngine plain = new NrrEngine(p);
        assertThat(plain.report(w, Segment.ALL)).isNotSameAs(plain.report(w, Segment.ALL)).isEqualTo(plain.report(w, Segment.ALL));
    }

    @Test
    void failuresAreNotRememberedAndStillExplainThemselves() {
        NrrEngine memo = NrrEngine.memoizing(books().portfolio());
        Window w = Window.year(2025);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> memo.report(w, Segment.parse("plan=Platinum")))
                    .isInstanceOf(ReportUnavailable.class).hasMessageContaining("Values of plan: Enterprise, Starter");
            assertThatThrownBy(() -> memo.report(w, Segment.parse("tier=gold")))
                    .isInstanceOf(ReportUnavailable.class).hasMessageContaining("No account has the attribute 'tier'");
            assertThatThrownBy(() -> memo.report(new Window("2019", YearMonth.of(2018, 12), YearMonth.of(2019, 12)), Segment.ALL))
                    .isInstanceOf(ReportUnavailable.class);
        }
    }

    @Test
    void theMemoryIsBounded() {
        Portfolio p = books().portfolio();
        NrrEngine memo = NrrEngine.memoizing(p);
        Window kept = Window.year(2025);
        RetentionReport first = memo.report(kept, Segment.ALL);
        // more distinct questions than the memory holds push the least recently used answer out
        int asked = 0;
        for (YearMonth s = YearMonth.of(2024, 1); s.isBefore(YearMonth.of(2025, 12)); s = s.plusMonths(1)) {
            for (YearMonth e = s.plusMonths(1); !e.isAfter(YearMonth.of(2025, 12)); e = e.plusMonths(1)) {
                memo.report(new Window(s + ".." + e, s, e), Segment.parse("plan=Enterprise"));
                memo.report(new Window(s + ".." + e, s, e), Segment.parse("csm=sam@example.com"));
                asked += 2;
            }
        }
        assertThat(asked).isGreaterThan(NrrEngine.MEMO_ENTRIES);
        assertThat(memo.report(kept, Segment.ALL)).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void monthIndexCountsMonthsLikeChronoUnit() {
        Ledger ledger = books().ledger();
        YearMonth first = ledger.firstMonth();
        for (YearMonth m = YearMonth.of(2019, 7); m.isBefore(YearMonth.of(2031, 2)); m = m.plusMonths(1)) {
            assertThat(ledger.monthIndex(m)).isEqualTo((int) ChronoUnit.MONTHS.between(first, m));
        }
    }
}
