package dev.nrrbot.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void aPlainTokenIsKeptAndAnythingElseIsOther() {
        assertThat(LogSafe.token("flag_ack")).isEqualTo("flag_ack");
        assertThat(LogSafe.token("app_home_opened")).isEqualTo("app_home_opened");
        assertThat(LogSafe.token("flag_ack\n[main] INFO forged")).isEqualTo("(other)");
        assertThat(LogSafe.token("two words")).isEqualTo("(other)");
        assertThat(LogSafe.token("x".repeat(65))).isEqualTo("(other)");
        assertThat(LogSafe.token(null)).isEqualTo("(other)");
    }

    @Test
    void aFailureKeepsItsClassesAndFramesButNotMessagesThatMayQuoteTheRequest() {
        Exception e = new IllegalStateException("wrapping", new NumberFormatException("For input string: \"ACME secret\nFORGED\""));
        String printed = printed(LogSafe.withoutMessages(e));
        assertThat(printed).startsWith("java.lang.IllegalStateException: [message withheld]")
                .contains("Caused by: java.lang.NumberFormatException: [message withheld]")
                .contains("\tat dev.nrrbot.platform.ops.LogSafeTest.aFailureKeeps")
                .doesNotContain("ACME").doesNotContain("FORGED");
    }

    @Test
    void theJvmsOwnMessagesAboutTheCodeAreKept() {
        String printed = printed(LogSafe.withoutMessages(new NullPointerException("Cannot invoke \"String.trim()\" because \"s\" is null")));
        assertThat(printed).startsWith("java.lang.NullPointerException: Cannot invoke \"String.trim()\" because \"s\" is null");
    }

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
