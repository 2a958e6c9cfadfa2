package dev.nrrbot.flags.slack;

import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.nrrbot.flags.AccountFacts;
import dev.nrrbot.flags.Accounts;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.FlagChange;
import dev.nrrbot.flags.FlagToken;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.ReasonCode;
import dev.nrrbot.flags.render.FlagBlocks;
import dev.nrrbot.revenue.RevenueStore;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flag flow's buttons, pickers and modals. Each button carries the flag's id and version, so a
 * double click or Slack's retry of a click moves the flag once.
 */
public final class FlagActions {

    private static final Logger log = LoggerFactory.getLogger(FlagActions.class);

    private final FlagWorkflow flags;
    private final Accounts accounts;
    private final ReasonCapture reasons;
    private final RevenueStore store;
    private final Runnable kick;

    /** @param kick wakes the outbox after a change queued messages */
    public FlagActions(FlagWorkflow flags, Accounts accounts, ReasonCapture reasons, RevenueStore store, Runnable kick) {
        this.flags = flags;
        this.accounts = accounts;
        this.reasons = reasons;
        this.store = store;
        this.kick = kick;
    }

    public void register(App app) {
        app.blockAction(FlagBlocks.ACK, (req, ctx) -> {
            act(req.getPayload().getActions().get(0).getValue(), req.getPayload().getUser().getId(), FlagChange.acknowledge(),
                    req.getPayload().getResponseUrl());
            return ctx.ack();
        });
        app.blockAction(FlagBlocks.SNOOZE, (req, ctx) -> {
            act(req.getPayload().getActions().get(0).getValue(), req.getPayload().getUser().getId(), FlagChange.snooze(),
                    req.getPayload().getResponseUrl());
            return ctx.ack();
        });
        app.blockAction(FlagBlocks.REASSIGN, (req, ctx) -> {
            var action = req.getPayload().getActions().get(0);
            String token = action.getBlockId() == null ? "" : action.getBlockId().replaceFirst("^flag:", "");
            act(token, req.getPayload().getUser().getId(), FlagChange.reassign(action.getSelectedUser()),
                    req.getPayload().getResponseUrl());
            return ctx.ack();
        });
        app.blockAction(FlagBlocks.RESOLVE, (req, ctx) -> {
            String token = req.getPayload().getActions().get(0).getValue();
            Optional<Flag> f = flags.find(token);
            if (f.isPresent() && f.get().isActive()) {
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
            act(meta[0], req.getPayload().getUser().getId(), FlagChange.resolve(outcome.get(), value(v, "note")),
                    meta.length > 1 && !meta[1].isEmpty() ? meta[1] : null);
            return ctx.ack();
        });
        app.blockSuggestion(FlagModals.ACCOUNT_SELECT, (req, ctx) -> {
            List<Option> options = new ArrayList<>();
            for (AccountFacts a : accounts.search(req.getPayload().getValue(), 50)) {
                var o = FlagModals.accountOption(a);
                options.add(Option.builder().text((PlainTextObject) o.getText()).value(o.getValue()).build());
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
            View updated = FlagModals.flag(a.orElse(null), f, selected(v, "reason"), value(v, "note"), store.taxonomy());
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
            flags.flag(account.get(), function.get(), selected(v, "reason"), note.trim(), arr,
                    FlagModals.date(date(v, "renewal")), req.getPayload().getUser().getId());
            kick.run();
            return ctx.ack();
        });
        app.blockAction(FlagBlocks.SET_REASON, (req, ctx) -> {
            String value = req.getPayload().getActions().get(0).getValue();
            String[] parts = value.split("\\|", 2);
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
            String reasonNote = value(v, "note");
            if (reasonNote != null && reasonNote.length() > FlagCommands.MAX_NOTE) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of("note", "Keep it to "
                        + String.format("%,d", FlagCommands.MAX_NOTE) + " characters")));
            }
            reasons.answer(parts[0], YearMonth.parse(parts[1]), code.get(), value(v, "note"), req.getPayload().getUser().getId());
            return ctx.ack();
        });
    }

    private void act(String token, String user, FlagChange change, String responseUrl) {
        Optional<Flag> changed = flags.act(token, user, change, responseUrl);
        if (changed.isPresent()) {
            kick.run();
        } else {
            log.info("flag action '{}' on {} changed nothing (already done, or a repeated click)", change.action().pastTense(),
                    FlagToken.parse(token).map(FlagToken::toString).orElse("a button that is not a flag's"));
        }
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

    private static ViewState.Value field(Map<String, Map<String, ViewState.Value>> v, String block) {
        Map<String, ViewState.Value> b = v == null ? null : v.get(block);
        return b == null || b.isEmpty() ? null : b.values().iterator().next();
    }

    static String selected(Map<String, Map<String, ViewState.Value>> v, String block) {
        ViewState.Value f = field(v, block);
        return f == null || f.getSelectedOption() == null ? null : f.getSelectedOption().getValue();
    }

    static String value(Map<String, Map<String, ViewState.Value>> v, String block) {
        ViewState.Value f = field(v, block);
        return f == null ? null : f.getValue();
    }

    static String date(Map<String, Map<String, ViewState.Value>> v, String block) {
        ViewState.Value f = field(v, block);
        return f == null ? null : f.getSelectedDate();
    }
}
