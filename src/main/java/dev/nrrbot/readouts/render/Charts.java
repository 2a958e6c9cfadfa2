package dev.nrrbot.readouts.render;

import dev.nrrbot.metrics.Band;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.metrics.TrendPoint;
import dev.nrrbot.platform.format.Money;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The readout charts as PNG bytes, sized for Slack's image preview (1000x560) with large type.
 * Everything is drawn off-screen, so this works on a server without a display.
 */
public final class Charts {

    static {
        // Before any AWT class is touched (the constants below load java.awt.Font).
        System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 560;

    /** At most this many reasons are drawn as bars in the Pareto. */
    public static final int PARETO_MAX_BARS = 15;

    /** Above this many months the trend labels every third month only. */
    static final int ALL_MONTH_LABELS_UP_TO = 13;

    private static final String FONT = Font.SANS_SERIF;
    private static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 22);
    private static final Font SUBTITLE_FONT = new Font(FONT, Font.PLAIN, 16);
    private static final Font AXIS_LABEL_FONT = new Font(FONT, Font.PLAIN, 17);
    private static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 15);
    private static final Font LEGEND_FONT = new Font(FONT, Font.PLAIN, 16);
    private static final Font BAND_FONT = new Font(FONT, Font.BOLD, 14);
    private static final Font VALUE_FONT = new Font(FONT, Font.BOLD, 16);
    private static final Font MESSAGE_FONT = new Font(FONT, Font.PLAIN, 22);

    private static final Color TEXT = new Color(0x1F, 0x29, 0x37);
    private static final Color MUTED = new Color(0x4B, 0x55, 0x63);
    private static final Color GRID = new Color(0xE5, 0xE7, 0xEB);
    private static final Color AXIS_LINE = new Color(0x9C, 0xA3, 0xAF);

    private static final Color NRR_LINE = new Color(0x1E, 0x3A, 0x8A);
    private static final Color GRR_LINE = new Color(0x4B, 0x55, 0x63);
    private static final Color POSITIVE = new Color(0x2F, 0x9E, 0x44);
    private static final Color NEGATIVE = new Color(0xD6, 0x33, 0x3A);
    private static final Color VITAL_FEW = new Color(0xC2, 0x41, 0x0C);
    private static final Color OTHER_REASON = new Color(0xF3, 0xBF, 0x98);
    private static final Color CUMULATIVE = new Color(0x1E, 0x3A, 0x8A);

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMM yy", Locale.US);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.US);
    /** Axis ticks in points: "+2", "-1.5", and a plain "0". */
    private static final NumberFormat SIGNED = new DecimalFormat("+0.#;-0.#") {
        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return Math.abs(number) < 1e-9 ? to.append('0') : super.format(number, to, pos);
        }
    };
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Charts() {
    }

    // ---------------------------------------------------------------------------------------- trend

    /** A published band: its range in percent, its shading and the color of its name. */
    private record BandStyle(Band band, double low, double high, Color fill, Color ink) {
        /** "stable, not compounding" is too long for the margin: the part before the comma. */
        String name() {
            return band.label().split(",")[0];
        }
    }

    private static final List<BandStyle> BANDS = List.of(
            new BandStyle(Band.CONCERNING, Double.NEGATIVE_INFINITY, 90, new Color(0xF8, 0xD7, 0xD7),
                    new Color(0xC0, 0x2B, 0x2B)),
            new BandStyle(Band.STABLE, 90, 100, new Color(0xFD, 0xEB, 0xC8), new Color(0xB4, 0x6A, 0x00)),
            new BandStyle(Band.GOOD, 100, 110, new Color(0xE3, 0xF4, 0xD9), new Color(0x4D, 0x8F, 0x27)),
            new BandStyle(Band.GREAT, 110, 130, new Color(0xC6, 0xE9, 0xC9), new Color(0x1B, 0x6B, 0x2F)),
            new BandStyle(Band.BEST_IN_CLASS, 130, Double.POSITIVE_INFINITY, new Color(0xCB, 0xEC, 0xF0),
                    new Color(0x0B, 0x6E, 0x7A)));

    /**
     * T12M NRR (thick line) and GRR (thin dashed line) by month over the shaded NRR bands.
     * Points without a value (no start revenue) leave a gap.
     */
    public static byte[] trend(List<TrendPoint> points, String title) {
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
        for (BandStyle b : BANDS) {
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

    private static LegendItem legendLine(String label, Color paint, Stroke stroke) {
        LegendItem item = new LegendItem(label, null, null, null,
                new Line2D.Double(-14, 0, 14, 0), stroke, paint);
        item.setLabelFont(LEGEND_FONT);
        item.setLabelPaint(TEXT);
        return item;
    }

    private static Double percent(BigDecimal fraction) {
        return fraction == null ? null : fraction.multiply(HUNDRED).doubleValue();
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

    private static double niceStep(double span) {
        for (double step : new double[] {2, 5, 10, 20, 25, 50, 100, 200, 500}) {
            if (span / step <= 9) {
                return step;
            }
        }
        return 1000;
    }

    /** The band names, drawn as a colored strip and a name beside each visible band. */
    private static final class BandAxis extends NumberAxis {
        private static final int STRIP = 6;
        private static final int GAP = 8;

        BandAxis() {
            super(null);
            setAutoRange(false);
            setTickLabelsVisible(false);
            setTickMarksVisible(false);
            setAxisLineVisible(false);
        }

        @Override
        public AxisSpace reserveSpace(Graphics2D g2, Plot plot, Rectangle2D plotArea, RectangleEdge edge,
                                      AxisSpace space) {
            AxisSpace s = space == null ? new AxisSpace() : space;
            if (!isVisible()) {
                return s;
            }
            FontMetrics fm = g2.getFontMetrics(BAND_FONT);
            int widest = 0;
            for (BandStyle b : BANDS) {
                widest = Math.max(widest, fm.stringWidth(b.name()));
            }
            s.add(STRIP + 2 * GAP + widest, edge);
            return s;
        }

        @Override
        public AxisState draw(Graphics2D g2, double cursor, Rectangle2D plotArea, Rectangle2D dataArea,
                              RectangleEdge edge, PlotRenderingInfo info) {
            AxisState state = new AxisState(cursor);
            if (!isVisible()) {
                return state;
            }
            FontMetrics fm = g2.getFontMetrics(BAND_FONT);
            g2.setFont(BAND_FONT);
            for (BandStyle b : BANDS) {
                double lo = Math.max(b.low(), getLowerBound());
                double hi = Math.min(b.high(), getUpperBound());
                if (hi <= lo) {
                    continue;
                }
                double top = valueToJava2D(hi, dataArea, edge);
                double bottom = valueToJava2D(lo, dataArea, edge);
                g2.setPaint(b.ink());
                g2.fill(new Rectangle2D.Double(cursor + 1, top + 1, STRIP, Math.max(bottom - top - 2, 1)));
                if (bottom - top >= fm.getAscent()) {
                    TextUtils.drawAlignedString(b.name(), g2, (float) (cursor + STRIP + GAP),
                            (float) ((top + bottom) / 2), TextAnchor.HALF_ASCENT_LEFT);
                }
            }
            state.cursorRight(STRIP + 2 * GAP + 100);
            return state;
        }
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

    // -------------------------------------------------------------------------------- contributions

    /** One horizontal bar per function, in NRR points: green adds, red takes away. */
    public static byte[] contributions(List<Contribution> contributions, String title) {
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
        y.setNumberFormatOverride(SIGNED);

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

    // ------------------------------------------------------------------------------------- pareto

    /**
     * Revenue lost per reason (bars, left axis, in currency units) with the cumulative share (line,
     * right axis 0-100%) and the 80% line. The vital few are drawn darker. At most
     * {@link #PARETO_MAX_BARS} reasons are drawn.
     */
    public static byte[] pareto(ReasonPareto p, String title) {
        List<ReasonPareto.Row> all = p == null ? List.of() : p.rows();
        List<ReasonPareto.Row> rows = all.size() > PARETO_MAX_BARS ? all.subList(0, PARETO_MAX_BARS) : all;
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

    // -------------------------------------------------------------------------------------- style

    private static JFreeChart chart(String title, CategoryPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title == null ? "" : title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(12, 16, 10, 20));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        TextTitle t = chart.getTitle();
        t.setPaint(TEXT);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        t.setPadding(new RectangleInsets(2, 4, 2, 4));
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(LEGEND_FONT);
            l.setItemPaint(TEXT);
            l.setFrame(BlockBorder.NONE);
            l.setBackgroundPaint(Color.WHITE);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setItemLabelPadding(new RectangleInsets(2, 4, 2, 18));
        }
        return chart;
    }

    private static TextTitle subtitle(String text) {
        TextTitle t = new TextTitle(text, SUBTITLE_FONT);
        t.setPaint(MUTED);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        t.setPadding(new RectangleInsets(0, 4, 8, 4));
        return t;
    }

    private static void stylePlot(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlinesVisible(true);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(6, 4, 4, 4));
    }

    /** An empty plot: no axes, gridlines or markers, just a sentence in the middle. */
    private static void nothingToShow(CategoryPlot plot, String message) {
        plot.setNoDataMessage(message);
        plot.setNoDataMessageFont(MESSAGE_FONT);
        plot.setNoDataMessagePaint(MUTED);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.clearRangeMarkers();
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            if (plot.getRangeAxis(i) != null) {
                plot.getRangeAxis(i).setVisible(false);
            }
        }
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            if (plot.getDomainAxis(i) != null) {
                plot.getDomainAxis(i).setVisible(false);
            }
        }
        plot.setFixedLegendItems(new LegendItemCollection());
    }

    private static void styleCategoryAxis(CategoryAxis a) {
        a.setTickLabelFont(TICK_FONT);
        a.setTickLabelPaint(TEXT);
        a.setLabelFont(AXIS_LABEL_FONT);
        a.setLabelPaint(TEXT);
        a.setAxisLinePaint(AXIS_LINE);
        a.setTickMarkPaint(AXIS_LINE);
    }

    private static void styleNumberAxis(ValueAxis a) {
        a.setTickLabelFont(TICK_FONT);
        a.setTickLabelPaint(TEXT);
        a.setLabelFont(AXIS_LABEL_FONT);
        a.setLabelPaint(MUTED);
        a.setAxisLineVisible(false);
        a.setTickMarksVisible(false);
    }

    private static void styleBars(BarRenderer r) {
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0);
    }

    private static byte[] png(JFreeChart chart) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
