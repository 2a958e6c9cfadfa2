package dev.nrrbot.revenue;

import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.platform.format.Freshness;

/** The numbers as of one data version: the engine and how fresh its data is, read together. */
public record Snapshot(NrrEngine engine, Freshness freshness) {
}
