package id.fleksi.modules.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.platform.problem.Problem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A digest's period: a month or an ISO week, cut into ISO weeks clipped to it. No database. */
class DigestPeriodTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-02");

    @Test
    void aMonthIsCutIntoIsoWeeksClippedToIt() {
        DigestPeriod november = DigestPeriod.parse("2026-11", null, TODAY);

        assertThat(november.from()).isEqualTo("2026-11-01");
        assertThat(november.to()).isEqualTo("2026-11-30");
        assertThat(november.weeks())
                .containsExactly(
                        new DigestPeriod.Week("2026-W44", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-01")),
                        new DigestPeriod.Week("2026-W45", LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-08")),
                        new DigestPeriod.Week("2026-W46", LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-15")),
                        new DigestPeriod.Week("2026-W47", LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-22")),
                        new DigestPeriod.Week("2026-W48", LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29")),
                        new DigestPeriod.Week(
                                "2026-W49", LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-30")));
    }

    @Test
    void anIsoWeekRunsMondayToSundayAcrossTheYearsEnd() {
        assertThat(DigestPeriod.parse(null, "2026-W48", TODAY))
                .isEqualTo(new DigestPeriod("2026-W48", LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29")));
        assertThat(DigestPeriod.parse(null, "2026-W53", TODAY))
                .as("2026 has 53 ISO weeks")
                .isEqualTo(new DigestPeriod("2026-W53", LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-03")));
        assertThat(DigestPeriod.parse(null, "2027-W01", TODAY).from()).isEqualTo("2027-01-04");
    }

    @Test
    void theNextAndThePreviousAreOfTheSameKind() {
        assertThat(DigestPeriod.parse("2026-01", null, TODAY).previous()).isEqualTo("2025-12");
        assertThat(DigestPeriod.parse("2026-12", null, TODAY).next()).isEqualTo("2027-01");
        assertThat(DigestPeriod.parse(null, "2026-W53", TODAY).next()).isEqualTo("2027-W01");
        assertThat(DigestPeriod.parse(null, "2026-W01", TODAY).previous()).isEqualTo("2025-W52");
    }

    @Test
    void withoutAPeriodItIsThisMonthAndAnythingElseIsRefused() {
        assertThat(DigestPeriod.parse(null, " ", TODAY).label()).isEqualTo("2026-12");
        assertThatThrownBy(() -> DigestPeriod.parse("2026-13", null, TODAY))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("2026-13 is neither");
        assertThatThrownBy(() -> DigestPeriod.parse(null, "2027-W53", TODAY)).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> DigestPeriod.parse("2026-11", "2026-W48", TODAY))
                .isInstanceOf(Problem.class);
    }
}
