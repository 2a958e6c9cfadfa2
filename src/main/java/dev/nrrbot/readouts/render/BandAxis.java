package dev.nrrbot.readouts.render;

import static dev.nrrbot.readouts.render.ChartStyle.BAND_FONT;

import dev.nrrbot.metrics.Band;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * The published NRR bands of the trend chart: their ranges and colors, and the right-hand axis that
 * names each visible band beside a colored strip.
 */
final class BandAxis extends NumberAxis {

    static {
        ChartStyle.init(); // headless before the colors below load AWT
    }

    /** A published band: its range in percent, its shading and the color of its name. */
    record BandStyle(Band band, double low, double high, Color fill, Color ink) {
        /** "stable, not compounding" is too long for the margin: the part before the comma. */
        String name() {
            return band.label().split(",")[0];
        }
    }

    static final List<BandStyle> BANDS = List.of(
            new BandStyle(Band.CONCERNING, Double.NEGATIVE_INFINITY, 90, new Color(0xF8, 0xD7, 0xD7),
                    new Color(0xC0, 0x2B, 0x2B)),
            new BandStyle(Band.STABLE, 90, 100, new Color(0xFD, 0xEB, 0xC8), new Color(0xB4, 0x6A, 0x00)),
            new BandStyle(Band.GOOD, 100, 110, new Color(0xE3, 0xF4, 0xD9), new Color(0x4D, 0x8F, 0x27)),
            new BandStyle(Band.GREAT, 110, 130, new Color(0xC6, 0xE9, 0xC9), new Color(0x1B, 0x6B, 0x2F)),
            new BandStyle(Band.BEST_IN_CLASS, 130, Double.POSITIVE_INFINITY, new Color(0xCB, 0xEC, 0xF0),
                    new Color(0x0B, 0x6E, 0x7A)));

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
