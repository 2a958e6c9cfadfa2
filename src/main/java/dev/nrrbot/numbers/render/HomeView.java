package dev.nrrbot.numbers.render;

import dev.nrrbot.platform.Launcher;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.format.Freshness;

import com.slack.api.model.block.LayoutBlock;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.RetentionReport;
import dev.nrrbot.metrics.TrendPoint;
import dev.nrrbot.platform.format.Definitions;
import dev.nrrbot.platform.format.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The App Home tab: the company's NRR, the viewer's function, the trend and buttons for the common questions. */
public final class HomeView {

    public static final String REASONS = "home_reasons";
    public static final String TREND = "home_trend";
    public static final String FUNCTION = "home_function";
    public static final String HELP = "home_help";
    public static final String DEFINITIONS = "home_definitions";

    private HomeView() {
    }

    public static List<LayoutBlock> blocks(RetentionReport r, RetentionReport previous, List<TrendPoint> trend,
                                           Set<BusinessFunction> owned, Freshness fresh) {
        BlockKit kit = new BlockKit();
        kit.header("Net Revenue Retention · " + Money.percent(r.nrr()) + " · " + r.band().label());
        kit.text("*" + r.window().label() + "* (" + r.window().start() + " → " + r.window().end() + ")\n*GRR* "
                + Money.percent(r.grr()) + (previous == null ? "" : " · *vs " + previous.window().label() + ":* "
                + Money.points(r.nrrPercent().subtract(previous.nrrPercent())) + " pts") + " · "
                + String.format("%,d", r.cohortAccounts()) + " accounts in the cohort");
        kit.fields(AnswerBlocks.movementFields(r));
        for (BusinessFunction f : owned) {
            Contribution c = r.contributions().stream().filter(x -> x.function() == f).findFirst().orElse(null);
            kit.text("*Your function, " + f.label() + ":* " + (c == null ? "no movement this window"
                    : Money.points(c.points()) + " pts (" + (c.signedCents() >= 0 ? "+" : "-") + Money.whole(Math.abs(c.signedCents()))
                    + " MRR in " + c.movements() + " movements)"));
        }
        kit.list("*Contribution by function* (points of NRR)", AnswerBlocks.contributionLines(r.contributions()));
        if (trend.size() > 1) {
            List<String> lines = new ArrayList<>();
            for (int i = trend.size() - 1; i >= Math.max(0, trend.size() - 6); i--) {
                lines.add("`" + trend.get(i).month() + "`  " + Money.percent(trend.get(i).nrr()));
            }
            kit.list("*T12M NRR trend* " + AnswerBlocks.spark(trend.stream().map(TrendPoint::nrr).toList()), lines);
        }
        List<BlockKit.Button> buttons = new ArrayList<>();
        buttons.add(new BlockKit.Button("Why revenue left", REASONS, "reasons", "primary"));
        buttons.add(new BlockKit.Button("Trend", TREND, "trend", null));
        for (BusinessFunction f : owned) {
            // action ids must be unique in their block: one per function (HomeButtons takes home_.*)
            buttons.add(new BlockKit.Button(f.label() + " details", FUNCTION + "_" + f.code(), "function " + f.code(), null));
        }
        buttons.add(new BlockKit.Button("Definitions", DEFINITIONS, "definitions", null));
        buttons.add(new BlockKit.Button("How to ask /nrr", HELP, "help", null));
        kit.context(fresh.describe());
        kit.context(Definitions.NRR_FOOTNOTE);
        kit.buttons(buttons);
        return kit.build();
    }

    /** Before any data is imported, or when the numbers cannot be computed. */
    public static List<LayoutBlock> empty(String why) {
        return new BlockKit()
                .header("Net Revenue Retention")
                .text(BlockKit.escape(why))
                .text("Whoever runs nrr-bot imports revenue data with `" + Launcher.COMMAND + " import mrr FILE` (or subscriptions),"
                        + " and reasons with `" + Launcher.COMMAND + " import reasons FILE`. Then this tab shows the company's NRR and"
                        + " what each function contributed.")
                .buttons(List.of(new BlockKit.Button("Definitions", DEFINITIONS, "definitions", null),
                        new BlockKit.Button("How to ask /nrr", HELP, "help", null)))
                .build();
    }
}
