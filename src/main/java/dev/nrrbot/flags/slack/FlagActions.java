package dev.nrrbot.flags.slack;

import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.nrrbot.access.Access;
import dev.nrrbot.flags.AccountFacts;
import dev.nrrbot.flags.Accounts;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.FlagChange;
import dev.nrrbot.flags.FlagToken;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.flags.render.FlagBlocks;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.revenue.RevenueStore;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import static dev.nrrbot.flags.slack.FormValues.date;
import static dev.nrrbot.flags.slack.FormValues.selected;
import static dev.nrrbot.flags.slack.FormValues.value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flag flow's buttons, pickers and modals. Each button carries the flag's id and version, so a
 * double click or Slack's retry of a click moves the flag once.
 */
public final class FlagActions {

    private static final Logger log = LoggerFactory.getLogger(FlagActions.class);

    /** Fewer characters than this find no account for those who search by name only. */
    static final int MIN_NAME_SEARCH = 3;

    private final FlagWorkflow flags;
    private final Accounts accounts;
    private final ReasonCapture reasons;
    private final RevenueStore store;
    private final Access access;
    private final Predicate<String> seen;
    private final Runnable kick;

    /**
     * @param seen true the first time a form's key is seen, on any instance (a double submit makes one flag)
     * @param kick wakes the outbox after a change queued messages
     */
    public FlagActions(FlagWorkflow flags, Accounts accounts, ReasonCapture reasons, RevenueStore store, Access access,
                       Predicate<String> seen, Runnable kick) {
        this.flags = flags;
        this.accounts = accounts;
        this.reasons = reasons;
        this.store = store;
        this.access = access;
        this.seen = seen;
        this.kick = kick;
    }

    public void register(App app) {
        app.blockAction(FlagBlocks.ACK, (req, ctx) -> {
            act(req.getPayload().getActions().get(0).getValue(), ctx.getRequestUserId(), FlagChange.acknowledge(), ctx);
            return ctx.ack();
        });
        app.blockAction(FlagBlocks.SNOOZE, (req, ctx) -> {
            act(req.getPayload().getActions().get(0).getValue(), ctx.getRequestUserId(), FlagChange.snooze(), ctx);
            return ctx.ack();
        });
        app.blockAction(FlagBlocks.REASSIGN, (req, ctx) -> {
            var action = req.getPayload().getActions().get(0);
            String token = action.getBlockId() == null ? "" : action.getBlockId().replaceFirst("^flag:", "");
            act(token, ctx.getRequestUserId(), FlagChange.reassign(action.getSelectedUser()), ctx);
            return ctx.ack();
        });
        app.blockAction(FlagBlocks.RESOLVE_RECOVERED, (req, ctx) -> {
            act(req.getPayload().getActions().get(0).getValue(), ctx.getRequestUserId(),
                    FlagChange.resolve(Flag.Outcome.SAVED, "signals recovered"), ctx);
            return ctx.ack();
        });
        app.blockAction(FlagBlocks.RESOLVE, (req, ctx) -> {
            String token = req.getPayload().getActions().get(0).getValue();
            Optional<Flag> f = flags.find(token);
            if (f.isPresent() && !flags.mayChange(f.get(), ctx.getRequestUserId())) {
                tellOnly(ctx, refusal(f.get()));
            } else if (f.isPresent() && f.get().isActive()) {
                String metadata = token + "\n" + (req.getPayload().getResponseUrl() == null ? "" : req.getPayload().getResponseUrl());
                open(ctx.client(), req.getPayload().getTriggerId(), FlagModals.resolve(f.get(),
                        accounts.name(f.get().accountId()), metadata));
            }
            return ctx.ack();
        });
        app.viewSubmission(FlagModals.RESOLVE, (req, ctx) -> {
            String[] meta = req.getPayload().getView().getPrivateMetadata().split("\n", 2);
            Map<String, Map<String, ViewState.Value>> v = req.getPayload().getView().getState().getValues();
            Optional<Flag.Outcome> outcome = Flag.Outcome.parse(selected(v, "outcome"));
            if (outcome.isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of("outcome", "Choose saved, lost or other")));
            }
            String resolveNote = value(v, "note");
            if (resolveNote != null && resolveNote.length() > FlagCommands.MAX_NOTE) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of("note", "Keep it to "
                        + String.format("%,d", FlagCommands.MAX_NOTE) + " characters")));
            }
            Optional<Flag> f = flags.find(meta[0]);
            if (f.isPresent() && !flags.mayChange(f.get(), ctx.getRequestUserId())) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of("outcome", BlockKit.clip(plain(refusal(f.get())), 150))));
            }
            Optional<Flag> changed = flags.act(meta[0], ctx.getRequestUserId(), FlagChange.resolve(outcome.get(), value(v, "note")),
                    meta.length > 1 && !meta[1].isEmpty() ? meta[1] : null);
            changed.ifPresent(x -> kick.run());
            return ctx.ack();
        });
        app.blockSuggestion(FlagModals.ACCOUNT_SELECT, (req, ctx) -> {
            // anyone may flag, so anyone may find an account; only those who may search by id see ids and long lists
            boolean full = access.searchesAccountIds(ctx.getRequestUserId());
            String typed = req.getPayload().getValue() == null ? "" : req.getPayload().getValue().trim();
            List<Option> options = new ArrayList<>();
            if (full || typed.length() >= MIN_NAME_SEARCH) {
                for (AccountFacts a : full ? accounts.search(typed, 50) : accounts.searchNames(typed, 10)) {
                    var o = full ? FlagModals.accountOption(a) : FlagModals.accountNameOption(a);
                    options.add(Option.builder().text((PlainTextObject) o.getText()).value(o.getValue()).build());
                }
            }
            return ctx.ack(r -> r.options(options));
        });
        // picking the account fills ARR at risk and the renewal date from the data
        app.blockAction(FlagModals.ACCOUNT_SELECT, (req, ctx) -> {
            View view = req.getPayload().getView();
            String id = req.getPayload().getActions().get(0).getSelectedOption().getValue();
            Map<String, Map<String, ViewState.Value>> v = view.getState().getValues();
            Optional<AccountFacts> a = accounts.facts(id);
            BusinessFunction f = BusinessFunction.parse(selected(v, "function")).orElse(null);
            boolean amounts = a.isPresent() && (f == null ? access.seesAccountAmounts(ctx.getRequestUserId(), id)
                    : access.seesFlagAmounts(ctx.getRequestUserId(), id, f, null));
            View updated = FlagModals.flag(a.orElse(null), f, selected(v, "reason"), value(v, "note"), store.taxonomy(), amounts,
                    access.searchesAccountIds(ctx.getRequestUserId()));
            try {
                var r = ctx.client().viewsUpdate(u -> u.viewId(view.getId()).hash(view.getHash()).view(updated));
                if (!r.isOk()) {
                    log.warn("views.update failed: {}", r.getError());
                }
            } catch (Exception e) {
                log.warn("views.update failed", e);
            }
            return ctx.ack();
        });
        app.viewSubmission(FlagModals.FLAG, (req, ctx) -> {
            Map<String, Map<String, ViewState.Value>> v = req.getPayload().getView().getState().getValues();
            Map<String, String> errors = new HashMap<>();
            Optional<AccountFacts> account = Optional.ofNullable(selected(v, "account")).flatMap(accounts::facts);
            if (account.isEmpty()) {
                errors.put("account", "Pick an account from the list");
            }
            Optional<BusinessFunction> function = BusinessFunction.parse(selected(v, "function"));
            if (function.isEmpty()) {
                errors.put("function", "Choose the function that holds the fix");
            }
            Long arr = null;
            try {
                arr = FlagModals.cents(value(v, "arr"));
            } catch (IllegalArgumentException e) {
                errors.put("arr", e.getMessage());
            }
            String note = value(v, "note");
            if (note == null || note.isBlank()) {
                errors.put("note", "Say what is going on, so the owner can act");
            } else if (note.length() > FlagCommands.MAX_NOTE) {
                errors.put("note", "Keep it to " + String.format("%,d", FlagCommands.MAX_NOTE) + " characters (this is "
                        + String.format("%,d", note.length()) + ")");
            }
            if (!errors.isEmpty()) {
                return ctx.ack(r -> r.responseAction("errors").errors(errors));
            }
            String once = "view:" + req.getPayload().getView().getId();
            if (!seen.test(once)) {
                return ctx.ack(); // the same form submitted twice: one flag
            }
            flags.flag(account.get(), function.get(), selected(v, "reason"), note.trim(), arr,
                    FlagModals.date(date(v, "renewal")), ctx.getRequestUserId());
            kick.run();
            return ctx.ack();
        });
        app.blockAction(FlagBlocks.SET_REASON, (req, ctx) -> {
            String value = req.getPayload().getActions().get(0).getValue();
            String[] parts = value.split("\\|", 2);
            Optional<String> refusal = reasonRefusal(parts, ctx.getRequestUserId());
            if (refusal.isPresent()) {
                tellOnly(ctx, refusal.get());
                return ctx.ack();
            }
            String name = accounts.name(parts[0]);
            open(ctx.client(), req.getPayload().getTriggerId(), FlagModals.reason(name, parts.length > 1 ? parts[1] : "", "churn or contract",
                    store.taxonomy(), value));
            return ctx.ack();
        });
        app.viewSubmission(FlagModals.REASON, (req, ctx) -> {
            String[] parts = req.getPayload().getView().getPrivateMetadata().split("\\|", 2);
            Map<String, Map<String, ViewState.Value>> v = req.getPayload().getView().getState().getValues();
            Optional<ReasonCode> code = store.taxonomy().byCode(selected(v, "reason"))
                    .filter(c -> c.polarity() == ReasonCode.Polarity.REASON);
            if (code.isEmpty() || parts.length < 2) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of("reason", "Choose a reason from the list")));
            }
            Optional<String> refusal = reasonRefusal(parts, ctx.getRequestUserId());
            if (refusal.isPresent()) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of("reason", BlockKit.clip(plain(refusal.get()), 150))));
            }
            String reasonNote = value(v, "note");
            if (reasonNote != null && reasonNote.length() > FlagCommands.MAX_NOTE) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of("note", "Keep it to "
                        + String.format("%,d", FlagCommands.MAX_NOTE) + " characters")));
            }
            reasons.answer(parts[0], YearMonth.parse(parts[1]), code.get(), value(v, "note"), ctx.getRequestUserId());
            return ctx.ack();
        });
    }

    /** A button's change, by whoever pressed it, if the policy lets them; else they alone hear why not. */
    private void act(String token, String user, FlagChange change, ActionContext ctx) {
        Optional<Flag> current = flags.find(token);
        if (current.isPresent() && !flags.mayChange(current.get(), user)) {
            log.info("flag #{}: a {} by someone who may not change it was refused", current.get().id(), change.action().pastTense());
            tellOnly(ctx, refusal(current.get()));
            return;
        }
        Optional<Flag> changed = flags.act(token, user, change, ctx.getResponseUrl());
        if (changed.isPresent()) {
            kick.run();
        } else {
            log.info("flag action '{}' on {} changed nothing (already done, or a repeated click)", change.action().pastTense(),
                    FlagToken.parse(token).map(FlagToken::toString).orElse("a button that is not a flag's"));
        }
    }

    private String refusal(Flag f) {
        return "Only the flag's assignee" + (f.assignee() == null ? "" : " (<@" + f.assignee() + ">)")
                + ", the escalation contact, a CS leader or an admin can change flag #" + f.id() + ". Ask "
                + (f.assignee() == null ? access.adminMentions() : "<@" + f.assignee() + ">") + " if it needs doing.";
    }

    /** Empty when {@code user} may set the reason of the movement in {@code parts} (account, month); else why not. */
    private Optional<String> reasonRefusal(String[] parts, String user) {
        YearMonth month;
        try {
            month = parts.length < 2 ? null : YearMonth.parse(parts[1]);
        } catch (java.time.format.DateTimeParseException e) {
            month = null;
        }
        if (month == null) {
            return Optional.of("This button no longer says which movement it is about. Ask a CS leader to set the reason.");
        }
        Optional<String> asked = reasons.asked(parts[0], month);
        return access.setsReason(user, asked.orElse(null)) ? Optional.empty()
                : Optional.of("Only " + asked.map(u -> "<@" + u + ">, who was asked,").orElse("the person asked")
                + " or a CS leader or admin can set this reason: it moves contributions, scorecards and pay. Ask "
                + access.adminMentions() + " if it needs changing.");
    }

    /** A sentence for the person who pressed a button, and nobody else. */
    private static void tellOnly(ActionContext ctx, String mrkdwn) {
        try {
            if (ctx.getResponseUrl() != null) {
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(dev.nrrbot.platform.format.Mrkdwn.guard(mrkdwn)));
            }
        } catch (Exception e) {
            log.warn("could not tell someone why a button did nothing", e);
        }
    }

    /** A refusal as plain text for a form's field error (mentions do not render there). */
    private static String plain(String mrkdwn) {
        return mrkdwn.replaceAll("<@([A-Z0-9]+)>", "that person").replace("`", "");
    }

    private static void open(MethodsClient client, String trigger, View view) {
        try {
            var r = client.viewsOpen(req -> req.triggerId(trigger).view(view));
            if (!r.isOk()) {
                log.warn("views.open failed: {}", r.getError());
            }
        } catch (Exception e) {
            log.warn("views.open failed", e);
        }
    }
}
