package dev.nrrbot.readouts.db;

import dev.nrrbot.outbox.OutboxMessage;
import dev.nrrbot.outbox.db.Outbox;
import dev.nrrbot.readouts.ReadoutCalendar;
import dev.nrrbot.readouts.ReadoutStore;
import dev.nrrbot.readouts.Schedule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** {@link ReadoutStore} on the project's database. */
public final class JdbiReadoutStore implements ReadoutStore {

    private final Jdbi jdbi;

    public JdbiReadoutStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Schedule add(Schedule s, Instant now) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO readout_schedule (kind, channel_id, cadence, weekday, at_time,"
                        + " zone, show_names, created_by, created_at, active) VALUES (:k, :c, :cad, :w, :t, :z, :n, :by, :now, TRUE)")
                .bind("k", s.kind().code()).bind("c", s.channelId()).bind("cad", s.cadence().code()).bind("w", s.weekday().name())
                .bind("t", s.at().toString()).bind("z", s.zone().getId()).bind("n", s.showNames()).bind("by", s.createdBy())
                .bind("now", at(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Schedule(id, s.kind(), s.channelId(), s.cadence(), s.weekday(), s.at(), s.zone(), s.showNames(), s.createdBy(), now);
    }

    @Override
    public List<Schedule> active() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, kind, channel_id, cadence, weekday, at_time, zone, show_names, created_by,"
                + " created_at FROM readout_schedule WHERE active ORDER BY id").map((rs, ctx) -> schedule(rs)).list());
    }

    private static Schedule schedule(ResultSet rs) throws SQLException {
        return new Schedule(rs.getLong("id"), Schedule.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getString("channel_id"), Schedule.Cadence.valueOf(rs.getString("cadence").toUpperCase(Locale.ROOT)),
                DayOfWeek.valueOf(rs.getString("weekday")), LocalTime.parse(rs.getString("at_time")), ZoneId.of(rs.getString("zone")),
                rs.getBoolean("show_names"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    @Override
    public boolean deactivate(long id) {
        return jdbi.withHandle(h -> h.execute("UPDATE readout_schedule SET active = FALSE WHERE id = ? AND active", id)) == 1;
    }

    @Override
    public boolean handled(long scheduleId, String periodKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM readout_run WHERE schedule_id = :s AND period_key = :p")
                .bind("s", scheduleId).bind("p", periodKey).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public boolean claim(long scheduleId, ReadoutCalendar.Occurrence o, Instant now, String outcome, Long nrrMicros,
                         List<OutboxMessage> messages) {
        try {
            return jdbi.inTransaction(h -> {
                int inserted = h.execute("INSERT INTO readout_run (schedule_id, period_key, due_at, handled_at, outcome, nrr_micros)"
                                + " SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM readout_run WHERE schedule_id = ? AND period_key = ?)",
                        scheduleId, o.periodKey(), at(o.dueAt()), at(now), outcome, nrrMicros, scheduleId, o.periodKey());
                if (inserted != 1) {
                    return false;
                }
                for (OutboxMessage m : messages) {
                    Outbox.enqueue(h, m, now);
                }
                return true;
            });
        } catch (UnableToExecuteStatementException e) {
            return false; // another instance inserted the same period at the same moment
        }
    }

    @Override
    public Optional<Long> lastPostedNrr(long scheduleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT nrr_micros FROM readout_run WHERE schedule_id = :s AND outcome = 'posted'"
                        + " AND nrr_micros IS NOT NULL ORDER BY due_at DESC").bind("s", scheduleId).setMaxRows(1)
                .map((rs, ctx) -> rs.getLong("nrr_micros")).findFirst());
    }

    @Override
    public Optional<Instant> lastPostedAt(long scheduleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT handled_at FROM readout_run WHERE schedule_id = :s AND outcome = 'posted'"
                        + " ORDER BY handled_at DESC").bind("s", scheduleId).setMaxRows(1)
                .map((rs, ctx) -> rs.getObject("handled_at", OffsetDateTime.class).toInstant()).findFirst());
    }

    @Override
    public List<YearMonth> monthsImportedBetween(Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT ledger_month FROM covered_month WHERE imported_at > :f AND imported_at <= :t"
                        + " ORDER BY ledger_month").bind("f", at(from)).bind("t", at(to))
                .map((rs, ctx) -> YearMonth.from(rs.getObject("ledger_month", LocalDate.class))).list());
    }

    @Override
    public FlagCounts flagCounts(Instant from, Instant to) {
        OffsetDateTime f = at(from);
        OffsetDateTime t = at(to);
        return jdbi.withHandle(h -> {
            int opened = h.createQuery("SELECT COUNT(*) FROM risk_flag WHERE created_at >= :f AND created_at < :t")
                    .bind("f", f).bind("t", t).mapTo(Integer.class).one();
            int resolved = h.createQuery("SELECT COUNT(*) FROM risk_flag WHERE state = 'resolved' AND updated_at >= :f AND updated_at < :t")
                    .bind("f", f).bind("t", t).mapTo(Integer.class).one();
            long saved = h.createQuery("SELECT COALESCE(SUM(arr_cents), 0) FROM risk_flag WHERE state = 'resolved' AND outcome = 'saved'"
                    + " AND updated_at >= :f AND updated_at < :t").bind("f", f).bind("t", t).mapTo(Long.class).one();
            return new FlagCounts(opened, resolved, saved);
        });
    }

    @Override
    public boolean queued(String dedupeKey) {
        return jdbi.withHandle(h -> queued(h, dedupeKey));
    }

    @Override
    public boolean queue(List<OutboxMessage> messages, Instant now) {
        if (messages.isEmpty()) {
            return false;
        }
        String key = messages.get(0).dedupeKey();
        try {
            return jdbi.inTransaction(h -> {
                if (queued(h, key)) {
                    return false;
                }
                for (OutboxMessage m : messages) {
                    Outbox.enqueue(h, m, now);
                }
                return true;
            });
        } catch (UnableToExecuteStatementException e) {
            // another thread or instance queued the same key at the same moment: the unique key let one through
            if (jdbi.withHandle(h -> queued(h, key))) {
                return false;
            }
            throw e;
        }
    }

    private static boolean queued(Handle h, String key) {
        return h.createQuery("SELECT COUNT(*) FROM outbox WHERE dedupe_key = :k").bind("k", key).mapTo(Integer.class).one() > 0;
    }

    private static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
