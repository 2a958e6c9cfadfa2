package dev.nrrbot.readouts.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.view.ViewState;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.readouts.render.Readout;
import dev.nrrbot.revenue.PortfolioCache;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posting the quarterly readout from its preview, under the CS leader's name. */
public final class ReadoutActions {

    private static final Logger log = LoggerFactory.getLogger(ReadoutActions.class);

    private final ReadoutService readouts;
    private final PortfolioCache cache;
    private final Runnable kick;

    /** @param kick wakes the outbox once the readout is queued */
    public ReadoutActions(ReadoutService readouts, PortfolioCache cache, Runnable kick) {
        this.readouts = readouts;
        this.cache = cache;
        this.kick = kick;
    }

    public void register(App app) {
        app.viewSubmission(ReadoutCommands.READOUT_MODAL, (req, ctx) -> {
            String[] meta = req.getPayload().getView().getPrivateMetadata().split("\\|", 2);
            String user = req.getPayload().getUser().getId();
            Map<String, Map<String, ViewState.Value>> v = req.getPayload().getView().getState().getValues();
            String commentary = v.containsKey("commentary") ? v.get("commentary").values().iterator().next().getValue() : null;
            Window quarter = cache.engine().window(meta[0]);
            Readout r = readouts.quarterly(quarter, commentary, user);
            String name = null;
            String icon = null;
            try {
                var info = ctx.client().usersInfo(u -> u.user(user));
                if (info.isOk() && info.getUser() != null) {
                    var p = info.getUser().getProfile();
                    name = p == null ? info.getUser().getRealName()
                            : (p.getDisplayName() != null && !p.getDisplayName().isBlank() ? p.getDisplayName() : p.getRealName());
                    icon = p == null ? null : p.getImage72();
                }
            } catch (Exception e) {
                log.warn("users.info failed; posting as the bot with the leader named", e);
            }
            // the view id makes a double submit (or Slack's retry) post once
            readouts.post(r, "quarterly:" + req.getPayload().getView().getId(), meta[1], name, icon);
            kick.run();
            return ctx.ack();
        });
    }
}
