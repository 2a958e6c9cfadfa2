package dev.nrrbot.hostile;

import dev.nrrbot.platform.slack.SlackServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.1 written by hand on a socket: what a hostile client sends and {@code java.net.http} will
 * not (a body that trickles, a length it never sends, a body that never ends).
 */
final class RawHttp {

    private RawHttp() {
    }

    /** The headers of a POST to Slack's path; a {@code contentLength} below 0 sends the body chunked. */
    static String head(long contentLength, String timestamp, String signature) {
        StringBuilder b = new StringBuilder("POST " + SlackServer.EVENTS_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n");
        b.append(contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "Transfer-Encoding: chunked\r\n");
        if (timestamp != null) {
            b.append("X-Slack-Request-Timestamp: ").append(timestamp).append("\r\n");
        }
        if (signature != null) {
            b.append("X-Slack-Signature: ").append(signature).append("\r\n");
        }
        return b.append("\r\n").toString();
    }

    /** Headers as someone without the secret sends them: a fresh timestamp and a signature that is not one. */
    static String unsignedHead(long contentLength) {
        return head(contentLength, Long.toString(System.currentTimeMillis() / 1000), "v0=" + "0".repeat(64));
    }

    static Socket connect(int port, Duration readTimeout) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout((int) readTimeout.toMillis());
        return s;
    }

    static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    /** The status code of the answer on {@code s}, from its status line (the rest is left unread). */
    static int status(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1).trim();
        if (!text.startsWith("HTTP/1.")) {
            throw new IOException("no status line: '" + text + "'");
        }
        return Integer.parseInt(text.split(" ")[1]);
    }
}
