package dev.nrrbot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedTextTest {

    @Test
    void slacksEntitiesAreWhatThePersonTyped() {
        assertThat(NrrSlashCommand.typed(" account AT&amp;T ")).isEqualTo("account AT&T");
        assertThat(NrrSlashCommand.typed("segment plan=&lt;b&gt;")).isEqualTo("segment plan=<b>");
        assertThat(NrrSlashCommand.typed("account &amp;lt;")).isEqualTo("account &lt;");
        assertThat(NrrSlashCommand.typed(null)).isEmpty();
    }
}
