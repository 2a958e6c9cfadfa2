package dev.nrrbot.access.db;

import dev.nrrbot.access.Role;
import dev.nrrbot.access.AccessStore;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.platform.db.Database;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** {@link AccessStore} on the project's database. */
public final class JdbiAccessStore implements AccessStore {

    private final Jdbi jdbi;

    private final java.time.Clock clock;

    public JdbiAccessStore(Database db, java.time.Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    @Override
    public Optional<Role> storedRole(String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT role_name FROM slack_role WHERE user_id = :u")
                .bind("u", userId).mapTo(String.class).findOne().flatMap(Role::parse));
    }

    @Override
    public void setRole(String userId, Role role, String grantedBy) {
        jdbi.useTransaction(h -> {
            h.execute("DELETE FROM slack_role WHERE user_id = ?", userId);
            h.execute("INSERT INTO slack_role (user_id, role_name, granted_by, granted_at) VALUES (?, ?, ?, ?)",
                    userId, role.code(), grantedBy, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        });
    }

    @Override
    public Set<String> storedAdmins() {
        return new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM slack_role WHERE role_name = 'admin'")
                .mapTo(String.class).list()));
    }

    @Override
    public Map<BusinessFunction, String> functionOwners() {
        Map<BusinessFunction, String> out = new EnumMap<>(BusinessFunction.class);
        jdbi.withHandle(h -> h.createQuery("SELECT function_code, user_id FROM function_owner")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list())
                .forEach(e -> BusinessFunction.parse(e.getKey()).ifPresent(f -> out.put(f, e.getValue())));
        return out;
    }

    @Override
    public Optional<String> escalationContact() {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM function_owner WHERE function_code = 'escalation'")
                .mapTo(String.class).findOne());
    }

    @Override
    public Optional<BusinessFunction> memberOf(String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT function_code FROM function_member WHERE user_id = :u")
                .bind("u", userId).mapTo(String.class).findOne()).flatMap(BusinessFunction::parse);
    }

    @Override
    public void setMember(String userId, BusinessFunction function) {
        jdbi.useTransaction(h -> {
            h.execute("DELETE FROM function_member WHERE user_id = ?", userId);
            h.execute("INSERT INTO function_member (user_id, function_code, set_at) VALUES (?, ?, ?)", userId, function.code(),
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        });
    }
}
