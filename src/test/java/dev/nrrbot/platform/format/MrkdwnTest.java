package dev.nrrbot.platform.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import dev.nrrbot.platform.slack.BlockKit;
import dev.nrrbot.platform.slack.MessageBody;
import dev.nrrbot.platform.slack.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data text in mrkdwn mentions nobody and links nowhere; the bot's own mentions by id still work. */
class MrkdwnTest {

    static final String HOSTILE = "<!channel> <@U123> & <https://evil.example|click> <#C999|x> <!subteam^S1>";

    @Test
    void escapeTurnsTheThreeControlCharactersIntoEntities() {
        assertThat(Mrkdwn.escape(HOSTILE)).isEqualTo("&lt;!channel&gt; &lt;@U123&gt; &amp; &lt;https://evil.example|click&gt;"
                + " &lt;#C999|x&gt; &lt;!subteam^S1&gt;");
        assertThat(Mrkdwn.escape("AT&T")).isEqualTo("AT&amp;T");
        assertThat(Mrkdwn.escape(null)).isEmpty();
        assertThat(Mrkdwn.escape("Acme *Corp* _x_")).as("formatting characters are left alone").isEqualTo("Acme *Corp* _x_");
    }

    @Test
    void guardKeepsTheBotsMentionsByIdAndEscapesEveryOtherOpeningBracket() {
        long before = Mrkdwn.neutralisedCount();
        assertThat(Mrkdwn.guard("Done: <@U0DANA> owns it; posts go to <#C0NRR>.")).isEqualTo("Done: <@U0DANA> owns it; posts go to <#C0NRR>.");
        assertThat(Mrkdwn.neutralisedCount()).isEqualTo(before);
        assertThat(Mrkdwn.guard("a &lt;b&gt; &amp; c")).as("escaped data passes unchanged").isEqualTo("a &lt;b&gt; &amp; c");
        assertThat(Mrkdwn.guard("<!channel> <!here|here> <https://evil.example|click> <mailto:a@b.c> <@U1|label> <@u1> <#C1|nrr>"))
                .isEqualTo("&lt;!channel> &lt;!here|here> &lt;https://evil.example|click> &lt;mailto:a@b.c> &lt;@U1|label>"
                        + " &lt;@u1> &lt;#C1|nrr>");
        assertThat(Mrkdwn.neutralisedCount()).isEqualTo(before + 1);
        assertThat(Mrkdwn.guard("a mention cut short: <@U12")).isEqualTo("a mention cut short: &lt;@U12");
        assertThat(Mrkdwn.guard(null)).isNull();
    }

    @Test
    void everyMrkdwnTextBlockKitBuildsIsGuardedAndVerbatim() {
        var blocks = new BlockKit().header("<!channel> in a header is plain text").text("<!here> *bold*")
                .fields(List.of("<https://evil.example|click>")).list("*title*", List.of("<!everyone>"))
                .context("<@U0ADMIN> and <!channel>").build();
        String json = GsonFactory.createSnakeCase().toJson(blocks);
        JsonObject message = new JsonObject();
        message.add("blocks", JsonParser.parseString(json));
        String text = dev.nrrbot.serve.BlockText.of(message);
        assertThat(text).contains("<!channel> in a header is plain text").contains("&lt;!here> *bold*")
                .contains("&lt;https://evil.example|click>").contains("&lt;!everyone>").contains("<@U0ADMIN> and &lt;!channel>");
        assertThat(json).contains("\"verbatim\":true").doesNotContain("\"verbatim\":false");
    }

    @Test
    void aReplysTextAndAQueuedMessagesTextAreMrkdwnAndGuardedToo() {
        Reply notice = Reply.notice("No account matches \"<!channel>\".");
        assertThat(notice.text()).isEqualTo("No account matches \"&lt;!channel&gt;\".");
        assertThat(new Reply("<!here> and <@U1>", List.of()).text()).isEqualTo("&lt;!here> and <@U1>");
        String body = MessageBody.json("Your flag on <!channel> was resolved", List.of(), null);
        assertThat(JsonParser.parseString(body).getAsJsonObject().get("text").getAsString())
                .isEqualTo("Your flag on &lt;!channel> was resolved");
    }
}
