package dev.nrrbot.serve.cli;

import dev.nrrbot.flags.Cadence;
import dev.nrrbot.flags.FlagStore;
import dev.nrrbot.flags.db.JdbiFlagStore;
import dev.nrrbot.platform.db.Database;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "setting", mixinStandardHelpOptions = true,
        description = "Lists the nudge cadences, or sets one: setting NAME VALUE. A running bot uses the new value on its next round.")
final class SettingCommand implements Callable<Integer> {

    @CommandLine.Mixin
    DatabaseOption db;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "followup_business_days,"
            + " nudges_before_escalation, snooze_days, digest_day or digest_hour (without NAME: list them with their values).")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE", description = "The new value, e.g. setting snooze_days 14.")
    String value;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FlagStore store = new JdbiFlagStore(db.database().jdbi());
        if (name != null) {
            if (value == null) {
                spec.commandLine().getErr().println("nrr-bot: give a value, e.g. setting snooze_days 14");
                return CommandLine.ExitCode.USAGE;
            }
            try {
                store.setSetting(name, Cadence.validate(name, value));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("nrr-bot: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
        }
        Map<String, String> set = store.settings();
        Cadence c = Cadence.from(set, java.time.ZoneOffset.UTC);
        Map<String, String> current = Map.of("followup_business_days", Integer.toString(c.followUpBusinessDays()),
                "nudges_before_escalation", Integer.toString(c.nudgesBeforeEscalation()),
                "snooze_days", Integer.toString(c.snoozeDays()), "digest_day", c.digestDay().name(),
                "digest_hour", Integer.toString(c.digestHour()),
                "reason_floor_mrr", set.getOrDefault("reason_floor_mrr", "0"),
                dev.nrrbot.outbox.DmAllowance.SETTING, Integer.toString(dev.nrrbot.outbox.DmAllowance.cap(
                        set.get(dev.nrrbot.outbox.DmAllowance.SETTING))));
        for (Map.Entry<String, String> e : Cadence.SETTINGS.entrySet()) {
            out.printf("%-26s %-8s %s%n", e.getKey(), current.get(e.getKey()), e.getValue());
        }
        out.flush();
        return 0;
    }
}
