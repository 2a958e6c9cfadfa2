package dev.nrrbot.comp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The modifier at the floor, the target and the cap, and in between. */
class PayoutCurveTest {

    final PayoutCurve curve = new PayoutCurve(new BigDecimal("90"), new BigDecimal("110"), new BigDecimal("130"), new BigDecimal("1.5"));

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void belowAndAtTheFloorPaysNothing() {
        assertThat(curve.modifier(d("72.5"))).isEqualByComparingTo("0");
        assertThat(curve.modifier(d("90"))).isEqualByComparingTo("0");
        assertThat(curve.explain(d("85"))).contains("at or below the floor 90%: modifier 0");
    }

    @Test
    void fromTheFloorToTheTargetItRisesInAStraightLineToOne() {
        assertThat(curve.modifier(d("100"))).isEqualByComparingTo("0.5");
        assertThat(curve.modifier(d("104.7"))).isEqualByComparingTo("0.735");
        assertThat(curve.modifier(d("110"))).isEqualByComparingTo("1");
        assertThat(curve.explain(d("104.7"))).isEqualTo("(104.7% − 90%) ÷ (110% − 90%) = 0.7350");
    }

    @Test
    void aboveTheTargetItRisesToTheCapAndStops() {
        assertThat(curve.modifier(d("120"))).isEqualByComparingTo("1.25");
        assertThat(curve.modifier(d("130"))).isEqualByComparingTo("1.5");
        assertThat(curve.modifier(d("160"))).isEqualByComparingTo("1.5");
        assertThat(curve.explain(d("120"))).isEqualTo("1 + (120% − 110%) × (1.5 − 1) ÷ (130% − 110%) = 1.2500");
        assertThat(curve.explain(d("140"))).contains("capped at 1.5");
    }

    @Test
    void aCurveThatMakesNoSenseIsRefusedWithWords() {
        assertThatThrownBy(() -> new PayoutCurve(d("110"), d("110"), d("130"), d("1.5"))).hasMessageContaining("floor (110%) must be below the target");
        assertThatThrownBy(() -> new PayoutCurve(d("90"), d("110"), d("105"), d("1.5"))).hasMessageContaining("above the target");
        assertThatThrownBy(() -> new PayoutCurve(d("90"), d("110"), d("130"), d("0.8"))).hasMessageContaining("at least 1.0");
    }
}
