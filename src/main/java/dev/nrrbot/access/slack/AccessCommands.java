package dev.nrrbot.access.slack;

import dev.nrrbot.access.Access;
import dev.nrrbot.access.Role;
import dev.nrrbot.platform.slack.BadInput;
import dev.nrrbot.platform.slack.Command;
import dev.nrrbot.platform.slack.Invocation;
import dev.nrrbot.platform.slack.Mentions;
import dev.nrrbot.platform.slack.Reply;
import java.util.List;
import java.util.Locale;

/** {@code /nrr role @person admin|cs_leader|viewer}: who may see what, set by admins. */
public final class AccessCommands {

    /** {@code /nrr role @user admin|cs_leader|viewer}. */
    public record SetRole(String userId, Role role) {
    }

    private final Access access;

    public AccessCommands(Access access) {
        this.access = access;
    }

    public List<Command<?>> commands() {
        return List.of(Command.of("role", "/nrr role @person admin|cs_leader|viewer", "who may see what (admins)",
                AccessCommands::setRole, this::setRole));
    }

    static SetRole setRole(String rest) {
        String user = Mentions.user(rest);
        String role = Mentions.withoutMentions(rest).toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (user == null || Role.parse(role).isEmpty()) {
            throw new BadInput("Give a person and a role: admin, cs_leader or viewer.", "/nrr role @dana cs_leader");
        }
        return new SetRole(user, Role.parse(role).get());
    }

    private Reply setRole(SetRole r, Invocation in) {
        if (!access.isAdmin(in.userId())) {
            return Reply.text("Only admins can change roles. Ask " + access.adminMentions() + ".");
        }
        access.setRole(r.userId(), r.role(), in.userId());
        return Reply.text("Done: <@" + r.userId() + "> is now " + r.role().code() + ".");
    }
}
