package dev.nrrbot.readouts.render;

import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.metrics.TrendPoint;
import java.util.List;

/**
 * The readout charts as PNG bytes, sized for Slack's image preview (1000x560) with large type: one
 * class per chart ({@link TrendChart}, {@link ContributionsChart}, {@link ParetoChart}) and the
 * styling they share ({@link ChartStyle}). Everything is drawn off-screen, so this works on a server
 * without a display.
 */
public final class Charts {

    public static final int WIDTH = ChartStyle.WIDTH;
    public static final int HEIGHT = ChartStyle.HEIGHT;

    /** At most this many reasons are drawn as bars in the Pareto. */
    public static final int PARETO_MAX_BARS = 15;

    /** Draws any chart spec with JFreeChart. */
    public static final ChartRenderer RENDERER = Charts::png;

    private Charts() {
    }

    public static byte[] png(ChartSpec spec) {
        if (spec instanceof ChartSpec.Trend t) {
            return trend(t.points(), t.title());
        }
        if (spec instanceof ChartSpec.Contributions c) {
            return contributions(c.contributions(), c.title());
        }
        if (spec instanceof ChartSpec.Pareto p) {
            return pareto(p.pareto(), p.title());
        }
        throw new IllegalArgumentException("no drawing for " + spec);
    }

    /**
     * T12M NRR (thick line) and GRR (thin dashed line) by month over the shaded NRR bands.
     * Points without a value (no start revenue) leave a gap.
     */
    public static byte[] trend(List<TrendPoint> points, String title) {
        return TrendChart.draw(points, title);
    }

    /** One horizontal bar per function, in NRR points: green adds, red takes away. */
    public static byte[] contributions(List<Contribution> contributions, String title) {
        return ContributionsChart.draw(contributions, title);
    }

    /**
     * Revenue lost per reason (bars, left axis, in currency units) with the cumulative share (line,
     * right axis 0-100%) and the 80% line. The vital few are drawn darker. At most
     * {@link #PARETO_MAX_BARS} reasons are drawn.
     */
    public static byte[] pareto(ReasonPareto p, String title) {
        return ParetoChart.draw(p, title);
    }
}
