package dev.nrrbot.serve;

import dev.nrrbot.platform.slack.SlackServer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.numbers.render.AnswerBlocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * manifest.yml declares what the code uses and no more. (Its validity against Slack's published
 * schema is checked by .ci/run, which has the schema.)
 */
class ManifestTest {

    private final List<String> lines = read();

    private static List<String> read() {
        try {
            return Files.readAllLines(Path.of("manifest.yml")).stream()
                    .filter(l -> !l.trim().startsWith("#")).map(l -> l.replaceAll("\\s+#.*$", "")).filter(l -> !l.isBlank()).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text() {
        return String.join("\n", lines);
    }

    @Test
    void declaresTheSlashCommandWithAUsageHintAndEscapedMentions() {
        assertThat(text()).contains("- command: /nrr").contains("usage_hint:").contains("should_escape: true");
    }

    @Test
    void everyRequestUrlIsTheEventsPathTheServerListensOn() {
        List<String> urls = lines.stream().map(String::trim)
                .filter(l -> l.startsWith("url:") || l.startsWith("request_url:") || l.startsWith("message_menu_options_url:")).toList();
        // the slash command, event subscriptions, interactivity and its options load
        assertThat(urls).hasSize(4).allSatisfy(u -> assertThat(u).endsWith(SlackServer.EVENTS_PATH));
    }

    @Test
    void theFlagFormsAccountSearchLoadsItsOptionsFromTheInteractivityUrl() {
        int interactivity = lines.indexOf("  interactivity:");
        assertThat(interactivity).isPositive();
        List<String> block = lines.subList(interactivity + 1, lines.size()).stream().takeWhile(l -> l.startsWith("    ")).map(String::trim).toList();
        String requestUrl = value(block, "request_url:");
        // without it Slack never asks for the external_select's options and the account field stays empty
        assertThat(value(block, "message_menu_options_url:")).isEqualTo(requestUrl).startsWith("https://").endsWith(SlackServer.EVENTS_PATH);
    }

    private static String value(List<String> block, String key) {
        return block.stream().filter(l -> l.startsWith(key)).map(l -> l.substring(key.length()).trim()).findFirst()
                .orElseThrow(() -> new AssertionError("manifest.yml's interactivity has no " + key));
    }

    @Test
    void asksOnlyForTheScopesTheCodeUses() {
        int bot = lines.indexOf("    bot:");
        assertThat(bot).isPositive();
        List<String> scopes = lines.subList(bot + 1, lines.size()).stream().takeWhile(l -> l.trim().startsWith("- ")).toList();
        // commands: /nrr; chat:write(.public): DMs and readouts; chat:write.customize: the leader's readout;
        // files:write: charts; users:read(.email): users.lookupByEmail for CSMs, users.info for time zones and names
        assertThat(scopes).containsExactly("      - commands", "      - chat:write", "      - chat:write.public",
                "      - chat:write.customize", "      - files:write", "      - users:read", "      - users:read.email");
    }

    @Test
    void subscribesToAppHomeOpenedAndEnablesTheHomeTabAndInteractivity() {
        assertThat(text()).contains("home_tab_enabled: true").contains("messages_tab_enabled: true").contains("- app_home_opened")
                .contains("interactivity:\n    is_enabled: true");
        assertThat(AnswerBlocks.SHARE_ACTION).isEqualTo("share_answer");
    }
}
