package dev.nrrbot.numbers.slack;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.ReportUnavailable;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.TrendPoint;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.numbers.render.HomeView;
import dev.nrrbot.serve.NrrSlackApp;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code app_home_opened}: publishes the Home tab. A retried delivery of the same event is ignored. */
public final class HomeTab {

    private static final Logger log = LoggerFactory.getLogger(HomeTab.class);

    private HomeTab() {
    }

    public static void register(App app, NrrSlackApp.Services s) {
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            if (!"home".equals(event.getTab()) || !s.access().firstDelivery(payload.getEventId())) {
                return ctx.ack();
            }
            MethodsClient client = ctx.client();
            s.background().submit(() -> publish(client, event.getUser(), s));
            return ctx.ack();
        });
    }

    static void publish(MethodsClient client, String user, NrrSlackApp.Services s) {
        try {
            List<LayoutBlock> blocks = blocks(user, s);
            ViewsPublishResponse r = client.viewsPublish(req -> req.userId(user)
                    .view(View.builder().type("home").blocks(blocks).build()));
            if (!r.isOk()) {
                log.warn("views.publish failed for the Home tab: {}", r.getError());
            }
        } catch (Exception e) {
            log.warn("could not publish the Home tab: {}", e.toString());
        }
    }

    static List<LayoutBlock> blocks(String user, NrrSlackApp.Services s) {
        try {
            NrrEngine engine = s.cache().engine();
            Window w = engine.window(null);
            RetentionReport r = engine.report(w, Segment.ALL);
            RetentionReport previous = null;
            try {
                previous = engine.report(w.previous(), Segment.ALL);
            } catch (ReportUnavailable e) {
                // the data starts here: nothing to compare with
            }
            List<TrendPoint> trend;
            try {
                trend = engine.trend(Segment.ALL);
            } catch (ReportUnavailable e) {
                trend = List.of();
            }
            return HomeView.blocks(r, previous, trend, s.access().ownedFunctions(user), s.cache().freshness());
        } catch (ReportUnavailable e) {
            return HomeView.empty(e.getMessage());
        }
    }
}
