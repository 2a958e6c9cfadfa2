package dev.nrrbot.ingest.slack;

import dev.nrrbot.access.Access;
import dev.nrrbot.ingest.DataStatus;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.slack.Command;
import dev.nrrbot.platform.slack.Invocation;
import dev.nrrbot.platform.slack.Reply;
import dev.nrrbot.revenue.PortfolioCache;
import dev.nrrbot.revenue.RevenueStore;
import java.util.ArrayList;
import java.util.List;

/** {@code /nrr status}: what is loaded, the latest imports and the warnings, for admins; the same text as the CLI's. */
public final class StatusCommands {

    /** {@code /nrr status} takes no arguments. */
    public record Status() {
    }

    private final PortfolioCache cache;
    private final RevenueStore store;
    private final Access access;

    public StatusCommands(PortfolioCache cache, RevenueStore store, Access access) {
        this.cache = cache;
        this.store = store;
        this.access = access;
    }

    public List<Command<?>> commands() {
        return List.of(Command.of("status", "/nrr status", "what is loaded, the latest imports and warnings about the data (admins)",
                rest -> new Status(), this::status));
    }

    private Reply status(Status s, Invocation in) {
        if (!access.seesDataStatus(in.userId())) {
            return Reply.refusal("What is loaded and who imported it is for admins. Ask " + access.adminMentions() + ".");
        }
        List<String> lines = DataStatus.read(store, cache.engine().portfolio()).lines();
        BlockKit kit = new BlockKit().header("What is loaded");
        List<String> group = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                add(kit, group);
                group = new ArrayList<>();
            } else {
                group.add(line);
            }
        }
        add(kit, group);
        return new Reply(BlockKit.escape(lines.get(0)), kit.build(), true);
    }

    /** A group of lines: its first line as the title; the table-like lines kept aligned in a code block. */
    private static void add(BlockKit kit, List<String> group) {
        if (group.isEmpty()) {
            return;
        }
        String title = group.get(0).endsWith(":") ? "*" + BlockKit.escape(group.get(0)) + "*" : BlockKit.escape(group.get(0));
        List<String> rest = group.subList(1, group.size()).stream()
                .map(l -> l.startsWith("  - ") ? "• " + BlockKit.escape(l.substring(4)) : BlockKit.escape(l.strip()))
                .toList();
        if (rest.isEmpty()) {
            kit.text(title);
        } else {
            kit.list(title, rest);
        }
    }
}
