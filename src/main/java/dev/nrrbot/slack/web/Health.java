package dev.nrrbot.slack.web;

import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import dev.nrrbot.slack.NrrSlackApp;

/** {@code GET /health}: 200 when the database answers, 503 when it does not. */
public final class Health {

    private Health() {
    }

    public static void register(App app, NrrSlackApp.Services services) {
        app.endpoint("GET", "/health", (req, ctx) -> {
            try {
                long version = services.store().dataVersion();
                return Response.json(200, "{\"status\":\"ok\",\"database\":\"up\",\"data_version\":" + version + "}");
            } catch (RuntimeException e) {
                return Response.json(503, "{\"status\":\"unavailable\",\"database\":\"down\"}");
            }
        });
    }
}
