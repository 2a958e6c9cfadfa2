package dev.nrrbot.flags.slack;

import com.slack.api.methods.response.views.ViewsOpenResponse;
import dev.nrrbot.access.Access;
import dev.nrrbot.access.Viewer;
import dev.nrrbot.flags.AccountFacts;
import dev.nrrbot.flags.Accounts;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.FlagStore;
import dev.nrrbot.flags.render.FlagBlocks;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.platform.format.Money;
import dev.nrrbot.platform.slack.BadInput;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.slack.Command;
import dev.nrrbot.platform.slack.Invocation;
import dev.nrrbot.platform.slack.Mentions;
import dev.nrrbot.platform.slack.Reply;
import dev.nrrbot.platform.slack.Typos;
import dev.nrrbot.revenue.RevenueStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /nrr owner}, {@code owners}, {@code flag} and {@code flags}. */
public final class FlagCommands {

    private static final Logger log = LoggerFactory.getLogger(FlagCommands.class);
    /** The longest note a flag keeps (the column holds 4,000; Slack shows about 3,000 in a section). */
    public static final int MAX_NOTE = 3_000;

    /** {@code /nrr owner product @dana} or {@code /nrr owner escalation @vp}. */
    public record SetOwner(String function, String userId) {
    }

    /** {@code /nrr owners}. */
    public record Owners() {
    }

    /** {@code /nrr flag ACCOUNT FUNCTION note...}; any part may be missing, and then a modal asks. */
    public record NewFlag(String account, BusinessFunction function, String note) {
        public boolean complete() {
            return account != null && function != null && note != null;
        }
    }

    /** {@code /nrr flags [FUNCTION|mine]}. */
    public record Flags(BusinessFunction function, boolean mine) {
    }

    private final FlagWorkflow flags;
    private final FlagStore flagStore;
    private final Accounts accounts;
    private final Access access;
    private final RevenueStore store;
    private final Clock clock;
    private final Runnable kick;

    /** @param kick wakes the outbox after a change queued messages */
    public FlagCommands(FlagWorkflow flags, FlagStore flagStore, Accounts accounts, Access access, RevenueStore store, Clock clock,
                        Runnable kick) {
        this.flags = flags;
        this.flagStore = flagStore;
        this.accounts = accounts;
        this.access = access;
        this.store = store;
        this.clock = clock;
        this.kick = kick;
    }

    public List<Command<?>> commands() {
        return List.of(
                Command.of("owner", "/nrr owner FUNCTION @person", "who owns a function's part, and gets its flags",
                        FlagCommands::owner, this::setOwner),
                Command.of("owners", "/nrr owners", "every function's owner", rest -> new Owners(), this::owners),
                Command.of("flag", "/nrr flag ACCOUNT FUNCTION note", "flag an account at risk for the function that holds the fix",
                        FlagCommands::flag, this::newFlag).with(Command.Trait.NEEDS_DATA),
                Command.of("flags", "/nrr flags [FUNCTION|mine]", "open flags", FlagCommands::flags, this::list)
                        .with(Command.Trait.NEEDS_DATA));
    }

    static SetOwner owner(String rest) {
        String user = Mentions.user(rest);
        String what = Mentions.withoutMentions(rest).toLowerCase(Locale.ROOT);
        Optional<BusinessFunction> f = BusinessFunction.parse(what);
        if (user == null || (f.isEmpty() && !what.equals("escalation"))) {
            throw new BadInput("Give a function (or escalation) and a person.", "/nrr owner product @dana");
        }
        return new SetOwner(f.map(BusinessFunction::code).orElse("escalation"), user);
    }

    /** The account is the words before the first function name; the note, the words after it. */
    static NewFlag flag(String rest) {
        if (rest.isEmpty()) {
            return new NewFlag(null, null, null);
        }
        String[] words = rest.split(" ");
        for (int i = 0; i < words.length; i++) {
            Optional<BusinessFunction> f = BusinessFunction.parse(words[i]);
            if (f.isPresent() && i > 0) {
                String account = String.join(" ", Arrays.copyOfRange(words, 0, i));
                String note = i + 1 < words.length ? String.join(" ", Arrays.copyOfRange(words, i + 1, words.length)) : null;
                if (note != null && note.length() > MAX_NOTE) {
                    throw new BadInput("That note is " + String.format("%,d", note.length()) + " characters; a flag's note holds "
                            + String.format("%,d", MAX_NOTE) + ". Say what is going on in short, and put the rest in a thread.",
                            "/nrr flag " + Typos.clip(account) + " " + f.get().code() + " champion left, renewal in 30 days");
                }
                return new NewFlag(account, f.get(), note);
            }
        }
        return new NewFlag(rest, null, null);
    }

    static Flags flags(String rest) {
        if (rest.isEmpty()) {
            return new Flags(null, false);
        }
        if (rest.equalsIgnoreCase("mine")) {
            return new Flags(null, true);
        }
        return BusinessFunction.parse(rest).map(f -> new Flags(f, false))
                .orElseThrow(() -> new BadInput("\"" + Typos.clip(rest) + "\" is not a function. Use a function or mine.",
                        "/nrr flags mine"));
    }

    private Reply setOwner(SetOwner o, Invocation in) {
        if (!access.runsReadoutsAndOwners(in.userId())) {
            return Reply.refusal("Only admins and CS leaders set owners. Ask " + access.adminMentions() + ".");
        }
        flagStore.setOwner(o.function(), o.userId(), in.userId(), clock.instant());
        kick.run();
        return Reply.text("Done: <@" + o.userId() + "> is now " + (o.function().equals("escalation") ? "the escalation contact"
                : "the owner of " + BusinessFunction.parse(o.function()).map(BusinessFunction::label).orElse(o.function()))
                + ". Flags for it go to them.");
    }

    private Reply owners(Owners q, Invocation in) {
        Map<String, String> owners = flagStore.owners();
        List<String> lines = new ArrayList<>();
        for (BusinessFunction f : BusinessFunction.values()) {
            lines.add("• " + f.label() + ": " + (owners.containsKey(f.code()) ? "<@" + owners.get(f.code()) + ">" : "_nobody yet_"));
        }
        lines.add("• Escalation contact: " + (owners.containsKey("escalation") ? "<@" + owners.get("escalation") + ">" : "_nobody yet_"));
        return new Reply("Function owners", new BlockKit().list("*Who owns each function's part of NRR*"
                + " (set with `/nrr owner FUNCTION @person`)", lines).build());
    }

    private Reply list(Flags l, Invocation in) {
        String user = in.userId();
        Viewer viewer = access.viewer(user);
        if (!l.mine() && !access.policy().seesEveryAccount(viewer) && viewer.owns().isEmpty()) {
            return Reply.refusal("Flags name accounts at risk, so only admins, CS leaders and function owners see the full list."
                    + " `/nrr flags mine` shows the ones you raised or hold.");
        }
        List<Flag> list = flags.list(l.function(), l.mine() ? user : null);
        String title = "Open flags" + (l.function() == null ? "" : " · " + l.function().label()) + (l.mine() ? " · yours" : "");
        return new Reply(title, FlagBlocks.list(title, list, accounts.names(list), clock.instant(), f -> flags.seesAmounts(f, viewer)));
    }

    /** Flags at once when everything is given; otherwise opens the form with what was given, and answers in one line. */
    private Reply newFlag(NewFlag n, Invocation in) {
        String user = in.userId();
        Optional<AccountFacts> account = n.account() == null ? Optional.empty() : accounts.exact(n.account());
        if (n.complete() && account.isPresent()) {
            Flag f = flags.flag(account.get(), n.function(), null, n.note(), null, null, user);
            kick.run();
            return Reply.text(":triangular_flag_on_post: Flagged *" + BlockKit.escape(account.get().name()) + "* for "
                    + n.function().label() + " (flag #" + f.id() + (flags.seesAmounts(f, user) ? ", ARR at risk "
                    + Money.whole(f.arrCents()) : "") + "). "
                    + (f.assignee() == null ? "Nobody owns " + n.function().label() + " yet: set one with `/nrr owner "
                    + n.function().code() + " @someone`." : "<@" + f.assignee() + "> will hear of it, and you of each change."));
        }
        try {
            boolean amounts = account.isPresent() && (n.function() == null ? access.seesAccountAmounts(user, account.get().id())
                    : access.seesFlagAmounts(user, account.get().id(), n.function(), null));
            ViewsOpenResponse r = in.client().viewsOpen(req -> req.triggerId(in.triggerId()).view(FlagModals.flag(account.orElse(null),
                    n.function(), null, n.note(), store.taxonomy(), amounts, access.searchesAccountIds(user))));
            if (!r.isOk()) {
                log.warn("views.open failed for the flag modal: {}", r.getError());
                return Reply.text("I could not open the flag form (" + r.getError() + "). Use `/nrr flag ACCOUNT FUNCTION note`.");
            }
        } catch (Exception e) {
            log.warn("views.open failed for the flag modal", e);
            return Reply.text("I could not open the flag form. Use `/nrr flag ACCOUNT FUNCTION note`.");
        }
        return Reply.text(n.account() != null && account.isEmpty()
                ? "No account is exactly \"" + BlockKit.escape(n.account()) + "\": pick it in the form."
                : "Fill in the form to flag the account.");
    }
}
