package dev.nrrbot.renewals.slack;

import dev.nrrbot.access.Access;
import dev.nrrbot.flags.FlagStore;
import dev.nrrbot.health.Checkup;
import dev.nrrbot.health.Forecast;
import dev.nrrbot.health.HealthCache;
import dev.nrrbot.health.render.HealthPage;
import dev.nrrbot.platform.slack.BadInput;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.slack.Command;
import dev.nrrbot.platform.slack.Invocation;
import dev.nrrbot.platform.slack.Reply;
import dev.nrrbot.platform.slack.Typos;
import dev.nrrbot.renewals.RenewalBook;
import dev.nrrbot.renewals.render.RenewalText;
import dev.nrrbot.revenue.RevenueStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /nrr renewals [90d|quarter]}: the renewals due, and the quarter-end forecast. Rows are for
 * those who see each account's amounts ({@link Access#seesAccountAmounts}); everyone else sees the totals.
 */
public final class RenewalCommands {

    /** A Slack user id, the only text written as a mention. */
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");

    private final HealthCache health;
    private final Access access;
    private final FlagStore flags;
    private final RevenueStore store;

    public RenewalCommands(HealthCache health, Access access, FlagStore flags, RevenueStore store) {
        this.health = health;
        this.access = access;
        this.flags = flags;
        this.store = store;
    }

    public List<Command<?>> commands() {
        return List.of(Command.of("renewals", "/nrr renewals [90d|quarter]",
                        "renewals due with health, flags and owner; the quarter-end forecast",
                        RenewalCommands::parse, this::answer)
                .aliases("renewal").with(Command.Trait.NEEDS_DATA, Command.Trait.MAY_BE_SLOW));
    }

    public static RenewalBook.Period parse(String rest) {
        String t = rest == null ? "" : rest.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "", "90d", "90", "90 days" -> RenewalBook.Period.NEXT_90_DAYS;
            case "quarter", "q", "this quarter" -> RenewalBook.Period.QUARTER;
            default -> throw new BadInput("\"" + Typos.clip(rest) + "\" is not a period for renewals: give 90d (the default)"
                    + " or quarter (to the end of this calendar quarter).", "/nrr renewals quarter");
        };
    }

    private Reply answer(RenewalBook.Period period, Invocation in) {
        Optional<Checkup> c = health.checkup();
        if (c.isEmpty()) {
            return Reply.notice("There is no revenue data yet, so no renewal to weigh: an admin imports it first (bin/nrr-bot import).");
        }
        String viewer = in.viewerId();
        RenewalBook book = RenewalBook.of(health.portfolio(), c.get(), period, flags.active(), flags::owner);
        Optional<Forecast> forecast = Forecast.of(health.portfolio(), store.subscriptions(), c.get(), health.backtest());
        HealthPage page = RenewalText.page(book, forecast, c.get(), id -> viewer != null && access.seesAccountAmounts(viewer, id),
                n -> viewer == null ? n >= access.policy().minGroupSize() : access.seesGroupAmounts(viewer, n), BlockKit::escape,
                id -> USER_ID.matcher(id).matches() ? "<@" + id + ">" : BlockKit.escape(id));
        BlockKit kit = new BlockKit().text("*" + BlockKit.escape(page.heading()) + "*");
        for (HealthPage.Group g : page.groups()) {
            if (g.lines().isEmpty()) {
                kit.text(BlockKit.escape(g.title()));
            } else {
                kit.list("*" + BlockKit.escape(g.title()) + "*", g.lines().stream().map(l -> "• " + l).toList());
            }
        }
        return new Reply(BlockKit.escape(page.heading()), kit.build());
    }
}
