package dev.nrrbot.readouts.render;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.metrics.ReasonTaxonomy;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.TrendPoint;
import dev.nrrbot.metrics.Window;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every chart is a decodable 1000x560 PNG with something drawn on it. Run with
 * {@code -Dcharts.out=/some/dir} to also write the examples there for a look.
 */
class ChartsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    // ---------------------------------------------------------------------------------- trend

    @Test
    void trendWithOnePoint() throws IOException {
        List<TrendPoint> one = List.of(new TrendPoint(YearMonth.of(2026, 1), new BigDecimal("1.047"),
                new BigDecimal("0.921"), 100, 104));
        assertPng(Charts.trend(one, "NRR, trailing 12 months"), "trend-1");
    }

    @Test
    void trendWithAYear() throws IOException {
        assertPng(Charts.trend(months(13, 1.02, 0.08), "NRR, trailing 12 months"), "trend-13");
    }

    @Test
    void trendWithThreeYears() throws IOException {
        assertPng(Charts.trend(months(36, 1.06, 0.18), "NRR, trailing 12 months"), "trend-36");
    }

    @Test
    void trendAboveAndBelowAllBands() throws IOException {
        List<TrendPoint> wide = List.of(
                point(YearMonth.of(2025, 1), "0.72", "0.70"),
                point(YearMonth.of(2025, 2), "1.45", "0.98"),
                point(YearMonth.of(2025, 3), "1.62", "1.00"));
        assertPng(Charts.trend(wide, "Wild swings"), "trend-wide");
    }

    @Test
    void trendWithoutPointsOrValues() throws IOException {
        assertPng(Charts.trend(List.of(), "NRR, trailing 12 months"), "trend-empty");
        List<TrendPoint> noValues = List.of(new TrendPoint(YearMonth.of(2026, 1), null, null, 0, 0),
                new TrendPoint(YearMonth.of(2026, 2), null, null, 0, 0));
        assertPng(Charts.trend(noValues, "NRR, trailing 12 months"), null);
    }

    @Test
    void trendWithAGap() throws IOException {
        List<TrendPoint> gap = new ArrayList<>(months(6, 1.0, 0.05));
        gap.set(2, new TrendPoint(gap.get(2).month(), null, null, 0, 0));
        assertPng(Charts.trend(gap, "NRR with a month missing"), "trend-gap");
    }

    // -------------------------------------------------------------------------- contributions

    @Test
    void contributionsSmall() throws IOException {
        List<Contribution> cs = List.of(
                new Contribution(BusinessFunction.ACCOUNT_MANAGEMENT, 610_000, 12, new BigDecimal("6.1")),
                new Contribution(BusinessFunction.PRODUCT, -180_000, 3, new BigDecimal("-1.8")),
                new Contribution(null, -40_000, 2, new BigDecimal("-0.4")));
        assertPng(Charts.contributions(cs, "What moved NRR, T12M to 2026-06"), "contributions-3");
    }

    @Test
    void contributionsForEveryFunction() throws IOException {
        List<Contribution> cs = new ArrayList<>();
        String[] points = {"6.1", "2.4", "-1.8", "-3.2", "0.7", "-0.3", "1.1", "-0.9", "0.0", "-2.6"};
        BusinessFunction[] fs = BusinessFunction.values();
        for (int i = 0; i < fs.length; i++) {
            BigDecimal p = new BigDecimal(points[i]);
            cs.add(new Contribution(fs[i], p.movePointRight(5).longValue(), i + 1, p));
        }
        cs.add(new Contribution(null, -52_000, 4, new BigDecimal("-0.5")));
        assertThat(cs).hasSize(11);
        assertPng(Charts.contributions(cs, "What moved NRR, T12M to 2026-06"), "contributions-11");
    }

    @Test
    void contributionsAllOneSign() throws IOException {
        assertPng(Charts.contributions(List.of(
                new Contribution(BusinessFunction.SUPPORT, -90_000, 2, new BigDecimal("-0.9"))), "Only losses"), null);
        assertPng(Charts.contributions(List.of(
                new Contribution(BusinessFunction.SALES, 90_000, 2, new BigDecimal("0.9"))), "Only gains"), null);
    }

    @Test
    void contributionsEmpty() throws IOException {
        assertPng(Charts.contributions(List.of(), "What moved NRR, 2026-06"), "contributions-empty");
    }

    // --------------------------------------------------------------------------------- pareto

    @Test
    void paretoSmall() throws IOException {
        assertPng(Charts.pareto(pareto(5), "Why revenue left, T12M to 2026-06"), "pareto-5");
    }

    @Test
    void paretoWithFortyReasons() throws IOException {
        ReasonPareto p = pareto(40);
        assertThat(p.rows()).hasSize(40);
        assertPng(Charts.pareto(p, "Why revenue left, T12M to 2026-06"), "pareto-40");
    }

    @Test
    void paretoEmpty() throws IOException {
        ReasonPareto empty = new ReasonPareto(window(), Segment.ALL, List.of(), 0, 0, 0, List.of(), List.of());
        assertPng(Charts.pareto(empty, "Why revenue left, 2026-06"), "pareto-empty");
    }

    @Test
    void paretoWithOneReason() throws IOException {
        assertPng(Charts.pareto(pareto(1), "Why revenue left, 2026-06"), null);
    }

    @Test
    void chartsAreDeterministicForTheSameInput() {
        ReasonPareto p = pareto(8);
        assertThat(Charts.pareto(p, "t")).isEqualTo(Charts.pareto(p, "t"));
    }

    // -------------------------------------------------------------------------------- helpers

    private static void assertPng(byte[] bytes, String example) throws IOException {
        assertThat(bytes).isNotNull();
        assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("decodes as an image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(560);
        assertThat(distinctColors(image)).as("distinct colors").isGreaterThan(3);
        String dir = System.getProperty("charts.out");
        if (example != null && dir != null && !dir.isBlank()) {
            Path out = Path.of(dir);
            Files.createDirectories(out);
            Files.write(out.resolve(example + ".png"), bytes);
        }
    }

    private static int distinctColors(BufferedImage image) {
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colors.add(image.getRGB(x, y));
                if (colors.size() > 50) {
                    return colors.size();
                }
            }
        }
        return colors.size();
    }

    private static TrendPoint point(YearMonth m, String nrr, String grr) {
        BigDecimal n = new BigDecimal(nrr);
        return new TrendPoint(m, n, new BigDecimal(grr), 1_000_000, n.movePointRight(6).longValue());
    }

    /** A smooth, slightly noisy NRR path around {@code center} and a GRR some points below. */
    private static List<TrendPoint> months(int count, double center, double swing) {
        List<TrendPoint> out = new ArrayList<>();
        YearMonth m = YearMonth.of(2026, 6).minusMonths(count - 1);
        for (int i = 0; i < count; i++, m = m.plusMonths(1)) {
            double nrr = center + swing * Math.sin(i / 4.0) * 0.6 + swing * 0.4 * i / Math.max(count - 1, 1);
            double grr = 0.90 + 0.03 * Math.cos(i / 5.0);
            BigDecimal n = BigDecimal.valueOf(nrr).setScale(4, RoundingMode.HALF_EVEN);
            BigDecimal g = BigDecimal.valueOf(grr).setScale(4, RoundingMode.HALF_EVEN);
            out.add(new TrendPoint(m, n, g, 10_000_000, n.movePointRight(7).longValue()));
        }
        return out;
    }

    private static Window window() {
        return Window.trailing12(YearMonth.of(2026, 6));
    }

    private static final String[] REASONS = {"price", "missing_feature", "champion_left", "budget_cut",
            "poor_onboarding", "competitor", "bugs", "support_slow", "acquired", "downsized", "integration_gap",
            "performance", "security_review", "consolidation", "out_of_business"};

    /** {@code count} reasons with a long tail, the last one unexplained; vital few up to 80%. */
    private static ReasonPareto pareto(int count) {
        long[] lost = new long[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            lost[i] = Math.round(4_200_000 / Math.pow(i + 1, 1.5)) + 1_000;
            total += lost[i];
        }
        List<ReasonPareto.Row> rows = new ArrayList<>();
        List<String> vital = new ArrayList<>();
        long running = 0;
        BusinessFunction[] fs = BusinessFunction.values();
        for (int i = 0; i < count; i++) {
            String code = i == count - 1 && count > 1 ? ReasonTaxonomy.UNEXPLAINED
                    : i < REASONS.length ? REASONS[i] : "reason_" + (i + 1);
            boolean inVital = running * 5 < total * 4;
            running += lost[i];
            if (inVital) {
                vital.add(code);
            }
            rows.add(new ReasonPareto.Row(code, code.replace('_', ' '), fs[i % fs.length], lost[i], 1 + i % 4,
                    BigDecimal.valueOf(lost[i]).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN),
                    BigDecimal.valueOf(running).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN), 1 + i % 4));
        }
        long unexplained = count > 1 ? lost[count - 1] : 0;
        return new ReasonPareto(window(), Segment.ALL, rows, total, unexplained, 0, vital, List.of());
    }
}
