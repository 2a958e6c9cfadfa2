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
import dev.nrrbot.access.Access;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.revenue.Snapshot;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code app_home_opened}: publishes the Home tab. A retried delivery of the same event is ignored. */
public final class HomeTab {

    private static final Logger log = LoggerFactory.getLogger(HomeTab.class);

    private final Access access;
    private final Predicate<String> firstDelivery;
    private final PortfolioCache cache;
    private final ExecutorService background;

    /** @param firstDelivery true the first time an event id arrives, on any instance (Slack retries events) */
    public HomeTab(Access access, Predicate<String> firstDelivery, PortfolioCache cache, ExecutorService background) {
        this.access = access;
        this.firstDelivery = firstDelivery;
        this.cache = cache;
        this.background = background;
    }

    public void register(App app) {
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            if (!"home".equals(event.getTab()) || !firstDelivery.test(payload.getEventId())) {
                return ctx.ack();
            }
            MethodsClient client = ctx.client();
            background.submit(() -> publish(client, event.getUser()));
            return ctx.ack();
        });
    }

    void publish(MethodsClient client, String user) {
        try {
            List<LayoutBlock> blocks = blocks(user);
            ViewsPublishResponse r = client.viewsPublish(req -> req.userId(user)
                    .view(View.builder().type("home").blocks(blocks).build()));
            if (!r.isOk()) {
                log.warn("views.publish failed for the Home tab: {}", r.getError());
            }
        } catch (Exception e) {
            log.warn("could not publish the Home tab", e);
        }
    }

    List<LayoutBlock> blocks(String user) {
        try {
            Snapshot snapshot = cache.snapshot();
            NrrEngine engine = snapshot.engine();
            Window w = engine.window(dev.nrrbot.metrics.WindowSpec.CURRENT);
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
            return HomeView.blocks(r, previous, trend, access.ownFunctions(user), snapshot.freshness());
        } catch (ReportUnavailable e) {
            return HomeView.empty(e.getMessage());
        }
    }
}
