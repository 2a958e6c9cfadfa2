package dev.nrrbot.access.slack;

import dev.nrrbot.access.Access;
import dev.nrrbot.access.Role;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.platform.slack.Typos;
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

    /** {@code /nrr me [FUNCTION]}: null shows what is set. */
    public record Me(BusinessFunction function) {
    }

    private final Access access;

    public AccessCommands(Access access) {
        this.access = access;
    }

    public List<Command<?>> commands() {
        return List.of(Command.of("role", "/nrr role @person admin|cs_leader|viewer", "who may see what (admins)",
                        AccessCommands::setRole, this::setRole),
                Command.of("me", "/nrr me FUNCTION", "say which function you belong to: Home shows its part",
                        AccessCommands::me, this::me));
    }

    static SetRole setRole(String rest) {
        String user = Mentions.user(rest);
        String role = Mentions.withoutMentions(rest).toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (user == null || Role.parse(role).isEmpty()) {
            throw new BadInput("Give a person and a role: admin, cs_leader or viewer.", "/nrr role @dana cs_leader");
        }
        return new SetRole(user, Role.parse(role).get());
    }

    static Me me(String rest) {
        if (rest.isBlank()) {
            return new Me(null);
        }
        return BusinessFunction.parse(rest).map(Me::new).orElseThrow(() -> new BadInput("\"" + Typos.clip(rest)
                + "\" is not a function. Use one of: " + String.join(", ", java.util.Arrays.stream(BusinessFunction.values())
                .map(BusinessFunction::code).toList()) + ".", "/nrr me support"));
    }

    private Reply me(Me m, Invocation in) {
        if (m.function() == null) {
            return Reply.text(access.memberOf(in.userId()).map(f -> "You belong to " + f.label() + ": App Home shows its part."
                    + " Change it with `/nrr me FUNCTION`.").orElse("You have not said which function you belong to. Say it with"
                    + " `/nrr me support` (or product, engineering, finance...), and App Home shows that function's part."));
        }
        access.setMember(in.userId(), m.function());
        return Reply.text("Done: you belong to " + m.function().label() + ". App Home shows its part of NRR; belonging grants no"
                + " access to account-level revenue.");
    }

    private Reply setRole(SetRole r, Invocation in) {
        if (!access.isAdmin(in.userId())) {
            return Reply.text("Only admins can change roles. Ask " + access.adminMentions() + ".");
        }
        access.setRole(r.userId(), r.role(), in.userId());
        return Reply.text("Done: <@" + r.userId() + "> is now " + r.role().code() + ".");
    }
}
