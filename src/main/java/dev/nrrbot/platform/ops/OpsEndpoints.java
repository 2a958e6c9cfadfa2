package dev.nrrbot.platform.ops;

import dev.nrrbot.platform.db.Database;

/**
 * {@code /health} (alive: the database answers), {@code /ready} (and its migrations are current) and
 * {@code /metrics}. The same answers over Bolt's HTTP server or, in Socket Mode, a small one of its own.
 */
public final class OpsEndpoints {

    /** An HTTP answer. */
    public record Answer(int status, String contentType, String body) {
    }

    private final Database db;
    private final Metrics metrics;

    public OpsEndpoints(Database db, Metrics metrics) {
        this.db = db;
        this.metrics = metrics;
    }

    public Answer health() {
        try {
            db.ping();
            return new Answer(200, "application/json", "{\"status\":\"ok\",\"database\":\"up\"}");
        } catch (RuntimeException e) {
            return new Answer(503, "application/json", "{\"status\":\"unavailable\",\"database\":\"down\"}");
        }
    }

    public Answer ready() {
        try {
            int pending = db.pendingMigrations();
            if (pending > 0) {
                return new Answer(503, "application/json", "{\"status\":\"not ready\",\"database\":\"up\",\"pending_migrations\":" + pending + "}");
            }
            return new Answer(200, "application/json", "{\"status\":\"ready\",\"database\":\"up\",\"pending_migrations\":0}");
        } catch (RuntimeException e) {
            return new Answer(503, "application/json", "{\"status\":\"not ready\",\"database\":\"down\"}");
        }
    }

    public Answer metrics() {
        return new Answer(200, Metrics.contentType(), metrics.scrape());
    }

    public Answer route(String path) {
        return switch (path) {
            case "/health" -> health();
            case "/ready" -> ready();
            case "/metrics" -> metrics();
            default -> new Answer(404, "application/json", "{\"error\":\"not found\"}");
        };
    }
}
