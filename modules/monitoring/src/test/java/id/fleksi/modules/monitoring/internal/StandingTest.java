package id.fleksi.modules.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StandingTest {

    @Test
    void aCheckInCountsByItsWorkModeWhateverTheDay() {
        assertThat(Standing.of("WFO", true, null, false)).isEqualTo(Standing.WFO);
        assertThat(Standing.of("WFA", true, "IZIN", true)).isEqualTo(Standing.WFA);
        assertThat(Standing.of("DL", false, null, true)).isEqualTo(Standing.DINAS_LUAR);
        assertThat(Standing.of("WFO", false, null, false).checkedIn()).isTrue();
    }

    @Test
    void withoutACheckInSomeoneNotExpectedIsOffBeforeAnyExcuseIsLookedAt() {
        assertThat(Standing.of(null, false, "CUTI", true)).isEqualTo(Standing.OFF);
    }

    @Test
    void anApprovedAbsenceExcusesAndTheWindowDecidesBetweenNotYetAndAbsent() {
        assertThat(Standing.of(null, true, "SAKIT", true)).isEqualTo(Standing.EXCUSED);
        assertThat(Standing.of(null, true, null, false)).isEqualTo(Standing.NOT_YET_IN);
        assertThat(Standing.of(null, true, null, true)).isEqualTo(Standing.ABSENT);
        assertThat(Standing.ABSENT.checkedIn()).isFalse();
    }
}
