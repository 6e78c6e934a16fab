package id.fleksi.modules.fwa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.modules.fwa.PolicyVersion;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The policy page's new-version form, filled from a version and sent back unchanged, is that version again. */
class PolicyFormTest {

    private static final UUID HEALTH = UUID.randomUUID();
    private static final UUID REGISTRY = UUID.randomUUID();

    @Test
    void aFormFilledFromAVersionAndSentAsItIsGivesTheSameRules() {
        PolicyVersion current = new PolicyVersion(
                UUID.randomUUID(),
                LocalDate.parse("2026-01-22"),
                true,
                Set.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                LocalDate.parse("2026-01-22"),
                LocalDate.parse("2026-04-22"),
                Set.of(9, 7, 8),
                true,
                false,
                true,
                false,
                30,
                12,
                LocalTime.of(7, 0),
                LocalTime.of(8, 30),
                LocalTime.of(9, 0),
                LocalTime.of(15, 0),
                "Perbup 12/2026",
                List.of(new PolicyVersion.Window(
                        LocalDate.parse("2025-12-29"),
                        LocalDate.parse("2025-12-31"),
                        "SE MenPANRB B/531/M.KT.02/2025 | libur akhir tahun")),
                List.of(
                        new PolicyVersion.UnitRule(HEALTH, true, null, null),
                        new PolicyVersion.UnitRule(REGISTRY, false, 10, null)),
                "admin",
                null);

        PolicyForm form = PolicyForm.from(current, LocalDate.parse("2026-12-08"));
        assertThat(form.talentBoxes()).isEqualTo("7, 8, 9");
        assertThat(form.wfoUnits()).containsExactly(HEALTH);
        assertThat(form.quotas()).containsExactly(REGISTRY + "|10|");

        PolicyVersion again = form.toVersion();
        assertThat(again.effectiveFrom()).isEqualTo(LocalDate.parse("2026-12-08"));
        assertThat(again)
                .usingRecursiveComparison()
                .ignoringFields("id", "effectiveFrom", "createdBy", "createdAt", "units")
                .isEqualTo(current);
        assertThat(again.units()).containsExactlyInAnyOrderElementsOf(current.units());
    }

    @Test
    void anEmptyFormIsFlexibleWorkOnWithNothingElse() {
        PolicyVersion version =
                PolicyForm.from(null, LocalDate.parse("2026-12-08")).toVersion();
        assertThat(version.enabled()).isTrue();
        assertThat(version.wfaWeekdays()).isEmpty();
        assertThat(version.units()).isEmpty();
        assertThat(version.windows()).isEmpty();
        assertThat(version.note()).isNull();
    }
}
