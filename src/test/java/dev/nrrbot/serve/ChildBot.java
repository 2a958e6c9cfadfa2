package dev.nrrbot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code serve} in a JVM of its own, as production runs it: for tests about what survives a
 * process that is killed ({@link #kill()} is SIGKILL, so no shutdown hook runs) or about several
 * processes on one database.
 */
final class ChildBot implements AutoCloseable {

    final Process process;
    final int port;
    final Path log;

    private ChildBot(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code serve --db url} against {@code slack} on a free port and waits until the port answers.
     * {@code env} adds to (or overrides) the test settings: e.g. NRR_OUTBOX_LEASE_SECONDS.
     */
    static ChildBot start(String url, FakeSlack slack, Path log, Map<String, String> env) throws Exception {
        int port = RunningBot.freePort();
        ProcessBuilder pb = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.nrrbot.serve.cli.Main", "serve", "--db", url);
        Map<String, String> e = pb.environment();
        e.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        e.put("SLACK_SIGNING_SECRET", RunningBot.SECRET);
        e.put("SLACK_API_URL", slack.apiUrl());
        e.put("PORT", Integer.toString(port));
        e.put("NRR_ADMINS", RunningBot.ADMIN);
        e.remove("NRR_DATABASE_URL");
        e.putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        ChildBot child = new ChildBot(p, port, log);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!child.answersHealth()) {
            if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                child.kill();
                throw new AssertionError("serve did not start: see " + log);
            }
            Thread.sleep(100);
        }
        return child;
    }

    /**
     * Whether the bot itself answers {@code GET /health} with 200. A port that merely accepts a
     * connection is not enough: {@code serve} first binds the port for a moment to see whether it is
     * free, and a connection made then finds nothing behind it.
     */
    boolean answersHealth() {
        try {
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL("http://127.0.0.1:" + port + "/health")
                    .openConnection();
            c.setConnectTimeout(300);
            c.setReadTimeout(1_000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (java.io.IOException e) {
            return false;
        }
    }

    SignedClient client() {
        return new SignedClient(port, RunningBot.SECRET);
    }

    /** SIGKILL (on Unix, {@link Process#destroyForcibly()}), and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("serve did not die").isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
