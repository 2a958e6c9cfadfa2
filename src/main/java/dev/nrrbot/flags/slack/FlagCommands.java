package dev.nrrbot.flags.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import dev.nrrbot.access.Role;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.slack.FlagService;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.numbers.render.AnswerBlocks;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.flags.render.FlagBlocks;
import dev.nrrbot.serve.NrrSlackApp;
import dev.nrrbot.numbers.slack.Question;
import dev.nrrbot.platform.slack.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /nrr owner}, {@code owners}, {@code flag} and {@code flags}. */
public final class FlagCommands {

    private static final Logger log = LoggerFactory.getLogger(FlagCommands.class);

    private FlagCommands() {
    }

    public static boolean handles(Question q) {
        return q instanceof Question.SetOwner || q instanceof Question.Owners || q instanceof Question.NewFlag
                || q instanceof Question.Flags;
    }

    /** The answer; a {@code /nrr flag} with something missing opens the modal and answers in one line. */
    public static Reply answer(Question q, String user, String triggerId, MethodsClient client, NrrSlackApp.Services s) {
        FlagService flags = s.flags();
        if (q instanceof Question.SetOwner o) {
            Role role = s.access().role(user);
            if (role != Role.ADMIN && role != Role.CS_LEADER) {
                return Reply.text("Only admins and CS leaders set owners. Ask " + s.access().adminMentions() + ".");
            }
            flags.store().setOwner(o.function(), o.userId(), user, s.clock().instant());
            s.kick().run();
            return Reply.text("Done: <@" + o.userId() + "> is now " + (o.function().equals("escalation") ? "the escalation contact"
                    : "the owner of " + BusinessFunction.parse(o.function()).map(BusinessFunction::label).orElse(o.function()))
                    + ". Flags for it go to them.");
        }
        if (q instanceof Question.Owners) {
            Map<String, String> owners = flags.store().owners();
            List<String> lines = new ArrayList<>();
            for (BusinessFunction f : BusinessFunction.values()) {
                lines.add("• " + f.label() + ": " + (owners.containsKey(f.code()) ? "<@" + owners.get(f.code()) + ">" : "_nobody yet_"));
            }
            lines.add("• Escalation contact: " + (owners.containsKey("escalation") ? "<@" + owners.get("escalation") + ">" : "_nobody yet_"));
            return new Reply("Function owners", new BlockKit().list("*Who owns each function's part of NRR*"
                    + " (set with `/nrr owner FUNCTION @person`)", lines).build());
        }
        if (q instanceof Question.Flags l) {
            if (!l.mine() && !s.access().canSeeAccounts(user)) {
                return Reply.text("Flags name accounts and their ARR, so only admins, CS leaders and function owners see the full list."
                        + " `/nrr flags mine` shows the ones you raised or hold.");
            }
            List<Flag> list = flags.list(l.function(), l.mine() ? user : null);
            String title = "Open flags" + (l.function() == null ? "" : " · " + l.function().label()) + (l.mine() ? " · yours" : "");
            return new Reply(title, FlagBlocks.list(title, list, flags.names(list), s.clock().instant()));
        }
        Question.NewFlag n = (Question.NewFlag) q;
        Optional<FlagService.AccountFacts> account = n.account() == null ? Optional.empty() : flags.exact(n.account());
        if (n.complete() && account.isPresent()) {
            Flag f = flags.flag(account.get(), n.function(), null, n.note(), null, null, user);
            s.kick().run();
            return Reply.text(":triangular_flag_on_post: Flagged *" + BlockKit.escape(account.get().name()) + "* for "
                    + n.function().label() + " (flag #" + f.id() + ", ARR at risk " + flags.money(f.arrCents()) + "). "
                    + (f.assignee() == null ? "Nobody owns " + n.function().label() + " yet: set one with `/nrr owner "
                    + n.function().code() + " @someone`." : "<@" + f.assignee() + "> will hear of it, and you of each change."));
        }
        try {
            ViewsOpenResponse r = client.viewsOpen(req -> req.triggerId(triggerId).view(FlagModals.flag(account.orElse(null),
                    n.function(), null, n.note(), s.store().taxonomy())));
            if (!r.isOk()) {
                log.warn("views.open failed for the flag modal: {}", r.getError());
                return Reply.text("I could not open the flag form (" + r.getError() + "). Use `/nrr flag ACCOUNT FUNCTION note`.");
            }
        } catch (Exception e) {
            log.warn("views.open failed for the flag modal: {}", e.toString());
            return Reply.text("I could not open the flag form. Use `/nrr flag ACCOUNT FUNCTION note`.");
        }
        return Reply.text(n.account() != null && account.isEmpty()
                ? "No account is exactly \"" + BlockKit.escape(n.account()) + "\": pick it in the form."
                : "Fill in the form to flag the account.");
    }

    static Reply notice(String text) {
        return new Reply(text, AnswerBlocks.notice(text));
    }
}
