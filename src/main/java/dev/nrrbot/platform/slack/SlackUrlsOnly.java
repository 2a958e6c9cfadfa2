package dev.nrrbot.platform.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, before any listener runs, a request whose response_url is not Slack's ({@link SlackUrls}):
 * Slack never sends one, so it is forged or tampered with, and answering it would send the answer
 * wherever it points. The answer is an empty 200, and one log line without the URL's text.
 */
public final class SlackUrlsOnly implements Middleware {

    private static final Logger log = LoggerFactory.getLogger(SlackUrlsOnly.class);
    private final SlackUrls urls;

    public SlackUrlsOnly(SlackUrls urls) {
        this.urls = urls;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (responseUrls(req).stream().allMatch(urls::allowed)) {
            return chain.next(req);
        }
        log.warn("refused a {} request whose response_url is not on Slack's hosts", req.getRequestType());
        resp.setStatusCode(200);
        resp.setContentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8);
        resp.setBody("");
        return resp;
    }

    private static List<String> responseUrls(Request<?> req) {
        List<String> out = new ArrayList<>();
        if (req instanceof SlashCommandRequest c && c.getPayload() != null) {
            out.add(c.getPayload().getResponseUrl());
        } else if (req instanceof BlockActionRequest b && b.getPayload() != null) {
            out.add(b.getPayload().getResponseUrl());
        } else if (req instanceof ViewSubmissionRequest v && v.getPayload() != null && v.getPayload().getResponseUrls() != null) {
            v.getPayload().getResponseUrls().forEach(u -> out.add(u == null ? null : u.getResponseUrl()));
        }
        out.removeIf(u -> u == null);
        return out;
    }
}
