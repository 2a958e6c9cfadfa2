package dev.nrrbot.renewals;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nrrbot.serve.BlockText;
import dev.nrrbot.serve.FakeSlack;
import dev.nrrbot.serve.RunningBot;
import dev.nrrbot.serve.SharedBot;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The forecast and the at-risk renewals where people already look: the weekly readout and the
 * scorecard. No signals are imported here, so health reads renewal proximity and contraction alone;
 * at_risk_below 70 puts the accounts whose renewal is near (health 65) at risk, owned by account management.
 */
class OutlookInSlackTest extends SharedBot {

    @BeforeEach
    void nearRenewalsAreAtRisk() throws Exception {
        bot.reset();
        assertThat(BlockText.of(bot.ask(RunningBot.ADMIN, "health set at_risk_below 70"))).contains("Set at_risk_below to 70");
    }

    @Test
    void theWeeklyReadoutCarriesTheForecastAndTheAtRiskArrPerFunction() throws Exception {
        String reply = BlockText.of(bot.ask(RunningBot.ADMIN, "schedule weekly <#C0NRR|nrr> tue 09:30 UTC"));
        assertThat(reply).contains("Scheduled: #");
        bot.clock.set(Instant.parse("2026-11-24T09:30:00Z"));
        assertThat(bot.bot.services.readouts().runDue()).isEqualTo(1);
        FakeSlack.Call post = bot.slack.await("chat.postMessage", 1, Duration.ofSeconds(10));
        JsonObject blocks = new JsonObject();
        blocks.add("blocks", JsonParser.parseString(post.params().get("blocks")));
        String readout = BlockText.of(blocks);

        assertThat(readout).contains("Weekly NRR readout · ", "Ahead", "Quarter-end forecast (2026-Q4): NRR ", "% if nothing changes, ",
                "% expected", "Account Management holds ", " ARR at risk through renewal and contraction signals");
    }

    @Test
    void theScorecardAndTheWhatIfSayWhatSavingTheAtRiskRenewalsDoesToTheModifier() throws Exception {
        bot.ask(RunningBot.ADMIN, "renewals quarter"); // computes the backtest whose at-risk loss share weighs the stake
        String card = BlockText.of(bot.ask(RunningBot.ADMIN, "scorecard"));
        String whatIf = BlockText.of(bot.ask(RunningBot.ADMIN, "whatif pricing -50%"));

        for (String answer : new String[] {card, whatIf}) {
            assertThat(answer).contains("At-risk renewals this quarter")
                    .containsPattern("If the at-risk renewals are saved, Account Management's modifier goes from \\d\\.\\d\\d to \\d\\.\\d\\d"
                            + " \\(\\d+ accounts?, [\\d,]+ ARR renewing by 2026-12-31, expected to lose \\d+\\.\\d% of it, as at-risk accounts did in the backtest"
                            + ".*; its contribution [+-]\\d+\\.\\d → [+-]\\d+\\.\\d pts\\)");
        }
    }
}
