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
import dev.nrrbot.access.Role;
import dev.nrrbot.metrics.Window;
import dev.nrrbot.readouts.render.Readout;
import dev.nrrbot.readouts.ReadoutCalendar;
import dev.nrrbot.readouts.Schedule;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.serve.NrrSlackApp;
import dev.nrrbot.numbers.slack.Question;
import dev.nrrbot.platform.slack.Reply;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /nrr schedule}, {@code schedules}, {@code unschedule} and {@code readout}. */
public final class ReadoutCommands {

    private static final Logger log = LoggerFactory.getLogger(ReadoutCommands.class);
    public static final String READOUT_MODAL = "readout_modal";

    private ReadoutCommands() {
    }

    public static boolean handles(Question q) {
        return q instanceof Question.ScheduleReadout || q instanceof Question.Schedules || q instanceof Question.Unschedule
                || q instanceof Question.QuarterlyReadout;
    }

    public static Reply answer(Question q, String user, String triggerId, MethodsClient client, NrrSlackApp.Services s) {
        if (q instanceof Question.Schedules) {
            List<String> lines = s.readouts().store().active().stream().map(x -> "• " + x.describe() + " · next "
                    + ReadoutCalendar.next(x, s.clock().instant()).dueAt().atZone(x.zone()).toLocalDateTime().toString().replace('T', ' '))
                    .toList();
            return new Reply("Readout schedules", new BlockKit().list("*Readout schedules*", lines.isEmpty()
                    ? List.of("None yet: `/nrr schedule weekly #channel`") : lines).build());
        }
        Role role = s.access().role(user);
        if (role != Role.ADMIN && role != Role.CS_LEADER) {
            return Reply.text("Only admins and CS leaders schedule and post readouts.");
        }
        if (q instanceof Question.Unschedule u) {
            return Reply.text(s.readouts().store().deactivate(u.id()) ? "Done: schedule #" + u.id() + " is stopped."
                    : "There is no active schedule #" + u.id() + ". `/nrr schedules` lists them.");
        }
        if (q instanceof Question.ScheduleReadout r) {
            ZoneId zone = r.zone() != null ? r.zone() : s.readouts().configuredZone().orElseGet(() -> userZone(client, user));
            Schedule added = s.readouts().store().add(new Schedule(0, Schedule.Kind.valueOf(r.kind().toUpperCase()), r.channelId(),
                    Schedule.Cadence.valueOf(r.cadence().toUpperCase()), r.weekday(), r.at(), zone, r.names(), user, null),
                    s.clock().instant());
            return Reply.text("Scheduled: " + added.describe() + ". First post "
                    + ReadoutCalendar.next(added, s.clock().instant()).dueAt().atZone(zone).toLocalDateTime().toString().replace('T', ' ')
                    + ". Make sure the channel is one I can post to.");
        }
        Question.QuarterlyReadout r = (Question.QuarterlyReadout) q;
        Window quarter = s.cache().engine().window(r.quarter());
        Readout preview = s.readouts().quarterly(quarter, null, user);
        List<LayoutBlock> blocks = new ArrayList<>(preview.blocks());
        blocks.add(InputBlock.builder().blockId("commentary").optional(true).label(plain("Your commentary"))
                .element(PlainTextInputElement.builder().actionId("commentary").multiline(true)
                        .placeholder(plain("What happened this quarter, and what we do next")).build()).build());
        try {
            var resp = client.viewsOpen(v -> v.triggerId(triggerId).view(View.builder().type("modal").callbackId(READOUT_MODAL)
                    .title(ViewTitle.builder().type("plain_text").text("Quarterly readout").build())
                    .submit(ViewSubmit.builder().type("plain_text").text("Post").build())
                    .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                    .privateMetadata(quarter.label() + "|" + r.channelId()).blocks(blocks).build()));
            if (!resp.isOk()) {
                log.warn("views.open failed for the readout preview: {}", resp.getError());
                return Reply.text("I could not open the preview (" + resp.getError() + ").");
            }
        } catch (Exception e) {
            log.warn("views.open failed for the readout preview: {}", e.toString());
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
            log.warn("users.info failed: {}", e.toString());
        }
        return ZoneOffset.UTC;
    }

    private static PlainTextObject plain(String t) {
        return PlainTextObject.builder().text(t).build();
    }

}
