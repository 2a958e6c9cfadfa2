package dev.nrrbot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackUrlsTest {

    @Test
    void onlyHttpsOnSlacksHostsOrTheConfiguredApi() {
        SlackUrls slack = SlackUrls.SLACK_ONLY;
        assertThat(slack.allowed("https://hooks.slack.com/commands/T0/1/abc")).isTrue();
        assertThat(slack.allowed("https://files.slack.com/upload/v1/abc")).isTrue();
        assertThat(slack.allowed("https://hooks.slack-gov.com/actions/T0/1/abc")).isTrue();
        assertThat(slack.allowed("http://hooks.slack.com/commands/T0/1/abc")).isFalse();
        assertThat(slack.allowed("https://hooks.slack.com.evil.example/x")).isFalse();
        assertThat(slack.allowed("https://evil.example/hooks.slack.com")).isFalse();
        assertThat(slack.allowed("https://user@hooks.slack.com/x")).isFalse();
        assertThat(slack.allowed("https://hooks.slack.com:8443/x")).isFalse();
        assertThat(slack.allowed("not a url")).isFalse();
        assertThat(slack.allowed(null)).isFalse();
        SlackUrls test = new SlackUrls("http://127.0.0.1:4567/api/");
        assertThat(test.allowed("http://127.0.0.1:4567/response/cmd")).isTrue();
        assertThat(test.allowed("http://127.0.0.1:4568/response/cmd")).isFalse();
        assertThat(test.allowed("https://hooks.slack.com/x")).isTrue();
    }
}
