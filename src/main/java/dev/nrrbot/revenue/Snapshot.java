package dev.nrrbot.revenue;

import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.platform.format.Freshness;

/**
 * The engine and the freshness of the data it was loaded from, taken together with one data-version
 * look-up, so an answer's numbers and its "data through" line always come from the same load.
 */
public record Snapshot(NrrEngine engine, Freshness freshness) {
}
