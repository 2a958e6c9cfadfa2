package dev.nrrbot.readouts.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.nrrbot.access.Access;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.metrics.WindowSpec;
import dev.nrrbot.platform.slack.BadInput;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.slack.Command;
import dev.nrrbot.platform.slack.Invocation;
import dev.nrrbot.platform.slack.Mentions;
import dev.nrrbot.platform.slack.Reply;
import dev.nrrbot.platform.slack.Typos;
import dev.nrrbot.readouts.ReadoutCalendar;
import dev.nrrbot.readouts.Schedule;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /nrr schedule}, {@code schedules}, {@code unschedule} and {@code readout}. */
public final class ReadoutCommands {

    private static final Logger log = LoggerFactory.getLogger(ReadoutCommands.class);
    public static final String READOUT_MODAL = "readout_modal";

    /** {@code /nrr schedule weekly #channel [mon 09:00] [Europe/Berlin] [names]} or {@code schedule reasons #channel [weekly|monthly]}. */
    public record ScheduleReadout(String kind, String channelId, String cadence, DayOfWeek weekday, LocalTime at, ZoneId zone,
                                  boolean names) {
    }

    /** {@code /nrr schedules}. */
    public record Schedules() {
    }

    /** {@code /nrr unschedule ID}. */
    public record Unschedule(long id) {
    }

    /** {@code /nrr readout 2026-Q3 #channel}. */
    public record QuarterlyReadout(WindowSpec quarter, String channelId) {
    }

    private final ReadoutService readouts;
    private final Access access;
    private final Clock clock;

    public ReadoutCommands(ReadoutService readouts, Access access, Clock clock) {
        this.readouts = readouts;
        this.access = access;
        this.clock = clock;
    }

    public List<Command<?>> commands() {
        return List.of(
                Command.of("schedule", "/nrr schedule weekly #channel [mon 09:00] [zone]",
                        "a weekly readout, or `schedule reasons #channel [monthly]` the churn-reason summary",
                        ReadoutCommands::schedule, this::schedule),
                Command.of("schedules", "/nrr schedules", "readouts scheduled", rest -> new Schedules(), this::schedules),
                Command.of("unschedule", "/nrr unschedule ID", "stop a schedule", ReadoutCommands::unschedule, this::unschedule),
                Command.of("readout", "/nrr readout 2026-Q3 #channel", "preview and post the quarterly readout (CS leaders)",
                        ReadoutCommands::readout, this::quarterly).with(Command.Trait.NEEDS_DATA));
    }

    static ScheduleReadout schedule(String rest) {
        String example = "/nrr schedule weekly #nrr mon 09:00 Europe/Berlin";
        String channel = Mentions.channel(rest);
        String[] words = Mentions.withoutChannels(rest).split("\\s+");
        String kind = words[0].toLowerCase(Locale.ROOT);
        if (channel == null || !(kind.equals("weekly") || kind.equals("reasons"))) {
            throw new BadInput("Give weekly or reasons, then a channel, e.g. " + example
                    + " or /nrr schedule reasons #nrr monthly.", example);
        }
        String cadence = "weekly";
        DayOfWeek day = DayOfWeek.MONDAY;
        LocalTime at = LocalTime.of(9, 0);
        ZoneId zone = null;
        boolean names = false;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            String lw = w.toLowerCase(Locale.ROOT);
            if (lw.equals("weekly") || lw.equals("monthly")) {
                cadence = lw;
            } else if (lw.equals("names") || lw.equals("with-names")) {
                names = true;
            } else if (lw.matches("\\d{1,2}:\\d{2}")) {
                try {
                    at = LocalTime.parse(lw.length() == 4 ? "0" + lw : lw);
                } catch (java.time.DateTimeException e) {
                    throw new BadInput("\"" + Typos.clip(w) + "\" is not a time of day; use 24-hour HH:MM such as 09:00.", example);
                }
            } else if (dayOf(lw) != null) {
                day = dayOf(lw);
            } else {
                try {
                    zone = ZoneId.of(w);
                } catch (java.time.DateTimeException e) {
                    throw new BadInput("\"" + Typos.clip(w) + "\" is not a day, time, time zone or option I know."
                            + " Days: mon..sun; time: 09:00; zones: Europe/Berlin, America/New_York, UTC; options: weekly, monthly, names.",
                            example);
                }
            }
        }
        if (kind.equals("weekly") && cadence.equals("monthly")) {
            throw new BadInput("The weekly readout is weekly; the churn-reason summary can be monthly.",
                    "/nrr schedule reasons #nrr monthly");
        }
        return new ScheduleReadout(kind, channel, cadence, day, at, zone, names);
    }

    private static DayOfWeek dayOf(String w) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (w.length() >= 3 && full.startsWith(w)) {
                return d;
            }
        }
        return null;
    }

    static Unschedule unschedule(String rest) {
        try {
            return new Unschedule(Long.parseLong(rest.replace("#", "").trim()));
        } catch (NumberFormatException e) {
            throw new BadInput("Which schedule? Give its number from /nrr schedules.", "/nrr unschedule 3");
        }
    }

    static QuarterlyReadout readout(String rest) {
        String channel = Mentions.channel(rest);
        String quarter = Mentions.withoutChannels(rest);
        if (channel == null || !quarter.matches("(?i)\\d{4}-?q[1-4]|last quarter")) {
            throw new BadInput("Give a quarter and a channel.", "/nrr readout 2026-Q3 #leadership");
        }
        return new QuarterlyReadout(WindowSpec.parse(quarter), channel);
    }

    private Reply schedules(Schedules q, Invocation in) {
        List<String> lines = readouts.store().active().stream().map(x -> "• " + x.describe() + " · next "
                + ReadoutCalendar.next(x, clock.instant()).dueAt().atZone(x.zone()).toLocalDateTime().toString().replace('T', ' '))
                .toList();
        return new Reply("Readout schedules", new BlockKit().list("*Readout schedules*", lines.isEmpty()
                ? List.of("None yet: `/nrr schedule weekly #channel`") : lines).build());
    }

    /** Null when the person may schedule and post readouts; else the refusal. */
    private Reply refusal(String user) {
        return access.runsReadoutsAndOwners(user) ? null
                : Reply.refusal("Only admins and CS leaders schedule and post readouts. Ask " + access.adminMentions() + ".");
    }

    private Reply unschedule(Unschedule u, Invocation in) {
        Reply no = refusal(in.userId());
        if (no != null) {
            return no;
        }
        return Reply.text(readouts.store().deactivate(u.id()) ? "Done: schedule #" + u.id() + " is stopped."
                : "There is no active schedule #" + u.id() + ". `/nrr schedules` lists them.");
    }

    private Reply schedule(ScheduleReadout r, Invocation in) {
        Reply no = refusal(in.userId());
        if (no != null) {
            return no;
        }
        ZoneId zone = r.zone() != null ? r.zone() : readouts.configuredZone().orElseGet(() -> userZone(in.client(), in.userId()));
        Schedule added = readouts.store().add(new Schedule(0, Schedule.Kind.valueOf(r.kind().toUpperCase(Locale.ROOT)), r.channelId(),
                        Schedule.Cadence.valueOf(r.cadence().toUpperCase(Locale.ROOT)), r.weekday(), r.at(), zone, r.names(), in.userId(), null),
                clock.instant());
        return Reply.text("Scheduled: " + added.describe() + ". First post "
                + ReadoutCalendar.next(added, clock.instant()).dueAt().atZone(zone).toLocalDateTime().toString().replace('T', ' ')
                + ". Make sure the channel is one I can post to.");
    }

    private Reply quarterly(QuarterlyReadout r, Invocation in) {
        Reply no = refusal(in.userId());
        if (no != null) {
            return no;
        }
        // the message only: its charts are drawn when it is posted, after the submit is acknowledged
        ReadoutService.Preview preview = readouts.preview(r.quarter(), in.userId());
        Window quarter = preview.quarter();
        List<LayoutBlock> blocks = new ArrayList<>(preview.readout().blocks());
        blocks.add(InputBlock.builder().blockId("commentary").optional(true).label(plain("Your commentary"))
                .element(PlainTextInputElement.builder().actionId("commentary").multiline(true)
                        .placeholder(plain("What happened this quarter, and what we do next")).build()).build());
        try {
            var resp = in.client().viewsOpen(v -> v.triggerId(in.triggerId()).view(View.builder().type("modal").callbackId(READOUT_MODAL)
                    .title(ViewTitle.builder().type("plain_text").text("Quarterly readout").build())
                    .submit(ViewSubmit.builder().type("plain_text").text("Post").build())
                    .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                    .privateMetadata(new PreviewMetadata(quarter.label(), r.channelId()).encode()).blocks(blocks).build()));
            if (!resp.isOk()) {
                log.warn("views.open failed for the readout preview: {}", resp.getError());
                return Reply.text("I could not open the preview (" + resp.getError() + ").");
            }
        } catch (Exception e) {
            log.warn("views.open failed for the readout preview", e);
            return Reply.text("I could not open the preview. Try again in a moment.");
        }
        return Reply.text("Preview opened: add your commentary and post " + quarter.label() + " to <#" + r.channelId() + ">.");
    }

    /** The scheduling user's Slack time zone (users.info), else UTC. */
    static ZoneId userZone(MethodsClient client, String user) {
        try {
            var r = client.usersInfo(req -> req.user(user));
            if (r.isOk() && r.getUser() != null && r.getUser().getTz() != null) {
                return ZoneId.of(r.getUser().getTz());
            }
        } catch (Exception e) {
            log.warn("users.info failed", e);
        }
        return ZoneOffset.UTC;
    }

    private static PlainTextObject plain(String t) {
        return PlainTextObject.builder().text(t).build();
    }

}
