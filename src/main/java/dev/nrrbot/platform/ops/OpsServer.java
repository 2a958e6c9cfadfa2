package dev.nrrbot.platform.ops;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * /health, /ready and /metrics on an address of their own: PORT in Socket Mode (there is no Slack HTTP
 * endpoint), or NRR_OPS_ADDRESS (such as 127.0.0.1:9090) to keep them off the port Slack reaches.
 */
public final class OpsServer implements AutoCloseable {

    private final HttpServer server;

    public OpsServer(OpsEndpoints endpoints, int port) throws IOException {
        this(endpoints, new InetSocketAddress(port));
    }

    public OpsServer(OpsEndpoints endpoints, InetSocketAddress address) throws IOException {
        server = HttpServer.create(address, 0);
        server.createContext("/", ex -> {
            OpsEndpoints.Answer a = "GET".equals(ex.getRequestMethod()) ? endpoints.route(ex.getRequestURI().getPath())
                    : new OpsEndpoints.Answer(405, "application/json", "{\"error\":\"GET only\"}");
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", a.contentType());
            ex.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(1);
    }
}
