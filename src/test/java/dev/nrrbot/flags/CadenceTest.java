package dev.nrrbot.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CadenceTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void withNoSettingsTheDefaultsHoldInTheGivenZone() {
        Cadence c = Cadence.from(Map.of(), BERLIN);
        assertThat(c).isEqualTo(new Cadence(2, 3, 7, DayOfWeek.MONDAY, 9, BERLIN));
        assertThat(Cadence.from(Map.of(), ZoneId.of("UTC"))).isEqualTo(Cadence.DEFAULTS);
    }

    @Test
    void settingsOverrideTheDefaults() {
        Cadence c = Cadence.from(Map.of("followup_business_days", "3", "nudges_before_escalation", "5", "snooze_days", "14",
                "digest_day", "friday", "digest_hour", " 16 "), BERLIN);
        assertThat(c).isEqualTo(new Cadence(3, 5, 14, DayOfWeek.FRIDAY, 16, BERLIN));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" keeps the default")
    @CsvSource({
            "followup_business_days, two",
            "followup_business_days, 0",
            "followup_business_days, 31",
            "followup_business_days, ''",
            "nudges_before_escalation, -1",
            "nudges_before_escalation, 21",
            "snooze_days, 91",
            "snooze_days, 1.5",
            "digest_day, Funday",
            "digest_day, 1",
            "digest_hour, 24",
            "digest_hour, -1",
            "digest_hour, 9am",
    })
    void aBadValueKeepsTheDefault(String name, String value) {
        assertThat(Cadence.from(Map.of(name, value), ZoneId.of("UTC"))).isEqualTo(Cadence.DEFAULTS);
    }

    @Test
    void unknownSettingsAreIgnoredAndGoodOnesStillApply() {
        Cadence c = Cadence.from(Map.of("colour", "blue", "snooze_days", "3", "digest_hour", "99"), ZoneId.of("UTC"));
        assertThat(c.snoozeDays()).isEqualTo(3);
        assertThat(c.digestHour()).isEqualTo(9);
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is stored as {2}")
    @CsvSource({
            "followup_business_days, 1, 1",
            "followup_business_days, 30, 30",
            "nudges_before_escalation, ' 20 ', 20",
            "snooze_days, 007, 7",
            "snooze_days, 90, 90",
            "digest_day, sunday, SUNDAY",
            "digest_day, ' Monday ', MONDAY",
            "digest_hour, 0, 0",
            "digest_hour, 23, 23",
    })
    void validateNormalizesWhatItAccepts(String name, String value, String stored) {
        assertThat(Cadence.validate(name, value)).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is refused")
    @CsvSource({
            "followup_business_days, 0",
            "followup_business_days, 31",
            "nudges_before_escalation, 0",
            "snooze_days, 0",
            "snooze_days, 91",
            "snooze_days, seven",
            "digest_day, Funday",
            "digest_hour, 24",
            "digest_hour, -1",
            "digest_hour, ''",
    })
    void validateRefusesBadValuesSayingWhatIsAccepted(String name, String value) {
        assertThatThrownBy(() -> Cadence.validate(name, value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + value + "' is not valid for " + name + ": " + Cadence.SETTINGS.get(name));
    }

    @Test
    void validateRefusesUnknownSettingsListingTheKnownOnes() {
        assertThatThrownBy(() -> Cadence.validate("snooze", "7")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown setting 'snooze'. Settings: followup_business_days, nudges_before_escalation, snooze_days,"
                        + " digest_day, digest_hour, reason_floor_mrr, dm_cap_per_day");
    }

    @Test
    void theReasonFloorIsWholeMrrInCents() {
        assertThat(Cadence.reasonFloorCents(java.util.Map.of())).isZero();
        assertThat(Cadence.reasonFloorCents(java.util.Map.of("reason_floor_mrr", "250"))).isEqualTo(25_000);
        assertThat(Cadence.reasonFloorCents(java.util.Map.of("reason_floor_mrr", "-1"))).isZero();
        assertThatThrownBy(() -> Cadence.validate("reason_floor_mrr", "lots")).hasMessageContaining("whole MRR");
    }
}
