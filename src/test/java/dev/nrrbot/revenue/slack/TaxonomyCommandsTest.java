package dev.nrrbot.revenue.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.metrics.Contribution;
import dev.nrrbot.metrics.NrrEngine;
import dev.nrrbot.metrics.Segment;
import dev.nrrbot.metrics.TaxonomyChanges;
import dev.nrrbot.platform.format.Money;
import dev.nrrbot.revenue.TaxonomyChange;
import dev.nrrbot.serve.BlockText;
import dev.nrrbot.serve.RunningBot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /nrr taxonomy} through the real app with signed requests: anyone lists it, only admins change it. */
class TaxonomyCommandsTest extends dev.nrrbot.serve.SharedBot {

    static final String VIEWER = "U0VIEWER";

    @BeforeEach
    void reset() throws Exception {
        bot.reset();
    }

    String ask(String user, String text) throws Exception {
        return BlockText.of(bot.ask(user, text));
    }

    /** What the T12M answer says of {@code f}'s contribution: "• Finance *-1.2 pts*". */
    static String line(NrrEngine engine, BusinessFunction f) {
        Contribution c = engine.report(engine.window("T12M"), Segment.ALL).contributions().stream()
                .filter(x -> x.function() == f).findFirst().orElseThrow();
        return "• " + c.functionLabel() + " *" + Money.points(c.points()) + " pts*";
    }

    @Test
    void anAdminMovesACodeAndTheNextAnswerCountsItForTheNewFunction() throws Exception {
        assertThat(ask(VIEWER, "taxonomy")).contains("Reason and driver codes").contains("`pricing` reason · Finance · also cost, price");
        NrrEngine before = bot.engine();
        assertThat(ask(VIEWER, "T12M")).contains(line(before, BusinessFunction.FINANCE));
        TaxonomyChanges.Reach reach = TaxonomyChanges.reach(before.portfolio(), "pricing", before.currentMonth(), 12);
        assertThat(reach.count()).as("the demo company has pricing churn to move").isPositive();

        String moved = ask(RunningBot.ADMIN, "taxonomy move pricing sales");

        assertThat(moved).startsWith("pricing now counts for Sales: ")
                .contains(Money.whole(reach.cents()) + " MRR of the last 12 months move from Finance to Sales.");
        NrrEngine after = bot.engine();
        assertThat(line(after, BusinessFunction.FINANCE)).isNotEqualTo(line(before, BusinessFunction.FINANCE));
        assertThat(ask(VIEWER, "T12M")).as("recomputed at once").contains(line(after, BusinessFunction.FINANCE))
                .contains(line(after, BusinessFunction.SALES));
        assertThat(ask(VIEWER, "taxonomy")).contains("`pricing` reason · Sales");
        assertThat(bot.store.taxonomyHistory()).extracting(TaxonomyChange::changedBy, TaxonomyChange::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RunningBot.ADMIN, "from finance to sales"));

        assertThat(ask(RunningBot.ADMIN, "taxonomy move pricing finance")).contains("move from Sales to Finance.");
        assertThat(ask(RunningBot.ADMIN, "taxonomy add Pricing_Complaint finance Pricing complaint"))
                .startsWith("pricing_complaint is now a reason code of Finance");
        assertThat(ask(RunningBot.ADMIN, "taxonomy alias too_pricey pricing_complaint"))
                .startsWith("Imports now read too_pricey as pricing_complaint (Finance).");
        assertThat(ask(RunningBot.ADMIN, "taxonomy move pricing treasury")).startsWith("'treasury' is not a function. Use one of:");
        assertThat(ask(RunningBot.ADMIN, "taxonomy rename pricing")).contains("is not something I can do to the taxonomy");
    }

    @Test
    void aViewersChangeIsRefusedInOneSentenceAndNothingChanges() throws Exception {
        long version = bot.store.dataVersion();
        String refused = ask(VIEWER, "taxonomy move pricing sales").trim();
        assertThat(refused).isEqualTo("Only admins change the taxonomy: moving a code moves revenue between functions and their"
                + " scorecards. Ask <@" + RunningBot.ADMIN + ">.");
        assertThat(ask(VIEWER, "taxonomy add vendor_churn finance").trim()).isEqualTo(refused);
        assertThat(bot.store.taxonomy().byCode("pricing").orElseThrow().function()).isEqualTo(BusinessFunction.FINANCE);
        assertThat(bot.store.dataVersion()).isEqualTo(version);
        assertThat(bot.store.taxonomyHistory()).isEmpty();
        assertThat(ask(VIEWER, "help")).contains("/nrr taxonomy");
    }
}
