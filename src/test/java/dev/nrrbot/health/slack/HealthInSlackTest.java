package dev.nrrbot.health.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.serve.RunningBot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /nrr health} through the real app: what each role sees, the backtest, the settings and their log. */
class HealthInSlackTest extends dev.nrrbot.serve.SharedBot {

    static final String CS = "U0CSLEAD";

    @BeforeEach
    void roles() throws Exception {
        bot.reset();
        bot.ask(RunningBot.ADMIN, "role <@" + CS + "> cs_leader");
    }

    static String text(com.google.gson.JsonObject o) {
        return dev.nrrbot.serve.BlockText.of(o);
    }

    @Test
    void theCompanyViewShowsBandsAndAtRiskArrToEveryoneAndNamesOnlyToThoseWhoSeeThem() throws Exception {
        String admin = text(bot.ask(RunningBot.ADMIN, "health"));
        assertThat(admin).contains("Health as of 2026-10-31").contains("Accounts and ARR per band:").contains("healthy")
                .contains("At-risk ARR, by the function that owns each account's weakest part:").contains("Biggest falls in 30 days:")
                // nothing but revenue is imported: the parts without input say so
                .contains("No account has usage trend (20), usage breadth (10), errors per use (10)");
        String viewer = text(bot.ask("U0VIEWER", "health"));
        assertThat(viewer).contains("Accounts and ARR per band:").doesNotContain("ACME-0");
        if (admin.contains("ACME-0")) {
            assertThat(viewer).contains("names and ARR are for the roles that see them");
        }
    }

    @Test
    void anAccountsHealthExplainsItselfForTheRolesThatSeeItsAmounts() throws Exception {
        String a = text(bot.ask(CS, "health ACME-00012"));
        assertThat(a).contains("health").contains("as of 2026-10-31").contains("Points per part (owner, evidence):")
                .contains("recent contraction").contains("Account Management").contains("MRR ")
                .contains("Not read (their").contains("no usage imported");
        assertThat(text(bot.ask("U0VIEWER", "health ACME-00012"))).doesNotContain("Points per part")
                .doesNotContain("MRR -");
        assertThat(text(bot.ask(CS, "health zzzz-nothing"))).contains("is neither an account nor a function");
    }

    @Test
    void aFunctionSeesItsPartsAndWhatItHoldsAtRiskAlsoInItsContributionView() throws Exception {
        assertThat(text(bot.ask(CS, "health account_management"))).contains("The parts Account Management owns:")
                .contains("recent contraction: weight 5, flag below 40");
        assertThat(text(bot.ask(CS, "health hr"))).contains("none: an admin gives it one with /nrr health set owner.COMPONENT hr");
        assertThat(text(bot.ask("U0VIEWER", "function account_management"))).contains("Account Management holds")
                .contains("/nrr health account_management");
    }

    @Test
    void theBacktestIsForAdminsAndCsLeadersAndSaysPlainlyWhenTheScoreDoesNotPredict() throws Exception {
        assertThat(text(bot.ask("U0VIEWER", "health backtest"))).contains("The backtest is for admins and CS leaders");
        String b = text(bot.ask(CS, "health backtest"));
        assertThat(b).contains("Backtest, ").contains("AUC").contains("riskiest tenth").contains("lift")
                .contains("Each part alone:").contains("What happened next, per band");
        assertThat(b).containsAnyOf("The score does not predict for this company", "The score predicts for this company",
                "Too little history");
    }

    @Test
    void settingsAreChangedByAdminsCheckedAndLogged() throws Exception {
        assertThat(text(bot.ask(CS, "health set weight.usage_trend 25"))).contains("Health settings are changed by admins");
        assertThat(text(bot.ask(RunningBot.ADMIN, "health set weight usage_trend 25")))
                .contains("Set weight.usage_trend to 25 (was the default)");
        assertThat(text(bot.ask(RunningBot.ADMIN, "health set weight.usage_trend lots"))).contains("'lots' is not a whole number");
        assertThat(text(bot.ask(RunningBot.ADMIN, "health set owner.errors wizards"))).contains("'wizards' is not a function");
        String s = text(bot.ask("U0VIEWER", "health settings"));
        assertThat(s).contains("usage_trend").contains("weight  25").contains("weight.usage_trend: default → 25 by slack:" + RunningBot.ADMIN);
    }
}
