package dev.nrrbot.platform.ops;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.DoubleSupplier;

/**
 * What {@code GET /metrics} shows, in Prometheus text format: request latency and outcomes, the
 * outbox's depth and age, delivery failures, Slack's 429s, imported rows, and the JVM (heap, GC).
 * One registry per bot, so tests and two bots in one JVM do not mix.
 */
public final class Metrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram latency;
    private final Counter requests;

    public Metrics() {
        latency = Histogram.builder().name("nrr_request_seconds")
                .help("Time from a Slack request's arrival to its acknowledgement, by kind and command")
                .classicOnly().classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5)
                .labelNames("kind", "command").register(registry);
        requests = Counter.builder().name("nrr_requests_total").help("Slack requests by kind, command and outcome")
                .labelNames("kind", "command", "outcome").register(registry);
        JvmMetrics.builder().register(registry);
    }

    public void request(String kind, String command, String outcome, double seconds) {
        latency.labelValues(kind, command).observe(seconds);
        requests.labelValues(kind, command, outcome).inc();
    }

    /** A gauge read when scraped (outbox depth, oldest message age...). */
    public void gauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble())).register(registry);
    }

    /** A counter kept elsewhere (delivery failures, 429s), read when scraped. */
    public void counter(String name, String help, DoubleSupplier value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble())).register(registry);
    }

    /** A counter kept elsewhere with one value per {@code label} (refused requests by reason), read when scraped. */
    public void counter(String name, String help, String label, java.util.Map<String, DoubleSupplier> values) {
        CounterWithCallback.builder().name(name).help(help).labelNames(label)
                .callback(cb -> values.forEach((v, value) -> cb.call(value.getAsDouble(), v))).register(registry);
    }

    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
