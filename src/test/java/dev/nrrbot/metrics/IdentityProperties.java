package dev.nrrbot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random books (a few accounts, 15-30 months, amounts in cents with many zeros and repeats, now and
 * then an uncovered month, random reason records), every window over them, checked against the
 * definitions recomputed here from the raw amounts.
 */
class IdentityProperties {

    private static final YearMonth FIRST = YearMonth.of(2023, 1);
    private static final List<String> CODES = List.of("product_gap", "competitor", "pricing", "unknown",
            "budget_cut", "seat_growth", "upsell", "win_back", "champion_left");

    /** Raw books: cents[account][month]; {@code gaps} are month indexes no import covers. */
    record RandomBooks(long[][] cents, Set<Integer> gaps, List<ReasonRecord> records) {

        int months() {
            return cents[0].length;
        }

        boolean covered(int m) {
            return !gaps.contains(m);
        }

        Portfolio portfolio() {
            Ledger.Builder b = Ledger.builder(FIRST, FIRST.plusMonths(months() - 1L));
            for (int m = 0; m < months(); m++) {
                if (covered(m)) {
                    b.covered(FIRST.plusMonths(m));
                }
            }
            for (int a = 0; a < cents.length; a++) {
                b.account("acct" + a);
                for (int m = 0; m < months(); m++) {
                    b.mrr("acct" + a, FIRST.plusMonths(m), covered(m) ? cents[a][m] : 0);
                }
            }
            return Portfolio.of(b.build(), List.of(), ReasonTaxonomy.defaults(), records, List.of());
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("gaps=" + gaps + " records=" + records.size() + "\n");
            for (long[] row : cents) {
                s.append(java.util.Arrays.toString(row)).append('\n');
            }
            return s.toString();
        }
    }

    @Provide
    Arbitrary<RandomBooks> books() {
        return Arbitraries.integers().between(15, 30).flatMap(months -> Combinators.combine(
                account(months).list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.just(Set.<Integer>of())),
                        Tuple.of(1, Arbitraries.integers().between(0, months - 1).set().ofMinSize(1).ofMaxSize(2))),
                record(months).list().ofMaxSize(10)
        ).as((rows, gaps, recs) -> {
            List<ReasonRecord> numbered = new ArrayList<>();
            for (int i = 0; i < recs.size(); i++) {
                ReasonRecord r = recs.get(i);
                numbered.add(new ReasonRecord("acct" + Math.floorMod(r.accountId().hashCode(), rows.size()),
                        r.date(), r.code(), null, i));
            }
            return new RandomBooks(rows.toArray(new long[0][]), gaps, numbered);
        }));
    }

    /** One account's MRR: each month keeps the previous amount, drops to zero, or takes a new amount. */
    private Arbitrary<long[]> account(int months) {
        Arbitrary<Long> step = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(-1L)),                         // unchanged
                Tuple.of(2, Arbitraries.just(0L)),                          // nothing paid
                Tuple.of(3, Arbitraries.longs().between(1, 2_000_000_00L)),  // any amount
                Tuple.of(1, Arbitraries.longs().between(1, 99)));            // a few cents
        return step.list().ofSize(months).map(steps -> {
            long[] row = new long[months];
            long prev = 0;
            for (int m = 0; m < months; m++) {
                long s = steps.get(m);
                row[m] = s < 0 ? prev : s;
                prev = row[m];
            }
            return row;
        });
    }

    private Arbitrary<ReasonRecord> record(int months) {
        return Combinators.combine(
                Arbitraries.strings().alpha().ofLength(3),
                Arbitraries.integers().between(0, months - 1),
                Arbitraries.integers().between(1, 28),
                Arbitraries.of(CODES)
        ).as((who, m, d, code) -> new ReasonRecord(who, FIRST.plusMonths(m).atDay(d), code, null, 0));
    }

    private static boolean allCovered(RandomBooks b, int s, int e) {
        for (int m = s; m <= e; m++) {
            if (!b.covered(m)) {
                return false;
            }
        }
        return true;
    }

    private static Window window(int s, int e) {
        return new Window("w", FIRST.plusMonths(s), FIRST.plusMonths(e));
    }

    @Property(tries = 200)
    void everyWindowAgreesWithTheDefinitionsRecomputedFromRawAmounts(@ForAll("books") RandomBooks b) {
        NrrEngine engine = new NrrEngine(b.portfolio());
        for (int s = 0; s < b.months(); s++) {
            for (int e = s + 1; e < b.months(); e++) {
                Window w = window(s, e);
                if (!allCovered(b, s, e)) {
                    ReportUnavailable gap = catchThrowableOfType(ReportUnavailable.class,
                            () -> engine.report(w, Segment.ALL));
                    assertThat(gap).as("a window over a gap is refused").isNotNull();
                    assertThat(gap.missingMonths()).isNotEmpty();
                    continue;
                }
                long start = 0;
                long end = 0;
                long kept = 0;
                long exp = 0;
                long react = 0;
                long contr = 0;
                long churn = 0;
                int cohort = 0;
                for (long[] row : b.cents()) {
                    if (row[s] <= 0) {
                        continue;
                    }
                    cohort++;
                    start += row[s];
                    end += row[e];
                    kept += Math.min(row[s], row[e]);
                    for (int m = s + 1; m <= e; m++) {
                        long p = row[m - 1];
                        long c = row[m];
                        if (p > 0 && c == 0) {
                            churn += p;
                        } else if (c > 0 && c < p) {
                            contr += p - c;
                        } else if (p > 0 && c > p) {
                            exp += c - p;
                        } else if (p == 0 && c > 0) {
                            react += c; // a cohort account has paid before, so never "new"
                        }
                    }
                }
                if (cohort == 0) {
                    ReportUnavailable none = catchThrowableOfType(ReportUnavailable.class,
                            () -> engine.report(w, Segment.ALL));
                    assertThat(none).as("no cohort is refused in words").isNotNull();
                    assertThat(none.getMessage()).contains("no cohort");
                    continue;
                }
                RetentionReport r = engine.report(w, Segment.ALL);
                String at = "window " + w.start() + ".." + w.end();

                assertThat(r.cohortAccounts()).as(at).isEqualTo(cohort);
                assertThat(r.startCents()).as(at).isEqualTo(start);
                assertThat(r.endCents()).as(at).isEqualTo(end);
                assertThat(r.retainedCents()).as(at).isEqualTo(kept);
                assertThat(r.expansionCents()).as(at).isEqualTo(exp);
                assertThat(r.reactivationCents()).as(at).isEqualTo(react);
                assertThat(r.contractionCents()).as(at).isEqualTo(contr);
                assertThat(r.churnCents()).as(at).isEqualTo(churn);

                // End = Start + expansion + reactivation - contraction - churn, exactly
                assertThat(r.startCents() + r.expansionCents() + r.reactivationCents() - r.contractionCents()
                        - r.churnCents()).as(at).isEqualTo(r.endCents());

                // contributions: signed cents sum to End - Start; rounded points sum to the rounded net
                assertThat(r.contributions().stream().mapToLong(Contribution::signedCents).sum())
                        .as(at).isEqualTo(r.endCents() - r.startCents());
                assertThat(r.contributions().stream().map(Contribution::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .as(at).isEqualByComparingTo(r.netPoints());
                assertThat(r.contributions()).as(at).anyMatch(c -> c.function() == null);
                for (Contribution c : r.contributions()) {
                    BigDecimal exact = BigDecimal.valueOf(c.signedCents()).multiply(BigDecimal.valueOf(100))
                            .divide(BigDecimal.valueOf(r.startCents()), 12, java.math.RoundingMode.HALF_EVEN);
                    assertThat(c.points().subtract(exact).abs()).as(at + " " + c.functionCode())
                            .isLessThan(new BigDecimal("0.1"));
                }

                // 0 <= GRR <= 1 and GRR <= NRR
                assertThat(r.grr()).as(at).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                assertThat(r.grr()).as(at).isLessThanOrEqualTo(r.nrr());
                assertThat(r.retainedCents()).as(at).isLessThanOrEqualTo(Math.min(r.startCents(), r.endCents()));
                // the bands are for 12-month NRR: another length is banded at (end / start)^(12 / months)
                assertThat(r.band()).as(at).isEqualTo(Band.of(end, start, w.months()));
                if (w.months() == 12) {
                    assertThat(r.band()).as(at).isEqualTo(Band.of(end, start));
                }
            }
        }
    }

    @Property(tries = 200)
    void paretoTotalsEveryAccountsLossesInTheWindow(@ForAll("books") RandomBooks b) {
        NrrEngine engine = new NrrEngine(b.portfolio());
        for (int s = 0; s < b.months(); s++) {
            for (int e = s + 1; e < b.months(); e++) {
                if (!allCovered(b, s, e)) {
                    continue;
                }
                long lost = 0;
                for (long[] row : b.cents()) { // all accounts, not only the cohort
                    for (int m = s + 1; m <= e; m++) {
                        lost += Math.max(0, row[m - 1] - row[m]);
                    }
                }
                ReasonPareto p = engine.pareto(window(s, e), Segment.ALL);
                String at = "window " + s + ".." + e;
                assertThat(p.totalLostCents()).as(at).isEqualTo(lost);
                assertThat(p.rows().stream().mapToLong(ReasonPareto.Row::lostCents).sum()).as(at).isEqualTo(lost);
                for (int i = 1; i < p.rows().size(); i++) {
                    ReasonPareto.Row prev = p.rows().get(i - 1);
                    ReasonPareto.Row cur = p.rows().get(i);
                    boolean ordered = prev.lostCents() > cur.lostCents()
                            || prev.lostCents() == cur.lostCents() && prev.movements() > cur.movements()
                            || prev.lostCents() == cur.lostCents() && prev.movements() == cur.movements()
                            && prev.reason().compareTo(cur.reason()) < 0;
                    assertThat(ordered).as(at + " rows " + (i - 1) + "," + i).isTrue();
                }
                // the vital few: the shortest prefix whose cumulative lost revenue reaches 80%
                int k = p.vitalFew().size();
                long prefix = p.rows().stream().limit(k).mapToLong(ReasonPareto.Row::lostCents).sum();
                if (lost > 0) {
                    assertThat(prefix * 100).as(at).isGreaterThanOrEqualTo(lost * 80);
                    long shorter = prefix - p.rows().get(k - 1).lostCents();
                    assertThat(shorter * 100).as(at).isLessThan(lost * 80);
                    assertThat(p.rows().get(p.rows().size() - 1).cumulative()).isEqualByComparingTo("1");
                } else {
                    assertThat(p.vitalFew()).isEmpty();
                }
                long churns = p.tenure().stream().mapToLong(ReasonPareto.TenureBucket::churns).sum();
                long churnsByHand = 0;
                for (long[] row : b.cents()) {
                    for (int m = s + 1; m <= e; m++) {
                        if (row[m - 1] > 0 && row[m] == 0) {
                            churnsByHand++;
                        }
                    }
                }
                assertThat(churns).as(at).isEqualTo(churnsByHand);
            }
        }
    }

    @Property(tries = 200)
    void everyRecordIsEitherOnAMovementOrUnmatched(@ForAll("books") RandomBooks b) {
        Portfolio p = b.portfolio();
        long explained = 0;
        for (int a = 0; a < p.ledger().accountCount(); a++) {
            for (Movement m : p.movements(a)) {
                if (m.reason() != null) {
                    explained++;
                    assertThat(m.reason().polarity()).isEqualTo(m.kind().takes());
                    LocalDate lastMoment = m.month().atEndOfMonth();
                    assertThat(b.records()).as("some record reaches " + m)
                            .anyMatch(r -> r.accountId().equals(p.ledger().accountId(m.account()))
                                    && r.code().equals(m.reason().code())
                                    && !r.date().isAfter(lastMoment)
                                    && !YearMonth.from(r.date()).isBefore(m.month().minusMonths(3)));
                }
            }
        }
        assertThat(explained + p.unmatchedRecords().size()).isLessThanOrEqualTo(b.records().size());
    }
}
