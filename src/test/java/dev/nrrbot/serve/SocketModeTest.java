package dev.nrrbot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --socket-mode: the bot dials out to Slack's WebSocket and answers /nrr there, with no public URL. */
class SocketModeTest {

    @TempDir
    Path dir;

    /** Slack's side of Socket Mode: says hello, sends envelopes, collects the bot's acks. */
    static final class FakeSocketSlack extends WebSocketServer {
        final BlockingQueue<String> fromBot = new LinkedBlockingQueue<>();
        volatile WebSocket bot;
        final java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);

        FakeSocketSlack() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            bot = conn;
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},\"connection_info\":{\"app_id\":\"A0NRR\"}}");
            connected.countDown();
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            fromBot.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
        }
    }

    @Test
    void slashCommandsArriveOverTheWebSocketAndAreAnsweredThere() throws Exception {
        FakeSocketSlack ws = new FakeSocketSlack();
        ws.start();
        long deadline = System.currentTimeMillis() + 5000;
        while (ws.getPort() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        try (RunningBot bot = RunningBot.startSocketMode(dir, slack -> slack.answer("apps.connections.open",
                "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + ws.getPort() + "/link\"}"))) {
            assertThat(ws.connected.await(10, TimeUnit.SECONDS)).isTrue();
            FakeSlack.Call open = bot.slack.await("apps.connections.open", 1, java.time.Duration.ofSeconds(5));
            assertThat(open).isNotNull();
            ws.bot.send("""
                    {"envelope_id":"E0001","type":"slash_commands","accepts_response_payload":true,
                     "payload":{"token":"legacy","team_id":"T0ACME","team_domain":"acme","channel_id":"C0GENERAL","user_id":"U0VIEWER",
                     "command":"/nrr","text":"trend","api_app_id":"A0NRR","response_url":"%s","trigger_id":"1.2.3"}}
                    """.formatted(bot.slack.responseUrl("sm")).replace("\n", ""));
            String ack = ws.fromBot.poll(10, TimeUnit.SECONDS);
            assertThat(ack).isNotNull();
            JsonObject o = JsonParser.parseString(ack).getAsJsonObject();
            assertThat(o.get("envelope_id").getAsString()).isEqualTo("E0001");
            assertThat(o.getAsJsonObject("payload").toString()).contains("T12M NRR trend").contains("ephemeral");
            // operations endpoints still answer on PORT
            assertThat(bot.client.get("/health").statusCode()).isEqualTo(200);
            assertThat(bot.client.get("/ready").statusCode()).isEqualTo(200);
            assertThat(bot.client.get("/metrics").body()).contains("nrr_requests_total{command=\"trend\"");
        } finally {
            ws.stop(1000);
        }
    }
}
