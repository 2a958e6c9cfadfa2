package dev.nrrbot.readouts.render;

import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.ReasonPareto;
import dev.nrrbot.metrics.TrendPoint;
import java.util.List;

/**
 * What a readout chart shows, without drawing it: the numbers and the title. Building a readout's
 * message needs only these; a {@link ChartRenderer} turns them into PNGs when the readout is posted.
 */
public sealed interface ChartSpec {

    String title();

    /** T12M NRR and GRR by month over the NRR bands. */
    record Trend(List<TrendPoint> points, String title) implements ChartSpec {
        public Trend {
            points = points == null ? List.of() : List.copyOf(points);
        }
    }

    /** Each function's contribution in NRR points. */
    record Contributions(List<Contribution> contributions, String title) implements ChartSpec {
        public Contributions {
            contributions = contributions == null ? List.of() : List.copyOf(contributions);
        }
    }

    /** Revenue lost by reason, with the cumulative share. */
    record Pareto(ReasonPareto pareto, String title) implements ChartSpec {
    }
}
