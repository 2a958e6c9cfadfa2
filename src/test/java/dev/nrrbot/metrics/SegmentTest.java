package dev.nrrbot.metrics;

import static dev.nrrbot.metrics.Books.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A segment keeps the accounts whose attribute equals a value, compared without regard to case. */
class SegmentTest {

    private static Account account(String plan) {
        return new Account("x", "X", "Pat@Example.com", null, Map.of("Plan", plan));
    }

    @Test
    void keyAndValueMatchWithoutRegardToCase() {
        Segment s = Segment.parse("PLAN=enterprise");
        assertThat(s.key()).isEqualTo("plan");
        assertThat(s.matches(account("Enterprise"))).isTrue();
        assertThat(s.matches(account(" ENTERPRISE "))).isTrue();
        assertThat(s.matches(account("SMB"))).isFalse();
        assertThat(s.matches(account("Enterprise Plus"))).isFalse();
    }

    @Test
    void anAccountWithoutTheAttributeIsNotInTheSegment() {
        assertThat(Segment.parse("region=EMEA").matches(account("Enterprise"))).isFalse();
        assertThat(Segment.parse("region=EMEA").matches(Account.bare("y"))).isFalse();
    }

    @Test
    void csmMatchesTheCsmEmail() {
        assertThat(Segment.parse("csm=pat@example.com").matches(account("SMB"))).isTrue();
        assertThat(Segment.parse("csm=sam@example.com").matches(account("SMB"))).isFalse();
    }

    @Test
    void blankTextMeansAllAccounts() {
        assertThat(Segment.parse("")).isEqualTo(Segment.ALL);
        assertThat(Segment.parse(null).isAll()).isTrue();
        assertThat(Segment.ALL.matches(Account.bare("y"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "=Enterprise", "plan=", "Enterprise"})
    void textThatIsNotKeyEqualsValueIsRefusedWithAnExample(String text) {
        assertThatThrownBy(() -> Segment.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text)
                .hasMessageContaining("KEY=VALUE")
                .hasMessageContaining("plan=Enterprise");
    }

    @Test
    void aSegmentedReportCountsOnlyTheSegmentsAccounts() {
        NrrEngine engine = Books.months("2025-01", "2025-02")
                .account("big", "2025-01", 1000, "2025-02", 1200)
                .account("big2", "2025-01", 3000, "2025-02", 3000)
                .account("small", "2025-01", 500, "2025-02", 0)
                .account("unknown", "2025-01", 700, "2025-02", 0) // no account record at all
                .attributes("big", null, "plan", "Enterprise")
                .attributes("big2", null, "plan", "enterprise")
                .attributes("small", null, "plan", "SMB")
                .engine();
        RetentionReport r = engine.report(Window.month(Books.ym("2025-02")), Segment.parse("plan=ENTERPRISE"));
        assertThat(r.cohortAccounts()).isEqualTo(2);
        assertThat(r.startCents()).isEqualTo(usd(4000));
        assertThat(r.endCents()).isEqualTo(usd(4200));
        assertThat(r.churnCents()).isZero();
        assertThat(r.segment().toString()).isEqualTo("plan=ENTERPRISE");

        ReasonPareto smb = engine.pareto(Window.month(Books.ym("2025-02")), Segment.parse("plan=smb"));
        assertThat(smb.totalLostCents()).isEqualTo(usd(500));
    }
}
