package dev.nrrbot.platform.slack;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body was read up front, to a limit: Bolt then reads these bytes, and a body larger
 * than the limit is never held in memory whole.
 */
final class BoundedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    BoundedBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** The body, or null when it is longer than {@code limit} bytes (by its Content-Length or as it arrives). */
    static byte[] read(HttpServletRequest req, int limit) throws IOException {
        if (req.getContentLengthLong() > limit) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, Math.min(limit, (int) req.getContentLengthLong())));
        byte[] buffer = new byte[8192];
        try (InputStream in = req.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + n > limit) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already read");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
