package dev.nrrbot.serve;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Slack itself, faked over real HTTP: the Web API under /api/ and response_urls under /response/.
 * Records every call it receives and answers like Slack does.
 */
public final class FakeSlack implements AutoCloseable {

    /** One call: the Web API method (or "response_url"), its form parameters or JSON body, and its headers. */
    public record Call(String method, String path, String body, Map<String, String> params, byte[] raw) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        /** A form parameter that holds JSON, such as views.publish's {@code view}. */
        public JsonObject jsonParam(String name) {
            return JsonParser.parseString(params.get(name)).getAsJsonObject();
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, java.util.Deque<int[]>> scripted = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, Long> delays = new java.util.concurrent.ConcurrentHashMap<>();

    /** Makes every call of {@code method} take {@code millis} before it answers. */
    public void delay(String method, long millis) {
        delays.put(method, millis);
    }

    /** The next {@code times} calls of {@code method} fail with HTTP {@code status} (429 carries Retry-After: 1). */
    public void failNext(String method, int times, int status) {
        java.util.Deque<int[]> q = scripted.computeIfAbsent(method, k -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(new int[] {status});
        }
    }

    public FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    public String apiUrl() {
        return base() + "/api/";
    }

    public String responseUrl(String id) {
        return base() + "/response/" + id;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes {@code method} answer with {@code json} from now on. */
    public void answer(String method, String json) {
        answers.put(method, json);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] raw = ex.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        String method = path.startsWith("/api/") ? path.substring(5) : path.startsWith("/upload/") ? "upload" : "response_url";
        Map<String, String> params = new LinkedHashMap<>();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        calls.add(new Call(method, path, body, params, raw));
        Long delay = delays.get(method);
        if (delay != null) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        java.util.Deque<int[]> q = scripted.get(method);
        int[] failure = q == null ? null : q.poll();
        if (failure != null) {
            if (failure[0] == 429) {
                ex.getResponseHeaders().add("Retry-After", "1");
            }
            byte[] b = "{\"ok\":false,\"error\":\"ratelimited\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(failure[0], b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
            return;
        }
        String reply = method.equals("response_url") || method.equals("upload") ? "ok"
                : method.equals("files.getUploadURLExternal") && !answers.containsKey(method)
                ? "{\"ok\":true,\"upload_url\":\"" + base() + "/upload/F" + calls.size() + "\",\"file_id\":\"F" + calls.size() + "\"}"
                : answers.getOrDefault(method, defaultAnswer(method));
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", method.equals("response_url") ? "text/plain" : "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String defaultAnswer(String method) {
        return switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"nrrbot\","
                    + "\"team_id\":\"T0ACME\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
            case "views.publish", "views.open", "views.update" -> "{\"ok\":true,\"view\":{\"id\":\"V1\"}}";
            case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}";
            case "users.lookupByEmail" -> "{\"ok\":false,\"error\":\"users_not_found\"}";
            case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F1\",\"title\":\"chart\"}]}";
            case "users.info" -> "{\"ok\":true,\"user\":{\"id\":\"U0\",\"tz\":\"America/New_York\",\"real_name\":\"Lee Chen\","
                    + "\"profile\":{\"display_name\":\"Lee\",\"real_name\":\"Lee Chen\",\"image_72\":\"https://example.com/lee.png\"}}}";
            default -> "{\"ok\":true}";
        };
    }

    public List<Call> calls(String method) {
        List<Call> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.method().equals(method)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Waits for the {@code n}th call of {@code method} (1-based), failing after {@code timeout}. */
    public Call await(String method, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> found = calls(method);
            if (found.size() >= n) {
                return found.get(n - 1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no call #" + n + " of " + method + " within " + timeout + "; calls: "
                + calls.stream().map(Call::method).toList());
    }

    public void reset() {
        calls.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
