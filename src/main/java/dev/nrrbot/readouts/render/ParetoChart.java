package dev.nrrbot.readouts.render;

import static dev.nrrbot.readouts.render.ChartStyle.*;

import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.platform.format.Money;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/** The churn-reason Pareto: revenue lost per reason with the cumulative share and the 80% line. */
final class ParetoChart {

    static {
        ChartStyle.init(); // headless before the colors below load AWT
    }

    private static final Color VITAL_FEW = new Color(0xC2, 0x41, 0x0C);
    private static final Color OTHER_REASON = new Color(0xF3, 0xBF, 0x98);
    private static final Color CUMULATIVE = new Color(0x1E, 0x3A, 0x8A);

    private ParetoChart() {
    }

    /**
     * Revenue lost per reason (bars, left axis, in currency units) with the cumulative share (line,
     * right axis 0-100%) and the 80% line. The vital few are drawn darker. At most
     * {@link Charts#PARETO_MAX_BARS} reasons are drawn.
     */
    static byte[] draw(ReasonPareto p, String title) {
        List<ReasonPareto.Row> all = p == null ? List.of() : p.rows();
        List<ReasonPareto.Row> rows = all.size() > Charts.PARETO_MAX_BARS ? all.subList(0, Charts.PARETO_MAX_BARS) : all;
        Set<String> vital = p == null ? Set.of() : new HashSet<>(p.vitalFew());

        DefaultCategoryDataset lost = new DefaultCategoryDataset();
        DefaultCategoryDataset cumulative = new DefaultCategoryDataset();
        List<Boolean> strong = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int longest = 0;
        for (ReasonPareto.Row row : rows) {
            String key = row.reason() == null ? "?" : row.reason();
            for (int k = 2; !seen.add(key); k++) {
                key = row.reason() + " (" + k + ")";
            }
            longest = Math.max(longest, key.length());
            lost.addValue(row.lostCents() / 100.0, "lost", key);
            cumulative.addValue(percent(row.cumulative()), "cumulative", key);
            strong.add(vital.contains(row.reason()));
        }

        CategoryAxis x = new CategoryAxis(null);
        styleCategoryAxis(x);
        x.setLowerMargin(0.02);
        x.setUpperMargin(0.05); // room for the "80%" label right of the last point
        x.setCategoryMargin(0.2);
        // about 9.5 px per character at the tick font, about 780 px of plot width shared by the bars
        boolean rotate = !rows.isEmpty() && longest * 9.5 > 780.0 / rows.size();
        if (rotate) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            x.setMaximumCategoryLabelWidthRatio(3.5f);
        } else {
            x.setMaximumCategoryLabelLines(2);
        }

        NumberAxis money = new NumberAxis("Revenue lost");
        styleNumberAxis(money);
        money.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)));
        // five steps on both axes, so the money gridlines are also the 20%, 40%... lines
        long largest = rows.stream().mapToLong(ReasonPareto.Row::lostCents).max().orElse(0);
        double step = niceMoneyStep(largest / 100.0 / 5);
        money.setAutoRange(false);
        money.setRange(0, step * 5 * 1.04);
        money.setTickUnit(new NumberTickUnit(step, money.getNumberFormatOverride()));

        NumberAxis share = new NumberAxis("Cumulative share");
        styleNumberAxis(share);
        share.setAutoRange(false);
        share.setRange(0, 104);
        share.setTickUnit(new NumberTickUnit(20, new DecimalFormat("0'%'")));

        BarRenderer bars = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return column < strong.size() && strong.get(column) ? VITAL_FEW : OTHER_REASON;
            }
        };
        styleBars(bars);
        bars.setMaximumBarWidth(0.09);

        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, CUMULATIVE);
        line.setSeriesStroke(0, new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        line.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        line.setDrawOutlines(true);
        line.setUseOutlinePaint(true);
        line.setUseFillPaint(true);
        line.setSeriesFillPaint(0, Color.WHITE);
        line.setSeriesOutlinePaint(0, CUMULATIVE);
        line.setSeriesOutlineStroke(0, new BasicStroke(2.5f));

        CategoryPlot plot = new CategoryPlot(lost, x, money, bars);
        stylePlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeAxis(1, share);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(1, cumulative);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        if (!rows.isEmpty()) {
            ValueMarker eighty = new ValueMarker(80, MUTED, new BasicStroke(1.8f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f));
            eighty.setLabel("80%");
            eighty.setLabelFont(BAND_FONT);
            eighty.setLabelPaint(MUTED);
            eighty.setLabelBackgroundColor(new Color(255, 255, 255, 225));
            eighty.setLabelAnchor(RectangleAnchor.RIGHT);
            eighty.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            eighty.setLabelOffset(new RectangleInsets(2, 4, 4, 6));
            plot.addRangeMarker(1, eighty, Layer.FOREGROUND);
        } else {
            plot.setDataset(0, new DefaultCategoryDataset());
            plot.setDataset(1, new DefaultCategoryDataset());
        }
        if (rows.isEmpty()) {
            nothingToShow(plot, "No churn or contraction in this window");
        }

        JFreeChart chart = chart(title, plot, false);
        if (!rows.isEmpty()) {
            String sub = Money.whole(p.totalLostCents()) + " lost";
            if (!vital.isEmpty()) {
                sub += "  ·  vital few (dark): " + vital.size() + (vital.size() == 1 ? " reason" : " reasons");
            }
            if (all.size() > rows.size()) {
                sub += "  ·  top " + rows.size() + " of " + all.size() + " reasons";
            }
            chart.addSubtitle(0, subtitle(sub));
        }
        return png(chart);
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code atLeast}. */
    private static double niceMoneyStep(double atLeast) {
        if (atLeast <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(atLeast)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= atLeast * (1 - 1e-12)) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
