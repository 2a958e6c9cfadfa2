package dev.nrrbot.readouts.render;

import static dev.nrrbot.readouts.render.ChartStyle.*;

import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.platform.format.Money;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/** Each function's contribution in NRR points, one horizontal bar per function. */
final class ContributionsChart {

    static {
        ChartStyle.init(); // headless before the colors below load AWT
    }

    private static final Color POSITIVE = new Color(0x2F, 0x9E, 0x44);
    private static final Color NEGATIVE = new Color(0xD6, 0x33, 0x3A);

    private ContributionsChart() {
    }

    /** One horizontal bar per function, in NRR points: green adds, red takes away. */
    static byte[] draw(List<Contribution> contributions, String title) {
        List<Contribution> cs = contributions == null ? List.of() : contributions;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Set<String> seen = new HashSet<>();
        double min = 0;
        double max = 0;
        for (Contribution c : cs) {
            String key = c.functionLabel();
            for (int k = 2; !seen.add(key); k++) {
                key = c.functionLabel() + " (" + k + ")";
            }
            double v = c.points() == null ? 0 : c.points().doubleValue();
            data.addValue(v, "points", key);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        CategoryAxis x = new CategoryAxis(null);
        styleCategoryAxis(x);
        x.setTickMarksVisible(false);
        x.setAxisLineVisible(false);
        x.setLowerMargin(0.03);
        x.setUpperMargin(0.03);
        x.setCategoryMargin(0.25);
        x.setMaximumCategoryLabelWidthRatio(0.3f);

        NumberAxis y = new NumberAxis("NRR points");
        styleNumberAxis(y);
        double span = Math.max(max - min, 1.0);
        y.setAutoRange(false);
        // room for the value labels at the bar ends
        y.setRange(min < 0 ? min - span * 0.16 : -span * 0.04, max > 0 ? max + span * 0.16 : span * 0.04);
        y.setNumberFormatOverride(signed());

        BarRenderer r = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                Number v = getPlot().getDataset().getValue(row, column);
                return v != null && v.doubleValue() < 0 ? NEGATIVE : POSITIVE;
            }
        };
        styleBars(r);
        r.setMaximumBarWidth(0.11);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset d, int row, int column) {
                Number v = d.getValue(row, column);
                return v == null ? null : Money.points(new BigDecimal(v.toString()));
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(VALUE_FONT);
        r.setDefaultItemLabelPaint(TEXT);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        r.setItemLabelAnchorOffset(6);

        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        stylePlot(plot);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.addRangeMarker(new ValueMarker(0, TEXT, new BasicStroke(1.8f)), Layer.FOREGROUND);
        if (cs.isEmpty()) {
            nothingToShow(plot, "No movements in this window");
        }

        JFreeChart chart = chart(title, plot, false);
        if (!cs.isEmpty()) {
            BigDecimal total = cs.stream().map(Contribution::points).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            int moves = cs.stream().mapToInt(Contribution::movements).sum();
            chart.addSubtitle(0, subtitle("net " + Money.points(total) + " points from " + moves
                    + (moves == 1 ? " movement" : " movements")));
        }
        return png(chart);
    }
}
