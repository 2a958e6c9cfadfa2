package dev.nrrbot.flags.db;

import dev.nrrbot.flags.Flag;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.outbox.db.Outbox;
import dev.nrrbot.outbox.OutboxMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Flags, their history, owners and settings. Every change is written with its history line and the
 * messages it causes in one transaction; a change carries the version it expects, so a stale button
 * changes nothing.
 */
public final class FlagStore {

    /** One line of a flag's history. */
    public record Event(long flagId, Instant at, String actor, String action, String detail) {
    }

    private static final String COLUMNS = "id, account_id, function_code, reason_code, note, arr_cents, renewal_date, state,"
            + " snoozed_until, outcome, outcome_note, assignee, flagged_by, created_at, updated_at, nudges, last_nudged_at,"
            + " escalated_at, version";
    public static final String ESCALATION = "escalation";

    private final Jdbi jdbi;

    public FlagStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Saves a new flag with its first history line and the messages built for it (which need its id). */
    public Flag create(Flag draft, Instant now, Function<Flag, List<OutboxMessage>> messages) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO risk_flag (account_id, function_code, reason_code, note, arr_cents,"
                            + " renewal_date, state, assignee, flagged_by, created_at, updated_at, nudges, last_nudged_at, version)"
                            + " VALUES (:a, :f, :r, :n, :arr, :ren, 'open', :as, :by, :now, :now, :nudges, :last, 0)")
                    .bind("a", draft.accountId()).bind("f", draft.function().code()).bind("r", draft.reasonCode())
                    .bind("n", draft.note()).bind("arr", draft.arrCents()).bind("ren", draft.renewalDate())
                    .bind("as", draft.assignee()).bind("by", draft.flaggedBy()).bind("now", at(now))
                    .bind("nudges", draft.assignee() == null ? 0 : 1).bind("last", draft.assignee() == null ? null : at(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Flag flag = read(h, id).orElseThrow();
            history(h, id, now, draft.flaggedBy(), "flagged", describe(draft));
            for (OutboxMessage m : messages.apply(flag)) {
                Outbox.enqueue(h, m, now);
            }
            return flag;
        });
    }

    /**
     * Applies {@code change} to flag {@code id} if it is still at {@code expectedVersion} (any version
     * when negative). Returns the changed flag, or empty when it was stale or the change did not apply.
     */
    public Optional<Flag> change(long id, int expectedVersion, Instant now, String actor, String action, String detail,
                                 Function<Flag, Optional<Flag>> change, Function<Flag, List<OutboxMessage>> messages) {
        return jdbi.inTransaction(h -> {
            Optional<Flag> current = h.createQuery("SELECT " + COLUMNS + " FROM risk_flag WHERE id = :id FOR UPDATE")
                    .bind("id", id).map((rs, ctx) -> FlagRows.flag(rs)).findOne();
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

    public Optional<Flag> find(long id) {
        return jdbi.withHandle(h -> read(h, id));
    }

    /** Flags not resolved yet, oldest first. */
    public List<Flag> active() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM risk_flag WHERE state <> 'resolved' ORDER BY id")
                .map((rs, ctx) -> FlagRows.flag(rs)).list());
    }

    public List<Flag> forAccount(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM risk_flag WHERE account_id = :a ORDER BY id")
                .bind("a", accountId).map((rs, ctx) -> FlagRows.flag(rs)).list());
    }

    public List<Event> history(long flagId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT flag_id, happened_at, actor, action, detail FROM flag_event"
                        + " WHERE flag_id = :id ORDER BY id").bind("id", flagId)
                .map((rs, ctx) -> new Event(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list());
    }

    /** Sets the owner of a function, or the escalation contact with {@link #ESCALATION}. */
    public void setOwner(String functionCode, String userId, String by, Instant now) {
        jdbi.useTransaction(h -> {
            h.execute("DELETE FROM function_owner WHERE function_code = ?", functionCode);
            h.execute("INSERT INTO function_owner (function_code, user_id, set_by, set_at) VALUES (?, ?, ?, ?)",
                    functionCode, userId, by, at(now));
        });
    }

    public Optional<String> owner(BusinessFunction f) {
        return ownerOf(f.code());
    }

    public Optional<String> escalationContact() {
        return ownerOf(ESCALATION);
    }

    private Optional<String> ownerOf(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM function_owner WHERE function_code = :f")
                .bind("f", code).mapTo(String.class).findOne());
    }

    /** Every owner, by function code (and "escalation"). */
    public Map<String, String> owners() {
        return jdbi.withHandle(h -> h.createQuery("SELECT function_code, user_id FROM function_owner ORDER BY function_code")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
    }

    public void setSetting(String name, String value) {
        jdbi.useTransaction(h -> {
            h.execute("DELETE FROM app_setting WHERE setting_name = ?", name);
            h.execute("INSERT INTO app_setting (setting_name, setting_value) VALUES (?, ?)", name, value);
        });
    }

    public Map<String, String> settings() {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_name, setting_value FROM app_setting")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Optional<Flag> read(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM risk_flag WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> FlagRows.flag(rs)).findOne();
    }

    private static void history(Handle h, long id, Instant now, String actor, String action, String detail) {
        h.execute("INSERT INTO flag_event (flag_id, happened_at, actor, action, detail) VALUES (?, ?, ?, ?, ?)",
                id, at(now), actor, action, detail);
    }

    private static String describe(Flag f) {
        return f.function().code() + (f.reasonCode() == null ? "" : ", " + f.reasonCode()) + ", ARR " + f.arrCents() / 100
                + (f.note() == null ? "" : ": " + f.note());
    }

    static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    /** Reads a row of risk_flag. */
    static final class FlagRows {
        static Flag flag(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Flag(rs.getLong(1), rs.getString(2), BusinessFunction.parse(rs.getString(3)).orElseThrow(),
                    rs.getString(4), rs.getString(5), rs.getLong(6), rs.getObject(7, LocalDate.class),
                    Flag.State.of(rs.getString(8)), instant(rs, 9),
                    rs.getString(10) == null ? null : Flag.Outcome.parse(rs.getString(10)).orElse(null), rs.getString(11),
                    rs.getString(12), rs.getString(13), instant(rs, 14), instant(rs, 15), rs.getInt(16), instant(rs, 17),
                    instant(rs, 18), rs.getInt(19));
        }

        private static Instant instant(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
            OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
    }
}
