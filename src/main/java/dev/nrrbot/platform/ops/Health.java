package dev.nrrbot.platform.ops;

import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import dev.nrrbot.platform.ops.OpsEndpoints;

/** {@code GET /health}, {@code /ready} and {@code /metrics} on Bolt's HTTP server. */
public final class Health {

    private Health() {
    }

    public static void register(App app, OpsEndpoints ops) {
        for (String path : new String[] {"/health", "/ready", "/metrics"}) {
            app.endpoint("GET", path, (req, ctx) -> {
                OpsEndpoints.Answer a = ops.route(path);
                return Response.builder().statusCode(a.status()).contentType(a.contentType()).body(a.body()).build();
            });
        }
    }
}
