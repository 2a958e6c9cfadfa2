package dev.nrrbot.health.slack;

import dev.nrrbot.access.Access;
import dev.nrrbot.access.Role;
import dev.nrrbot.access.Viewer;
import dev.nrrbot.health.Checkup;
import dev.nrrbot.health.HealthCache;
import dev.nrrbot.health.HealthModel;
import dev.nrrbot.health.HealthScore;
import dev.nrrbot.health.render.HealthPage;
import dev.nrrbot.health.render.HealthText;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Ledger;
import dev.nrrbot.metrics.Portfolio;
import dev.nrrbot.platform.slack.BadInput;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.slack.Command;
import dev.nrrbot.platform.slack.Invocation;
import dev.nrrbot.platform.slack.Reply;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /nrr health}: the company's health, one account's, one function's, the backtest, and the
 * settings. Which accounts and amounts an answer shows is {@link Access}'s decision, asked per account.
 */
public final class HealthCommands {

    /** What followed {@code /nrr health}. */
    public record Ask(Kind kind, String subject, String value) {
        public enum Kind {
            COMPANY, ACCOUNT, FUNCTION, BACKTEST, SETTINGS, SET
        }
    }

    private final HealthCache health;
    private final Access access;

    public HealthCommands(HealthCache health, Access access) {
        this.health = health;
        this.access = access;
    }

    public List<Command<?>> commands() {
        return List.of(Command.of("health", "/nrr health [ACCOUNT | FUNCTION | backtest | settings]",
                        "account health from the signals each function owns, and whether it predicts",
                        HealthCommands::parse, this::answer)
                .with(Command.Trait.NEEDS_DATA, Command.Trait.MAY_BE_SLOW));
    }

    static Ask parse(String rest) {
        String t = rest == null ? "" : rest.trim();
        String first = t.isEmpty() ? "" : t.split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return new Ask(Ask.Kind.COMPANY, null, null);
        }
        if (first.equals("backtest")) {
            return new Ask(Ask.Kind.BACKTEST, null, null);
        }
        if (first.equals("settings") && t.split("\\s+").length == 1) {
            return new Ask(Ask.Kind.SETTINGS, null, null);
        }
        if (first.equals("set")) {
            String[] w = t.split("\\s+");
            if (w.length == 4) {
                return new Ask(Ask.Kind.SET, w[1] + "." + w[2], w[3]);
            }
            if (w.length != 3) {
                throw new BadInput("give a setting and its value", "/nrr health set weight.usage_trend 25");
            }
            return new Ask(Ask.Kind.SET, w[1], w[2]);
        }
        Optional<BusinessFunction> f = BusinessFunction.parse(t);
        if (f.isPresent()) {
            return new Ask(Ask.Kind.FUNCTION, f.get().code(), null);
        }
        return new Ask(Ask.Kind.ACCOUNT, t, null);
    }

    private Reply answer(Ask ask, Invocation in) {
        return switch (ask.kind()) {
            case COMPANY -> company(in);
            case ACCOUNT -> account(ask.subject(), in);
            case FUNCTION -> function(BusinessFunction.parse(ask.subject()).orElseThrow(), in);
            case BACKTEST -> backtest(in);
            case SETTINGS -> settings();
            case SET -> set(ask.subject(), ask.value(), in);
        };
    }

    private Optional<Checkup> checkup() {
        return health.checkup();
    }

    private static Reply noData() {
        return Reply.notice("There is no revenue data yet, so no account to score: an admin imports it first (bin/nrr-bot import).");
    }

    private Reply company(Invocation in) {
        Optional<Checkup> c = checkup();
        if (c.isEmpty()) {
            return noData();
        }
        String viewer = in.viewerId();
        HealthPage page = HealthText.company(c.get(), health.portfolio(), health.model(),
                id -> viewer != null && access.seesAccountAmounts(viewer, id), n -> groupVisible(viewer, n), health.backtestIfReady());
        return reply(page);
    }

    private boolean groupVisible(String viewer, int accounts) {
        return viewer == null ? accounts >= access.policy().minGroupSize() : access.seesGroupAmounts(viewer, accounts);
    }

    private Reply account(String query, Invocation in) {
        Optional<Checkup> c = checkup();
        if (c.isEmpty()) {
            return noData();
        }
        Portfolio p = health.portfolio();
        Ledger ledger = p.ledger();
        Viewer viewer = access.viewer(in.userId());
        List<Integer> found = p.find(query);
        List<Integer> matches = access.policy().seesEveryAccount(viewer) ? found
                : found.stream().limit(20).filter(i -> access.seesAccountAmounts(viewer, ledger.accountId(i))).toList();
        if (matches.isEmpty() && !found.isEmpty()) {
            return Reply.refusal(access.accountAmountsRefusal());
        }
        if (matches.isEmpty()) {
            return Reply.notice("\"" + query + "\" is neither an account nor a function. Try part of an account's name or its"
                    + " exact id, a function (product, support, finance...), backtest or settings.");
        }
        if (matches.size() > 1) {
            List<String> lines = new ArrayList<>();
            for (int i : matches.subList(0, Math.min(10, matches.size()))) {
                lines.add("• " + BlockKit.escape(p.account(i).name()) + " (`" + BlockKit.escape(ledger.accountId(i)) + "`)");
            }
            return new Reply(matches.size() + " accounts match", new BlockKit().list("*" + matches.size() + " accounts match \""
                    + BlockKit.escape(query) + "\".* Ask again with the id, e.g. `/nrr health "
                    + BlockKit.escape(ledger.accountId(matches.get(0))) + "`", lines).build());
        }
        String id = ledger.accountId(matches.get(0));
        Optional<HealthScore> now = c.get().of(id);
        if (now.isEmpty()) {
            return Reply.notice(p.account(id).map(a -> a.name()).orElse(id) + " does not pay in " + YearMonth.from(c.get().asOf())
                    + ", the latest month loaded: health is scored for paying accounts.");
        }
        var model = health.model();
        var book = health.book();
        HealthPage page = HealthText.account(now.get(),
                Checkup.account(p, book, model, c.get().asOf().minusDays(30), id),
                Checkup.account(p, book, model, c.get().asOf().minusDays(90), id), p, c.get().arrCents(id));
        return reply(page);
    }

    private Reply function(BusinessFunction f, Invocation in) {
        Optional<Checkup> c = checkup();
        if (c.isEmpty()) {
            return noData();
        }
        String viewer = in.viewerId();
        return reply(HealthText.function(f, c.get(), health.portfolio(), health.model(),
                id -> viewer != null && access.seesAccountAmounts(viewer, id), n -> groupVisible(viewer, n)));
    }

    private Reply backtest(Invocation in) {
        Role role = access.role(in.userId());
        if (role != Role.ADMIN && role != Role.CS_LEADER) {
            return Reply.refusal("The backtest is for admins and CS leaders. Ask " + access.adminMentions() + ".");
        }
        return reply(HealthText.backtest(health.backtest(), health.model()));
    }

    private Reply settings() {
        return reply(HealthText.settings(health.model(), health.settings().history(10), health.autoFlagsOn()));
    }

    private Reply set(String name, String value, Invocation in) {
        if (!access.isAdmin(in.userId())) {
            return Reply.refusal("Health settings are changed by admins. Ask " + access.adminMentions() + ".");
        }
        String full = name.toLowerCase(Locale.ROOT).startsWith(HealthModel.PREFIX) ? name : HealthModel.PREFIX + name;
        var change = health.settings().set(full, value, "slack:" + in.userId());
        return Reply.notice("Set " + change.name().substring(HealthModel.PREFIX.length()) + " to " + change.newValue()
                + " (was " + (change.oldValue() == null ? "the default" : change.oldValue()) + "). Logged; /nrr health settings lists the changes.");
    }

    /** A page as Block Kit: the heading, then a section per group. */
    static Reply reply(HealthPage page) {
        BlockKit kit = new BlockKit().text("*" + BlockKit.escape(page.heading()) + "*");
        for (HealthPage.Group g : page.groups()) {
            if (g.lines().isEmpty()) {
                kit.text(BlockKit.escape(g.title()));
            } else {
                kit.list("*" + BlockKit.escape(g.title()) + "*", g.lines().stream().map(l -> "• " + BlockKit.escape(l)).toList());
            }
        }
        return new Reply(BlockKit.escape(page.heading()), kit.build());
    }
}
