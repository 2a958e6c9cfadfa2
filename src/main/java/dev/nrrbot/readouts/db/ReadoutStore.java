package dev.nrrbot.readouts.db;

import dev.nrrbot.readouts.ReadoutCalendar;
import dev.nrrbot.readouts.Schedule;

import dev.nrrbot.outbox.db.Outbox;
import dev.nrrbot.outbox.OutboxMessage;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Schedules, the record of each period's post, and what the readouts count from the database. */
public final class ReadoutStore {

    private final Jdbi jdbi;

    public ReadoutStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Schedule add(Schedule s, Instant now) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO readout_schedule (kind, channel_id, cadence, weekday, at_time,"
                        + " zone, show_names, created_by, created_at, active) VALUES (:k, :c, :cad, :w, :t, :z, :n, :by, :now, TRUE)")
                .bind("k", s.kind().code()).bind("c", s.channelId()).bind("cad", s.cadence().code()).bind("w", s.weekday().name())
                .bind("t", s.at().toString()).bind("z", s.zone().getId()).bind("n", s.showNames()).bind("by", s.createdBy())
                .bind("now", now.atOffset(ZoneOffset.UTC)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Schedule(id, s.kind(), s.channelId(), s.cadence(), s.weekday(), s.at(), s.zone(), s.showNames(), s.createdBy(), now);
    }

    public List<Schedule> active() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, kind, channel_id, cadence, weekday, at_time, zone, show_names, created_by,"
                + " created_at FROM readout_schedule WHERE active ORDER BY id").map((rs, ctx) -> new Schedule(rs.getLong(1),
                Schedule.Kind.valueOf(rs.getString(2).toUpperCase()), rs.getString(3), Schedule.Cadence.valueOf(rs.getString(4).toUpperCase()),
                DayOfWeek.valueOf(rs.getString(5)), LocalTime.parse(rs.getString(6)), ZoneId.of(rs.getString(7)), rs.getBoolean(8),
                rs.getString(9), rs.getObject(10, OffsetDateTime.class).toInstant())).list());
    }

    /** Stops a schedule; false when there is no active schedule with that id. */
    public boolean deactivate(long id) {
        return jdbi.withHandle(h -> h.execute("UPDATE readout_schedule SET active = FALSE WHERE id = ? AND active", id)) == 1;
    }

    public boolean handled(long scheduleId, String periodKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM readout_run WHERE schedule_id = :s AND period_key = :p")
                .bind("s", scheduleId).bind("p", periodKey).mapTo(Integer.class).one()) > 0;
    }

    /**
     * Records the period as handled and queues its messages, in one transaction. False when this period
     * was handled already, here or by another instance: its primary key lets only one through.
     */
    public boolean claim(long scheduleId, ReadoutCalendar.Occurrence o, Instant now, String outcome, Long nrrMicros,
                         List<OutboxMessage> messages) {
        try {
            return jdbi.inTransaction(h -> {
                int inserted = h.execute("INSERT INTO readout_run (schedule_id, period_key, due_at, handled_at, outcome, nrr_micros)"
                                + " SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM readout_run WHERE schedule_id = ? AND period_key = ?)",
                        scheduleId, o.periodKey(), o.dueAt().atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), outcome, nrrMicros,
                        scheduleId, o.periodKey());
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

    /** The NRR the schedule posted most recently, for "change against last week". */
    public Optional<Long> lastPostedNrr(long scheduleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT nrr_micros FROM readout_run WHERE schedule_id = :s AND outcome = 'posted'"
                        + " AND nrr_micros IS NOT NULL ORDER BY due_at DESC").bind("s", scheduleId).setMaxRows(1)
                .mapTo(Long.class).findFirst());
    }

    /** Months whose data arrived in (from, to]: what moved "this week". */
    public List<YearMonth> monthsImportedBetween(Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT ledger_month FROM covered_month WHERE imported_at > :f AND imported_at <= :t"
                        + " ORDER BY ledger_month").bind("f", from.atOffset(ZoneOffset.UTC)).bind("t", to.atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> YearMonth.from(rs.getObject(1, LocalDate.class))).list());
    }

    /** Flags opened, flags resolved, and the ARR of those resolved as saved, between two instants. */
    public record FlagCounts(int opened, int resolved, long savedArrCents) {
    }

    public FlagCounts flagCounts(Instant from, Instant to) {
        OffsetDateTime f = from.atOffset(ZoneOffset.UTC);
        OffsetDateTime t = to.atOffset(ZoneOffset.UTC);
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
}
