package dev.nrrbot.health.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A health answer as plain text groups: the CLI prints them, Slack turns each group into a section.
 * Text, not mrkdwn: Slack escapes it.
 */
public record HealthPage(String heading, List<Group> groups) {

    /** A titled list of lines; a line of its own when {@code lines} is empty. */
    public record Group(String title, List<String> lines) {
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(heading);
        for (Group g : groups) {
            out.add("");
            out.add(g.title());
            g.lines().forEach(l -> out.add("  " + l));
        }
        return out;
    }

    static final class Builder {
        private final String heading;
        private final List<Group> groups = new ArrayList<>();

        Builder(String heading) {
            this.heading = heading;
        }

        Builder group(String title, List<String> lines) {
            groups.add(new Group(title, List.copyOf(lines)));
            return this;
        }

        Builder line(String text) {
            return group(text, List.of());
        }

        HealthPage build() {
            return new HealthPage(heading, List.copyOf(groups));
        }
    }
}
