package dev.nrrbot.serve.cli;

import dev.nrrbot.platform.Settings;
import dev.nrrbot.platform.db.Database;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * Why {@code serve} could not start, in one line that says what to do, and its exit code: a port in
 * use or a token Slack refuses is a setting to change (2); Slack out of reach, or answering with an
 * error of its own, is the network's or Slack's (1).
 */
record ServeStart(String line, int exit) {

    /** Slack's Web API when SLACK_API_URL is not set. */
    static final String SLACK_API = "https://slack.com/api/";

    /** auth.test errors that mean the token itself is wrong; any other is Slack's trouble, not the token's. */
    private static final Set<String> TOKEN_ERRORS = Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked",
            "token_expired", "no_permission", "not_allowed_token_type", "team_access_not_granted", "ekm_access_denied");

    // Bolt's App constructor calls auth.test and words its failures so (the cause is not kept):
    private static final String AUTH_TEST_ERROR = "The token is invalid (auth.test error: ";
    private static final String CALL_FAILED = "The token is invalid (error: ";

    /**
     * Before anything is loaded: the ports serve will listen on (PORT; NRR_OPS_ADDRESS when set), each
     * opened and closed again, so a port in use is said at once rather than after the numbers are loaded.
     */
    static Optional<ServeStart> portsFree(Settings settings, boolean socketMode) {
        if (!socketMode || settings.opsAddress() == null) {
            Optional<ServeStart> p = bind(new InetSocketAddress(settings.port()), "port " + settings.port(), "PORT");
            if (p.isPresent()) {
                return p;
            }
        }
        return settings.opsAddress() == null ? Optional.empty()
                : bind(settings.opsAddress(), "NRR_OPS_ADDRESS " + settings.opsAddress().getHostString() + ":"
                + settings.opsAddress().getPort(), "NRR_OPS_ADDRESS");
    }

    private static Optional<ServeStart> bind(InetSocketAddress address, String what, String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Jetty and the ops server open it: a port in TIME_WAIT is free
            socket.bind(address);
            return Optional.empty();
        } catch (BindException e) {
            String why = e.getMessage() == null ? "" : e.getMessage();
            if (why.toLowerCase(Locale.ROOT).contains("in use")) {
                return Optional.of(new ServeStart(what + " is in use: stop what holds it or set " + setting, CommandLine.ExitCode.USAGE));
            }
            return Optional.of(new ServeStart(what + " cannot be opened (" + why + "): set " + setting + " to another",
                    CommandLine.ExitCode.USAGE));
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return Optional.empty(); // not a verdict on the port: let the server's own start say what is wrong
        }
    }

    /** What a failed {@code Bot.start} means, for {@code settings} (which SLACK_API_URL was asked). */
    static ServeStart of(RuntimeException e, Settings settings, boolean socketMode) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                // lost a race with another process since portsFree looked, or a port portsFree could not judge
                return portsFree(settings, socketMode).orElse(new ServeStart("port " + settings.port()
                        + " is in use: stop what holds it or set PORT", CommandLine.ExitCode.USAGE));
            }
        }
        String message = e.getMessage() == null ? e.toString() : Database.redact(e.getMessage());
        String api = settings.apiUrl() == null ? SLACK_API : Database.redact(settings.apiUrl());
        if (message.startsWith(AUTH_TEST_ERROR)) {
            String error = between(message, AUTH_TEST_ERROR);
            if (error.isEmpty() || TOKEN_ERRORS.contains(error)) {
                return new ServeStart("Slack refused SLACK_BOT_TOKEN (auth.test: " + (error.isEmpty() ? "no answer" : error)
                        + "): set it to the Bot User OAuth Token (xoxb-...) from the app's OAuth & Permissions page",
                        CommandLine.ExitCode.USAGE);
            }
            return new ServeStart("Slack at " + api + " could not check SLACK_BOT_TOKEN (auth.test: " + error
                    + "): try again in a minute", Main.DATA_PROBLEM);
        }
        if (message.startsWith(CALL_FAILED)) {
            String detail = between(message, CALL_FAILED);
            if (detail.equalsIgnoreCase(host(api))) {
                detail = "the name " + detail + " does not resolve"; // an UnknownHostException says only the host
            }
            return new ServeStart("cannot reach Slack at " + api + ": " + detail
                    + ". Check this machine's network (DNS, proxy, firewall)"
                    + (settings.apiUrl() == null ? "" : " and SLACK_API_URL"), Main.DATA_PROBLEM);
        }
        return new ServeStart("the Slack app could not start: " + message, Main.DATA_PROBLEM);
    }

    private static String host(String url) {
        try {
            return java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String between(String message, String prefix) {
        String rest = message.substring(prefix.length());
        return (rest.endsWith(")") ? rest.substring(0, rest.length() - 1) : rest).trim();
    }
}
