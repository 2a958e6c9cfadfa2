package dev.nrrbot.readouts.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewTitle;
import dev.nrrbot.access.Access;
import dev.nrrbot.metrics.ReportUnavailable;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.metrics.WindowSpec;
import dev.nrrbot.platform.Failures;
import dev.nrrbot.readouts.render.Readout;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posting the quarterly readout from its preview, under the CS leader's name. The submit is checked
 * (what the preview was for, whether that quarter still has data) and acknowledged at once; the
 * readout and its charts are built and queued afterwards, in the background, once per view.
 */
public final class ReadoutActions {

    private static final Logger log = LoggerFactory.getLogger(ReadoutActions.class);
    static final String COMMENTARY = "commentary";

    private final ReadoutService readouts;
    private final Access access;
    private final ExecutorService background;
    private final Runnable kick;
    /** Views whose post is being built here: a double submit meanwhile is acknowledged and dropped. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    /**
     * @param background runs the work after the acknowledgement: building, drawing and queueing
     * @param kick       wakes the outbox once the readout is queued
     */
    public ReadoutActions(ReadoutService readouts, Access access, ExecutorService background, Runnable kick) {
        this.readouts = readouts;
        this.access = access;
        this.background = background;
        this.kick = kick;
    }

    public void register(App app) {
        app.viewSubmission(ReadoutCommands.READOUT_MODAL, (req, ctx) -> {
            View view = req.getPayload().getView();
            String user = ctx.getRequestUserId();
            Optional<PreviewMetadata> meta = view == null ? Optional.empty() : PreviewMetadata.decode(view.getPrivateMetadata());
            if (meta.isEmpty() || view.getId() == null || user == null) {
                return refuse(ctx, view, "This preview no longer says which quarter and channel it is for. Close it and run"
                        + " /nrr readout again, e.g. /nrr readout 2026-Q3 #leadership.");
            }
            if (!access.runsReadoutsAndOwners(user)) { // the command checked it; a submission is checked again
                log.warn("a quarterly readout submission by someone who may not post readouts was refused");
                return refuse(ctx, view, "Only admins and CS leaders post readouts under their name.");
            }
            Window quarter;
            try {
                quarter = readouts.requirePostable(WindowSpec.parse(meta.get().quarter()));
            } catch (ReportUnavailable | IllegalArgumentException e) {
                return refuse(ctx, view, e.getMessage());
            }
            String key = "quarterly:" + view.getId(); // a double submit, or Slack's retry, posts once
            if (!inFlight.add(key)) {
                return ctx.ack();
            }
            String commentary = commentary(view);
            String channel = meta.get().channelId();
            MethodsClient client = ctx.client();
            try {
                background.execute(() -> {
                    try {
                        post(quarter, commentary, user, key, channel, client);
                    } finally {
                        inFlight.remove(key);
                    }
                });
            } catch (RejectedExecutionException e) {
                inFlight.remove(key);
                log.warn("could not queue the {} readout: the bot is stopping", quarter.label(), e);
                return refuse(ctx, view, "I am restarting. Press Post again in a minute.");
            }
            return ctx.ack();
        });
    }

    /** Builds the readout with its charts and queues it; a failure is logged and told to the leader. */
    private void post(Window quarter, String commentary, String user, String key, String channel, MethodsClient client) {
        try {
            Readout r = readouts.quarterly(quarter, commentary, user);
            Leader leader = leader(client, user);
            if (readouts.post(r, key, channel, leader.name(), leader.iconUrl())) {
                kick.run();
            }
        } catch (ReportUnavailable e) {
            log.warn("the {} readout was not posted, its data changed after the preview: {}", quarter.label(), e.getMessage());
            tell(user, key, "I could not post the " + quarter.label() + " readout to <#" + channel + ">: " + e.getMessage());
        } catch (RuntimeException e) {
            String id = Failures.newId();
            log.error("unexpected failure {} posting the {} readout", id, quarter.label(), e);
            tell(user, key, "Sorry, the " + quarter.label() + " readout to <#" + channel + "> did not post: something went wrong"
                    + " on my side (error " + id + "). It is logged; try again in a minute, or tell an admin with this id.");
        }
    }

    private void tell(String user, String key, String sentence) {
        try {
            if (readouts.tell(user, key + ":failed", sentence)) {
                kick.run();
            }
        } catch (RuntimeException e) {
            log.error("could not tell {} that a readout did not post", user, e);
        }
    }

    /** Whom a quarterly readout is posted under: a display name and a picture, or nulls (the bot's own). */
    private record Leader(String name, String iconUrl) {
    }

    /** The leader as Slack knows them; nulls when Slack does not say. */
    private static Leader leader(MethodsClient client, String user) {
        try {
            var info = client.usersInfo(u -> u.user(user));
            if (info.isOk() && info.getUser() != null) {
                var p = info.getUser().getProfile();
                String name = p == null ? info.getUser().getRealName()
                        : (p.getDisplayName() != null && !p.getDisplayName().isBlank() ? p.getDisplayName() : p.getRealName());
                return new Leader(name, p == null ? null : p.getImage72());
            }
            log.warn("users.info failed ({}); posting as the bot with the leader named", info.getError());
        } catch (Exception e) {
            log.warn("users.info failed; posting as the bot with the leader named", e);
        }
        return new Leader(null, null);
    }

    private static String commentary(View view) {
        ViewState state = view.getState();
        Map<String, ViewState.Value> block = state == null || state.getValues() == null ? null : state.getValues().get(COMMENTARY);
        if (block == null || block.isEmpty()) {
            return null;
        }
        ViewState.Value v = block.containsKey(COMMENTARY) ? block.get(COMMENTARY) : block.values().iterator().next();
        return v == null ? null : v.getValue();
    }

    /**
     * Keeps the modal open with the sentence under the commentary field; a view without that field
     * (not the one this bot opened) is replaced by the sentence.
     */
    private static Response refuse(ViewSubmissionContext ctx, View view, String sentence) {
        if (hasCommentaryField(view)) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(COMMENTARY, sentence)));
        }
        View message = View.builder().type("modal")
                .title(ViewTitle.builder().type("plain_text").text("Quarterly readout").build())
                .close(ViewClose.builder().type("plain_text").text("Close").build())
                .blocks(List.of(SectionBlock.builder().text(PlainTextObject.builder().text(sentence).build()).build())).build();
        return ctx.ack(r -> r.responseAction("update").view(message));
    }

    private static boolean hasCommentaryField(View view) {
        if (view == null) {
            return false;
        }
        if (view.getState() != null && view.getState().getValues() != null && view.getState().getValues().containsKey(COMMENTARY)) {
            return true;
        }
        return view.getBlocks() != null && view.getBlocks().stream()
                .anyMatch(b -> b instanceof InputBlock i && COMMENTARY.equals(i.getBlockId()));
    }
}
