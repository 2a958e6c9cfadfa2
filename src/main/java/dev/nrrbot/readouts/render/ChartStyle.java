package dev.nrrbot.readouts.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * What every readout chart shares: the canvas (1000x560, Slack's image preview), type, colors,
 * the title and subtitle, plot and axis styling, the empty-plot message, and PNG encoding. Drawn
 * off-screen, so this works on a server without a display.
 */
final class ChartStyle {

    static {
        // Before any AWT class is touched (the constants below load java.awt.Font).
        System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 1000;
    static final int HEIGHT = 560;

    static final String FONT = Font.SANS_SERIF;
    static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 22);
    static final Font SUBTITLE_FONT = new Font(FONT, Font.PLAIN, 16);
    static final Font AXIS_LABEL_FONT = new Font(FONT, Font.PLAIN, 17);
    static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 15);
    static final Font LEGEND_FONT = new Font(FONT, Font.PLAIN, 16);
    static final Font BAND_FONT = new Font(FONT, Font.BOLD, 14);
    static final Font VALUE_FONT = new Font(FONT, Font.BOLD, 16);
    static final Font MESSAGE_FONT = new Font(FONT, Font.PLAIN, 22);

    static final Color TEXT = new Color(0x1F, 0x29, 0x37);
    static final Color MUTED = new Color(0x4B, 0x55, 0x63);
    static final Color GRID = new Color(0xE5, 0xE7, 0xEB);
    static final Color AXIS_LINE = new Color(0x9C, 0xA3, 0xAF);

    /** Axis ticks in points: "+2", "-1.5", and a plain "0". A new one each time: formats are not thread-safe. */
    static NumberFormat signed() {
        return new DecimalFormat("+0.#;-0.#") {
            @Override
            public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
                return Math.abs(number) < 1e-9 ? to.append('0') : super.format(number, to, pos);
            }
        };
    }
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static LegendItem legendLine(String label, Color paint, Stroke stroke) {
        LegendItem item = new LegendItem(label, null, null, null,
                new Line2D.Double(-14, 0, 14, 0), stroke, paint);
        item.setLabelFont(LEGEND_FONT);
        item.setLabelPaint(TEXT);
        return item;
    }

    static Double percent(BigDecimal fraction) {
        return fraction == null ? null : fraction.multiply(HUNDRED).doubleValue();
    }

    static JFreeChart chart(String title, CategoryPlot plot, boolean legend) {
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

    static TextTitle subtitle(String text) {
        TextTitle t = new TextTitle(text, SUBTITLE_FONT);
        t.setPaint(MUTED);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        t.setPadding(new RectangleInsets(0, 4, 8, 4));
        return t;
    }

    static void stylePlot(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlinesVisible(true);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(6, 4, 4, 4));
    }

    /** An empty plot: no axes, gridlines or markers, just a sentence in the middle. */
    static void nothingToShow(CategoryPlot plot, String message) {
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

    static void styleCategoryAxis(CategoryAxis a) {
        a.setTickLabelFont(TICK_FONT);
        a.setTickLabelPaint(TEXT);
        a.setLabelFont(AXIS_LABEL_FONT);
        a.setLabelPaint(TEXT);
        a.setAxisLinePaint(AXIS_LINE);
        a.setTickMarkPaint(AXIS_LINE);
    }

    static void styleNumberAxis(ValueAxis a) {
        a.setTickLabelFont(TICK_FONT);
        a.setTickLabelPaint(TEXT);
        a.setLabelFont(AXIS_LABEL_FONT);
        a.setLabelPaint(MUTED);
        a.setAxisLineVisible(false);
        a.setTickMarksVisible(false);
    }

    static void styleBars(BarRenderer r) {
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0);
    }

    static byte[] png(JFreeChart chart) {
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

    private ChartStyle() {
    }

    /** Loads this class, and so sets headless mode, before a chart class touches AWT. */
    static void init() {
        // the static initializer did the work
    }
}
