package dev.nrrbot.comp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nrrbot.comp.db.JdbiCompStore;
import dev.nrrbot.metrics.BusinessFunction;
import dev.nrrbot.platform.db.Database;
import dev.nrrbot.platform.db.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The plan in force for a window, from settings alone, and the settings and their history on a real database. */
class CompStoreTest {

    @AutoClose
    TestDatabase database = TestDatabase.memory();

    static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    @Test
    void withNoSettingsThePlanIsTheDefaults() {
        CompStore.Plan plan = CompStore.Plan.of(Map.of(), "2026-Q3");
        assertThat(plan.companyTarget()).isEqualByComparingTo("100");
        assertThat(plan.functionTargets()).isEmpty();
        assertThat(plan.weights()).isEqualTo(Weights.defaults());
        assertThat(plan.curve()).isEqualTo(new PayoutCurve(PayoutCurve.DEFAULT_FLOOR, n("100"), n("120"), PayoutCurve.DEFAULT_CAP));
    }

    @Test
    void aWindowsOwnTargetBeatsTheDefaultAndTheCurveFollowsATargetMovedPastIt() {
        Map<String, BigDecimal> s = Map.of("target.company.default", n("105"), "target.company.2026-Q3", n("130"),
                "target.product.default", n("-1"), "weight.support", n("45"), "curve.floor", n("95"), "curve.cap_at", n("125"));
        CompStore.Plan q3 = CompStore.Plan.of(s, "2026-Q3");
        assertThat(q3.companyTarget()).isEqualByComparingTo("130");
        // the stored cap point (125%) is below the target: the cap moves to 20 points above it
        assertThat(q3.curve().capAt()).isEqualByComparingTo("150");
        assertThat(q3.curve().floor()).isEqualByComparingTo("95");
        assertThat(q3.functionTargets()).containsEntry(BusinessFunction.PRODUCT, n("-1"));
        assertThat(q3.weights()).containsEntry(BusinessFunction.SUPPORT, n("45"));
        CompStore.Plan q2 = CompStore.Plan.of(s, "2026-Q2");
        assertThat(q2.companyTarget()).isEqualByComparingTo("105");
        assertThat(q2.curve().capAt()).isEqualByComparingTo("125");
        // a floor at or above the target keeps a usable curve: 10 points below it
        assertThat(CompStore.Plan.of(Map.of("target.company.default", n("90")), "2026-Q3").curve().floor()).isEqualByComparingTo("80");
    }

    @Test
    void theDatabaseKeepsEachSettingAndEveryChangeWithWhoAndWhen() {
        Database db = database.open();
        CompStore store = new JdbiCompStore(db.jdbi());
        Instant t1 = Instant.parse("2026-11-23T10:00:00Z");
        Instant t2 = Instant.parse("2026-11-24T11:30:00Z");
        store.set("target.company.default", n("110.0"), "U0ADMIN", t1);
        store.set("target.company.default", n("112"), "U0OTHER", t2);
        store.set("weight.support", n("45"), "U0ADMIN", t2);

        assertThat(store.all()).containsOnlyKeys("target.company.default", "weight.support");
        assertThat(store.all().get("target.company.default")).isEqualByComparingTo("112");
        assertThat(store.plan("2026-Q3").companyTarget()).isEqualByComparingTo("112");
        assertThat(store.history(10)).containsExactly(
                new CompStore.Change("weight.support", null, "45", "U0ADMIN", t2),
                new CompStore.Change("target.company.default", "110", "112", "U0OTHER", t2),
                new CompStore.Change("target.company.default", null, "110", "U0ADMIN", t1));
        assertThat(store.history(1)).hasSize(1);
    }
}
