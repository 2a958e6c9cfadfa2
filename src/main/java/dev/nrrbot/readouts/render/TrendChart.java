package dev.nrrbot.readouts.render;

import static dev.nrrbot.readouts.render.ChartStyle.*;

import dev.nrrbot.metrics.Band;
import dev.nrrbot.metrics.TrendPoint;
import dev.nrrbot.platform.format.Money;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/** The T12M trend: NRR and GRR by month over the published NRR bands. */
final class TrendChart {

    static {
        ChartStyle.init(); // headless before the colors below load AWT
    }

    private static final Color NRR_LINE = new Color(0x1E, 0x3A, 0x8A);
    private static final Color GRR_LINE = new Color(0x4B, 0x55, 0x63);
    /** Above this many months the trend labels every third month only. */
    static final int ALL_MONTH_LABELS_UP_TO = 13;

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMM yy", Locale.US);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.US);

    private TrendChart() {
    }

    /**
     * T12M NRR (thick line) and GRR (thin dashed line) by month over the shaded NRR bands.
     * Points without a value (no start revenue) leave a gap.
     */
    static byte[] draw(List<TrendPoint> points, String title) {
        // one point per month, in the order given; a month given twice: the first one stands
        Map<YearMonth, TrendPoint> byMonth = new LinkedHashMap<>();
        for (TrendPoint p : points == null ? List.<TrendPoint>of() : points) {
            byMonth.putIfAbsent(p.month(), p);
        }
        List<TrendPoint> pts = new ArrayList<>(byMonth.values());
        int n = pts.size();
        int every = n > ALL_MONTH_LABELS_UP_TO ? 3 : 1;

        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<Comparable<?>, String> shown = new HashMap<>();
        double min = 100;
        double max = 100;
        boolean any = false;
        Integer lastYear = null;
        for (int i = 0; i < n; i++) {
            TrendPoint p = pts.get(i);
            String key = p.month().toString();
            if ((n - 1 - i) % every == 0) {
                // "Jun 25", "Jul", "Aug"... the year only where it changes
                boolean withYear = lastYear == null || lastYear != p.month().getYear();
                shown.put(key, withYear ? MONTH_YEAR.format(p.month()) : MONTH.format(p.month()));
                lastYear = p.month().getYear();
            }
            Double nrr = percent(p.nrr());
            Double grr = percent(p.grr());
            data.addValue(nrr, "NRR", key);
            data.addValue(grr, "GRR", key);
            for (Double v : new Double[] {nrr, grr}) {
                if (v != null) {
                    any = true;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }

        CategoryAxis x = new SparseCategoryAxis(shown, every);
        styleCategoryAxis(x);
        x.setLowerMargin(0.02);
        x.setUpperMargin(0.105); // room for the latest value, written right of the last point
        x.setCategoryMargin(0.0);

        double span = max - min;
        double pad = Math.max(4, span * 0.12);
        double lower = Math.floor((min - pad) / 5) * 5;
        double upper = Math.ceil((max + pad) / 5) * 5;
        NumberAxis y = new NumberAxis("T12M, % of starting revenue");
        styleNumberAxis(y);
        y.setAutoRange(false);
        y.setRange(lower, upper);
        y.setTickUnit(new NumberTickUnit(niceStep(upper - lower), new DecimalFormat("0'%'")));

        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, NRR_LINE);
        r.setSeriesStroke(0, new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double dot = n > 24 ? 7 : 10;
        r.setSeriesShape(0, new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot));
        r.setSeriesPaint(1, GRR_LINE);
        r.setSeriesStroke(1, new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {8f, 6f}, 0f));
        r.setSeriesShapesVisible(1, n == 1);
        r.setSeriesShape(1, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        r.setSeriesItemLabelsVisible(1, false);
        r.setDrawOutlines(false);
        // the latest NRR written right of the last point
        final int last = n - 1;
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset d, int row, int column) {
                Number v = d.getValue(row, column);
                return column == last && row == 0 && v != null ? new DecimalFormat("0.0'%'").format(v) : null;
            }
        });
        r.setSeriesItemLabelsVisible(0, true);
        r.setSeriesItemLabelFont(0, VALUE_FONT);
        r.setSeriesItemLabelPaint(0, NRR_LINE);
        ItemLabelPosition right = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT);
        r.setSeriesPositiveItemLabelPosition(0, right);
        r.setSeriesNegativeItemLabelPosition(0, right);
        r.setItemLabelAnchorOffset(8);

        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        stylePlot(plot);
        plot.setDomainGridlinesVisible(false);
        for (BandAxis.BandStyle b : BandAxis.BANDS) {
            double lo = Math.max(b.low(), lower);
            double hi = Math.min(b.high(), upper);
            if (hi - lo <= 0) {
                continue;
            }
            IntervalMarker m = new IntervalMarker(lo, hi, b.fill());
            m.setOutlinePaint(null);
            m.setAlpha(1f);
            plot.addRangeMarker(m, Layer.BACKGROUND);
        }
        // the band names sit in the right margin, level with their bands, where no data can hide them
        BandAxis names = new BandAxis();
        names.setRange(lower, upper);
        plot.setRangeAxis(1, names);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        ValueMarker par = new ValueMarker(100, new Color(0x6B, 0x72, 0x80), new BasicStroke(1.2f));
        plot.addRangeMarker(par, Layer.BACKGROUND);
        if (!any) {
            plot.setDataset(new DefaultCategoryDataset());
            nothingToShow(plot, "No NRR history yet");
        }

        JFreeChart chart = chart(title, plot, any);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(legendLine("NRR (net)", NRR_LINE, new BasicStroke(4f)));
        legend.add(legendLine("GRR (gross)", GRR_LINE, r.getSeriesStroke(1)));
        plot.setFixedLegendItems(legend);
        if (n > 0) {
            TrendPoint first = pts.get(0);
            TrendPoint latest = pts.get(n - 1);
            String sub = n == 1 ? first.month().toString() : first.month() + " to " + latest.month();
            if (latest.nrr() != null) {
                sub += "  ·  latest NRR " + Money.percent(latest.nrr());
                if (latest.startCents() > 0) {
                    sub += " (" + Band.of(latest.endCents(), latest.startCents()).label() + ")";
                }
                if (latest.grr() != null) {
                    sub += ", GRR " + Money.percent(latest.grr());
                }
            }
            chart.addSubtitle(0, subtitle(sub));
        }
        return png(chart);
    }

    private static double niceStep(double span) {
        for (double step : new double[] {2, 5, 10, 20, 25, 50, 100, 200, 500}) {
            if (span / step <= 9) {
                return step;
            }
        }
        return 1000;
    }

    /** A category axis that writes only the labels it is given, each with the room of the skipped ones. */
    private static final class SparseCategoryAxis extends CategoryAxis {
        private final Map<Comparable<?>, String> shown;
        private final int every;

        SparseCategoryAxis(Map<Comparable<?>, String> shown, int every) {
            super(null);
            this.shown = shown;
            this.every = every;
        }

        @Override
        protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
            String text = shown.get(category);
            return text == null ? new TextBlock() : super.createLabel(text, width * every, edge, g2);
        }
    }
}
