package dev.nrrbot.flags.db;

import dev.nrrbot.flags.Flag;
import dev.nrrbot.metrics.BusinessFunction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of risk_flag, read by column name. */
final class FlagRowMapper implements RowMapper<Flag> {

    /** The columns it reads, for SELECT lists. */
    static final String COLUMNS = "id, account_id, function_code, reason_code, note, arr_cents, renewal_date, state,"
            + " snoozed_until, outcome, outcome_note, assignee, flagged_by, created_at, updated_at, nudges, last_nudged_at,"
            + " escalated_at, version";

    @Override
    public Flag map(ResultSet rs, StatementContext ctx) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Flag(
                rs.getLong("id"),
                rs.getString("account_id"),
                BusinessFunction.parse(rs.getString("function_code")).orElseThrow(),
                rs.getString("reason_code"),
                rs.getString("note"),
                rs.getLong("arr_cents"),
                rs.getObject("renewal_date", LocalDate.class),
                Flag.State.of(rs.getString("state")),
                instant(rs, "snoozed_until"),
                outcome == null ? null : Flag.Outcome.parse(outcome).orElse(null),
                rs.getString("outcome_note"),
                rs.getString("assignee"),
                rs.getString("flagged_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getInt("nudges"),
                instant(rs, "last_nudged_at"),
                instant(rs, "escalated_at"),
                rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
