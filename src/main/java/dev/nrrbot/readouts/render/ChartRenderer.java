package dev.nrrbot.readouts.render;

/** Draws a chart as PNG bytes. {@link Charts#RENDERER} draws them with JFreeChart. */
@FunctionalInterface
public interface ChartRenderer {

    byte[] png(ChartSpec spec);
}
