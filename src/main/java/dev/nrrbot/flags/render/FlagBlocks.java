package dev.nrrbot.flags.render;

import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.slack.MessageBody;

import com.slack.api.model.block.LayoutBlock;
import dev.nrrbot.flags.Flag;
import dev.nrrbot.flags.FlagMessages;
import dev.nrrbot.flags.FlagStore;
import dev.nrrbot.platform.format.Money;
import dev.nrrbot.platform.format.Mrkdwn;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The messages about flags: the owner's DM with its buttons, notices, the digest, and lists. What
 * each DM says is {@link FlagMessages}'; this sets it in blocks.
 */
public final class FlagBlocks {

    public static final String ACK = "flag_ack";
    public static final String SNOOZE = "flag_snooze";
    public static final String RESOLVE = "flag_resolve";
    public static final String REASSIGN = "flag_reassign";
    public static final String SET_REASON = "reason_set";
    /** One click: the signals behind an automatic flag recovered and stayed so; resolve it as saved. */
    public static final String RESOLVE_RECOVERED = "flag_resolve_recovered";

    private FlagBlocks() {
    }

    /** A DM to whoever must act on the flag, with its buttons. */
    public static String actionDm(FlagMessages.Dm dm, Flag f, String accountName, Instant now, ZoneId zone) {
        return MessageBody.json(dm.text(), ownerDm(dm.headline(), f, accountName, now, zone), null);
    }

    /**
     * A DM that tells of a change, without buttons.
     *
     * @param amounts whether the recipient may see the account's ARR and renewal date (the policy's call)
     */
    public static String noticeDm(FlagMessages.Dm dm, Flag f, String accountName, Instant now, ZoneId zone, boolean amounts) {
        return MessageBody.json(dm.text(), notice(dm.headline(), f, accountName, now, zone, amounts), null);
    }

    /** The DM whose button was pressed, drawn again in its place (through its response_url). */
    public static String redrawn(FlagMessages.Dm dm, Flag f, String accountName, Instant now, ZoneId zone) {
        return MessageBody.json(dm.text(), ownerDm(dm.headline(), f, accountName, now, zone), true);
    }

    /** An owner's weekly digest. */
    public static String digestDm(List<Flag> flags, Map<String, String> names, Instant now) {
        return MessageBody.json(FlagMessages.digest().text(), digest(flags, names, now), null);
    }

    /** What a flag is about, for someone who may see its amounts (the assignee, a CS leader...). */
    public static String summary(Flag f, String accountName, Instant now, ZoneId zone) {
        return summary(f, accountName, now, zone, true);
    }

    /** What a flag is about; without {@code amounts}, no ARR and no renewal date. */
    public static String summary(Flag f, String accountName, Instant now, ZoneId zone, boolean amounts) {
        Long days = f.daysToRenewal(now, zone);
        return "*" + BlockKit.escape(accountName) + "* (`" + BlockKit.escape(f.accountId()) + "`)"
                + (amounts ? " · ARR at risk *" + Money.whole(f.arrCents()) + "*"
                + (days == null ? "" : " · renews in " + days + (days == 1 ? " day" : " days") + " (" + f.renewalDate() + ")") : "")
                + "\n*Function:* " + f.function().label() + (f.reasonCode() == null ? "" : " · *Reason:* " + BlockKit.escape(f.reasonCode()))
                + "\n*Flagged by* " + (f.isAutomatic() ? "the health score (automatic)" : "<@" + f.flaggedBy() + ">")
                + (f.note() == null ? "" : ": " + BlockKit.escape(f.note()));
    }

    /** The DM to whoever must act: the flag and its buttons. */
    public static List<LayoutBlock> ownerDm(String headline, Flag f, String accountName, Instant now, ZoneId zone) {
        BlockKit kit = new BlockKit().text(headline).text(summary(f, accountName, now, zone))
                .context("Flag #" + f.id() + " · " + state(f));
        if (!f.isActive()) {
            return kit.build();
        }
        return kit.buttonsAndUserPicker(List.of(
                new BlockKit.Button("Acknowledge", ACK, f.token(), "primary"),
                new BlockKit.Button("Snooze 7 days", SNOOZE, f.token(), null),
                new BlockKit.Button("Resolve", RESOLVE, f.token(), null)), REASSIGN, "Reassign to...", "flag:" + f.token()).build();
    }

    /** To the owner of an automatic flag whose signals recovered: resolve it in one click, or keep it open. */
    public static String recoveredDm(FlagMessages.Dm dm, Flag f, String accountName, Instant now, ZoneId zone) {
        List<LayoutBlock> blocks = new BlockKit().text(dm.headline()).text(summary(f, accountName, now, zone))
                .context("Flag #" + f.id() + " · " + state(f))
                .buttons(List.of(new BlockKit.Button("Resolve: recovered", RESOLVE_RECOVERED, f.token(), "primary"),
                        new BlockKit.Button("Keep it open", ACK, f.token(), null)))
                .build();
        return MessageBody.json(dm.text(), blocks, null);
    }

    public static List<LayoutBlock> notice(String text, Flag f, String accountName, Instant now, ZoneId zone, boolean amounts) {
        return new BlockKit().text(text).text(summary(f, accountName, now, zone, amounts)).context("Flag #" + f.id() + " · " + state(f))
                .build();
    }

    public static String state(Flag f) {
        return switch (f.state()) {
            case OPEN -> "open" + (f.assignee() == null ? ", no owner yet" : ", with <@" + f.assignee() + ">");
            case ACKNOWLEDGED -> "acknowledged by <@" + f.assignee() + ">";
            case SNOOZED -> "snoozed until " + f.snoozedUntil().toString().substring(0, 10);
            case RESOLVED -> "resolved: " + f.outcome().code() + (f.outcomeNote() == null ? "" : " (" + BlockKit.escape(f.outcomeNote()) + ")");
        };
    }

    /** @param amounts the flags whose ARR the reader may see (the policy's call); the rest show none */
    public static List<LayoutBlock> list(String title, List<Flag> flags, Map<String, String> names, Instant now,
                                         Predicate<Flag> amounts) {
        BlockKit kit = new BlockKit().header(title);
        if (flags.isEmpty()) {
            return kit.text("No open flags.").build();
        }
        List<Flag> shown = flags.stream().filter(amounts).toList(); // asked once a flag: it may take a look-up
        long arr = shown.stream().mapToLong(Flag::arrCents).sum();
        kit.text(flags.size() + (flags.size() == 1 ? " flag" : " flags") + (shown.isEmpty() ? ""
                : " · ARR at risk *" + Money.whole(arr) + "*" + (shown.size() < flags.size() ? " on the " + shown.size()
                + " whose amounts you may see" : "")));
        List<String> lines = new ArrayList<>();
        for (Flag f : flags) {
            lines.add("• #" + f.id() + " *" + BlockKit.escape(names.getOrDefault(f.accountId(), f.accountId())) + "* (`"
                    + BlockKit.escape(f.accountId()) + "`) · " + f.function().code()
                    + (shown.contains(f) ? " · ARR " + Money.whole(f.arrCents()) : "") + " · " + f.ageDays(now) + "d old · " + state(f));
        }
        return kit.list(null, lines).build();
    }

    /** An assignee's digest: every flag in it is theirs, so they see its amounts. */
    public static List<LayoutBlock> digest(List<Flag> flags, Map<String, String> names, Instant now) {
        return list(FlagMessages.digest().headline(), flags, names, now, f -> true);
    }

    public static List<String> historyLines(List<Flag> flags, Map<Long, List<FlagStore.Event>> history) {
        List<String> lines = new ArrayList<>();
        for (Flag f : flags) {
            lines.add("*Flag #" + f.id() + "* " + f.function().code() + " · ARR " + Money.whole(f.arrCents()) + " · " + state(f));
            for (FlagStore.Event e : history.getOrDefault(f.id(), List.of())) {
                lines.add("    `" + e.at().toString().substring(0, 16).replace('T', ' ') + "` " + e.action() + " by " + Mrkdwn.user(e.actor())
                        + (e.detail() == null ? "" : ": " + BlockKit.escape(e.detail())));
            }
        }
        return lines;
    }

    /** One person's reason questions of the day, each with its Set reason button. */
    public static String reasonDigestDm(List<dev.nrrbot.flags.ReasonQuestion> questions, int waiting) {
        FlagMessages.Dm dm = FlagMessages.reasonDigest(questions.size(), waiting);
        BlockKit kit = new BlockKit().text(dm.headline());
        for (dev.nrrbot.flags.ReasonQuestion q : questions) {
            // each question carries its own button: an actions block per question would keep only the last
            kit.textWithButton("*" + BlockKit.escape(q.accountName()) + "* (`" + BlockKit.escape(q.accountId()) + "`) "
                    + FlagMessages.reasonRequest(q.accountName(), q.kindCode(), q.cents(), q.month()).headline(),
                    new BlockKit.Button("Set reason", SET_REASON, q.buttonValue(), "primary"));
        }
        kit.context(FlagMessages.REASON_CONTEXT);
        return MessageBody.json(dm.text(), kit.build(), null);
    }
}
