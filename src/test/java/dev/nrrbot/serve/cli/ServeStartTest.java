package dev.nrrbot.serve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.serve.FakeSlack;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve} that cannot start says why in one line with what to do, and exits non-zero: a port in use,
 * a token Slack refuses, Slack out of reach. Never "answering Slack on ..." followed by a quiet exit 0.
 */
class ServeStartTest {

    @TempDir
    Path dir;

    private Map<String, String> env(String apiUrl, int port) {
        Map<String, String> env = new HashMap<>(Map.of("SLACK_BOT_TOKEN", "xoxb-test-token", "SLACK_SIGNING_SECRET", "s3cret",
                "SLACK_API_URL", apiUrl, "PORT", Integer.toString(port)));
        return env;
    }

    private CliRun serve(Map<String, String> env) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.configure(new CommandLine(new ServeCommand(env)));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("--db", "jdbc:h2:file:" + dir.resolve("nrr"));
        return new CliRun(exit, out.toString(), err.toString());
    }

    @Test
    void aPortInUseIsOneLineAndExitTwoBeforeAnythingIsLoaded() throws Exception {
        try (ServerSocket held = new ServerSocket(0); FakeSlack slack = new FakeSlack()) {
            CliRun run = serve(env(slack.apiUrl(), held.getLocalPort()));
            assertThat(run.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(run.err()).isEqualTo("nrr-bot: port " + held.getLocalPort() + " is in use: stop what holds it or set PORT"
                    + System.lineSeparator());
            assertThat(run.out()).doesNotContain("answering");
            assertThat(slack.calls("auth.test")).isEmpty();
        }
    }

    @Test
    void theOpsAddressInUseNamesItsOwnSetting() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); ServerSocket free = new ServerSocket(0);
             FakeSlack slack = new FakeSlack()) {
            int port = free.getLocalPort();
            free.close();
            Map<String, String> env = env(slack.apiUrl(), port);
            env.put("NRR_OPS_ADDRESS", "127.0.0.1:" + held.getLocalPort());
            CliRun run = serve(env);
            assertThat(run.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(run.err()).isEqualTo("nrr-bot: NRR_OPS_ADDRESS 127.0.0.1:" + held.getLocalPort()
                    + " is in use: stop what holds it or set NRR_OPS_ADDRESS" + System.lineSeparator());
        }
    }

    @Test
    void aTokenSlackRefusesSaysSoAndExitsTwo() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            slack.answer("auth.test", "{\"ok\":false,\"error\":\"invalid_auth\"}");
            CliRun run = serve(env(slack.apiUrl(), freePort()));
            assertThat(run.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(run.err()).startsWith("nrr-bot: Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth): set it to the Bot"
                    + " User OAuth Token (xoxb-...)").doesNotContain("reach").doesNotContain("xoxb-test-token").doesNotContain("\tat ");
            assertThat(run.err().lines()).hasSize(1);
        }
    }

    @Test
    void slackOutOfReachIsANetworkProblemNotABadToken() throws Exception {
        String api = "http://127.0.0.1:" + freePort() + "/api/"; // nothing listens there
        CliRun run = serve(env(api, freePort()));
        assertThat(run.exit()).isEqualTo(Main.DATA_PROBLEM);
        assertThat(run.err()).startsWith("nrr-bot: cannot reach Slack at " + api + ": ").contains("network")
                .doesNotContain("token is invalid").doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void slacksOwnTroubleIsNotCalledABadToken() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            slack.answer("auth.test", "{\"ok\":false,\"error\":\"service_unavailable\"}");
            CliRun run = serve(env(slack.apiUrl(), freePort()));
            assertThat(run.exit()).isEqualTo(Main.DATA_PROBLEM);
            assertThat(run.err()).startsWith("nrr-bot: Slack at " + slack.apiUrl() + " could not check SLACK_BOT_TOKEN"
                    + " (auth.test: service_unavailable): try again");
        }
    }

    /** The real process, as the issue saw it: a port in use was "answering Slack on ...", then exit 0. */
    @Test
    void aRealServeOnAPortInUseExitsNonZeroWithoutClaimingToAnswer() throws Exception {
        try (ServerSocket held = new ServerSocket(); FakeSlack slack = new FakeSlack()) {
            held.setReuseAddress(true);
            held.bind(new InetSocketAddress(0));
            ProcessBuilder pb = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                    "-Xmx128m", "-cp", System.getProperty("java.class.path"), "dev.nrrbot.serve.cli.Main", "serve",
                    "--db", "jdbc:h2:file:" + dir.resolve("child"));
            pb.environment().putAll(env(slack.apiUrl(), held.getLocalPort()));
            pb.environment().remove("NRR_DATABASE_URL");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(output).contains("nrr-bot: port " + held.getLocalPort() + " is in use: stop what holds it or set PORT")
                    .doesNotContain("answering").doesNotContain("Exception");
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
