package dev.nrrbot.flags.db;

import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.FlagAction;
import dev.nrrbot.flags.FlagStore;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.outbox.OutboxMessage;
import dev.nrrbot.outbox.db.Outbox;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link FlagStore} on the project's database: risk_flag, flag_event, function_owner and app_setting. */
public final class JdbiFlagStore implements FlagStore {

    private static final FlagRowMapper FLAGS = new FlagRowMapper();

    private final Jdbi jdbi;

    public JdbiFlagStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Flag create(Flag draft, Instant now, Function<Flag, List<OutboxMessage>> messages) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO risk_flag (account_id, function_code, reason_code, note, arr_cents,"
                            + " renewal_date, state, assignee, flagged_by, created_at, updated_at, nudges, last_nudged_at, version)"
                            + " VALUES (:a, :f, :r, :n, :arr, :ren, :state, :as, :by, :now, :now, :nudges, :last, 0)")
                    .bind("a", draft.accountId()).bind("f", draft.function().code()).bind("r", draft.reasonCode())
                    .bind("n", draft.note()).bind("arr", draft.arrCents()).bind("ren", draft.renewalDate())
                    .bind("state", draft.state().code()).bind("as", draft.assignee()).bind("by", draft.flaggedBy())
                    .bind("now", at(now)).bind("nudges", draft.nudges()).bind("last", at(draft.lastNudgedAt()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Flag flag = read(h, id, false).orElseThrow();
            history(h, id, now, draft.flaggedBy(), FlagAction.FLAG, describe(draft));
            for (OutboxMessage m : messages.apply(flag)) {
                Outbox.enqueue(h, m, now);
            }
            return flag;
        });
    }

    @Override
    public Optional<Flag> change(long id, int expectedVersion, Instant now, String actor, FlagAction action, String detail,
                                 Function<Flag, Optional<Flag>> change, Function<Flag, List<OutboxMessage>> messages) {
        return jdbi.inTransaction(h -> {
            Optional<Flag> current = read(h, id, true);
            if (current.isEmpty() || (expectedVersion >= 0 && current.get().version() != expectedVersion)) {
                return Optional.<Flag>empty();
            }
            Optional<Flag> next = change.apply(current.get());
            if (next.isEmpty()) {
                return Optional.<Flag>empty();
            }
            Flag f = next.get();
            int updated = h.createUpdate("UPDATE risk_flag SET state = :state, snoozed_until = :snooze, outcome = :outcome,"
                            + " outcome_note = :onote, assignee = :assignee, updated_at = :now, nudges = :nudges,"
                            + " last_nudged_at = :last, escalated_at = :esc, version = :version WHERE id = :id AND version = :old")
                    .bind("state", f.state().code()).bind("snooze", at(f.snoozedUntil()))
                    .bind("outcome", f.outcome() == null ? null : f.outcome().code()).bind("onote", f.outcomeNote())
                    .bind("assignee", f.assignee()).bind("now", at(now)).bind("nudges", f.nudges())
                    .bind("last", at(f.lastNudgedAt())).bind("esc", at(f.escalatedAt())).bind("version", f.version())
                    .bind("id", id).bind("old", current.get().version()).execute();
            if (updated != 1) {
                return Optional.<Flag>empty();
            }
            history(h, id, now, actor, action, detail);
            for (OutboxMessage m : messages.apply(f)) {
                Outbox.enqueue(h, m, now);
            }
            return Optional.of(f);
        });
    }

    @Override
    public Optional<Flag> find(long id) {
        return jdbi.withHandle(h -> read(h, id, false));
    }

    @Override
    public List<Flag> active() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + FlagRowMapper.COLUMNS
                + " FROM risk_flag WHERE state <> 'resolved' ORDER BY id").map(FLAGS).list());
    }

    @Override
    public List<Flag> forAccount(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + FlagRowMapper.COLUMNS
                + " FROM risk_flag WHERE account_id = :a ORDER BY id").bind("a", accountId).map(FLAGS).list());
    }

    @Override
    public List<Event> history(long flagId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT flag_id, happened_at, actor, action, detail FROM flag_event"
                        + " WHERE flag_id = :id ORDER BY id").bind("id", flagId)
                .map((rs, ctx) -> new Event(rs.getLong("flag_id"), FlagRowMapper.instant(rs, "happened_at"),
                        rs.getString("actor"), rs.getString("action"), rs.getString("detail"))).list());
    }

    @Override
    public void setOwner(String functionCode, String userId, String by, Instant now) {
        jdbi.useTransaction(h -> {
            h.execute("DELETE FROM function_owner WHERE function_code = ?", functionCode);
            h.execute("INSERT INTO function_owner (function_code, user_id, set_by, set_at) VALUES (?, ?, ?, ?)",
                    functionCode, userId, by, at(now));
        });
    }

    @Override
    public Optional<String> owner(BusinessFunction f) {
        return ownerOf(f.code());
    }

    @Override
    public Optional<String> escalationContact() {
        return ownerOf(ESCALATION);
    }

    private Optional<String> ownerOf(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM function_owner WHERE function_code = :f")
                .bind("f", code).mapTo(String.class).findOne());
    }

    @Override
    public Map<String, String> owners() {
        return jdbi.withHandle(h -> h.createQuery("SELECT function_code, user_id FROM function_owner ORDER BY function_code")
                        .map((rs, ctx) -> Map.entry(rs.getString("function_code"), rs.getString("user_id"))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    @Override
    public void setSetting(String name, String value) {
        jdbi.useTransaction(h -> {
            h.execute("DELETE FROM app_setting WHERE setting_name = ?", name);
            h.execute("INSERT INTO app_setting (setting_name, setting_value) VALUES (?, ?)", name, value);
        });
    }

    @Override
    public Map<String, String> settings() {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_name, setting_value FROM app_setting")
                        .map((rs, ctx) -> Map.entry(rs.getString("setting_name"), rs.getString("setting_value"))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Optional<Flag> read(Handle h, long id, boolean forUpdate) {
        return h.createQuery("SELECT " + FlagRowMapper.COLUMNS + " FROM risk_flag WHERE id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .bind("id", id).map(FLAGS).findOne();
    }

    private static void history(Handle h, long id, Instant now, String actor, FlagAction action, String detail) {
        h.execute("INSERT INTO flag_event (flag_id, happened_at, actor, action, detail) VALUES (?, ?, ?, ?, ?)",
                id, at(now), actor, action.pastTense(), detail);
    }

    /** The first history line: "product, product_gap, ARR 24000: needs SSO". */
    private static String describe(Flag f) {
        return f.function().code() + (f.reasonCode() == null ? "" : ", " + f.reasonCode()) + ", ARR " + f.arrCents() / 100
                + (f.note() == null ? "" : ": " + f.note());
    }

    static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
