package dev.nrrbot.health.db;

import dev.nrrbot.health.AutoFlagStore;
import dev.nrrbot.health.HealthComponent;
import dev.nrrbot.metrics.BusinessFunction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** {@link AutoFlagStore} in the auto_flag table. */
public final class JdbiAutoFlagStore implements AutoFlagStore {

    private final Jdbi jdbi;

    public JdbiAutoFlagStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Open> open() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, flag_id, account_id, function_code, components, evidence,"
                        + " recovered_since, resolve_offered_at FROM auto_flag WHERE open_key IS NOT NULL ORDER BY id")
                .map((rs, ctx) -> new Open(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2), rs.getString(3),
                        BusinessFunction.parse(rs.getString(4)).orElseThrow(), parts(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getObject(8, OffsetDateTime.class) == null ? null : rs.getObject(8, OffsetDateTime.class).toInstant()))
                .list());
    }

    private static Set<HealthComponent> parts(String codes) {
        Set<HealthComponent> out = EnumSet.noneOf(HealthComponent.class);
        for (String c : codes.split(",")) {
            HealthComponent.parse(c).ifPresent(out::add);
        }
        return out;
    }

    private static String codes(Set<HealthComponent> parts) {
        return parts.stream().map(HealthComponent::code).collect(Collectors.joining(","));
    }

    @Override
    public Optional<Long> claim(String accountId, BusinessFunction function, Set<HealthComponent> components, String evidence,
                                Instant now) {
        String key = accountId + "|" + function.code();
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT id FROM auto_flag WHERE open_key = ?").bind(0, key).mapTo(Long.class).findOne().isPresent()) {
                return Optional.<Long>empty();
            }
            try {
                return Optional.of(h.createUpdate("INSERT INTO auto_flag (account_id, function_code, open_key, components, evidence,"
                                + " claimed_at) VALUES (:a, :f, :k, :c, :e, :at)")
                        .bind("a", accountId).bind("f", function.code()).bind("k", key).bind("c", codes(components))
                        .bind("e", clip(evidence)).bind("at", now.atOffset(ZoneOffset.UTC))
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                return Optional.<Long>empty(); // another instance claimed it a moment ago (open_key is unique)
            }
        });
    }

    private static String clip(String evidence) {
        return evidence.length() <= 4000 ? evidence : evidence.substring(0, 3997) + "...";
    }

    @Override
    public void attach(long id, long flagId) {
        jdbi.useHandle(h -> h.execute("UPDATE auto_flag SET flag_id = ? WHERE id = ?", flagId, id));
    }

    @Override
    public void release(long id) {
        jdbi.useHandle(h -> h.execute("DELETE FROM auto_flag WHERE id = ? AND flag_id IS NULL", id));
    }

    @Override
    public void update(long id, Set<HealthComponent> components, String evidence) {
        jdbi.useHandle(h -> h.execute("UPDATE auto_flag SET components = ?, evidence = ? WHERE id = ?", codes(components),
                clip(evidence), id));
    }

    @Override
    public void recoveredSince(long id, LocalDate since) {
        if (since == null) { // fell again: a later recovery is offered afresh
            jdbi.useHandle(h -> h.execute("UPDATE auto_flag SET recovered_since = NULL, resolve_offered_at = NULL WHERE id = ?", id));
        } else {
            jdbi.useHandle(h -> h.execute("UPDATE auto_flag SET recovered_since = ? WHERE id = ?", since, id));
        }
    }

    @Override
    public void resolveOffered(long id, Instant at) {
        jdbi.useHandle(h -> h.execute("UPDATE auto_flag SET resolve_offered_at = ? WHERE id = ?", at.atOffset(ZoneOffset.UTC), id));
    }

    @Override
    public void closed(long id) {
        jdbi.useHandle(h -> h.execute("UPDATE auto_flag SET open_key = NULL WHERE id = ?", id));
    }

    @Override
    public void dropStaleClaims(Instant before) {
        jdbi.useHandle(h -> h.execute("DELETE FROM auto_flag WHERE flag_id IS NULL AND claimed_at < ?", before.atOffset(ZoneOffset.UTC)));
    }
}
