package id.fleksi.modules.evaluation.closing;

import static id.fleksi.modules.evaluation.closing.ClosingRows.BKD;
import static id.fleksi.modules.evaluation.closing.ClosingRows.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import id.fleksi.modules.attendance.Absences;
import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.modules.evaluation.month.internal.EvaluationRows;
import id.fleksi.modules.evaluation.rules.RulePresets;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.testing.TestClock;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the exports read: November 2026 as paid, in the pemda of {@link ClosingRows} under Tebo's rules. Siti (Bidang TIK,
 * under Diskominfo) checked in on every weekday up to the 25th (45 minutes late on the 3rd) and asked leave for the 27th;
 * closed with the 26th, 27th and 30th unexcused she was paid 16%. A correction of the 27th lets her leave be approved:
 * 11% now. The exports keep showing 16% until BKD closes again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class MonthAsPaidTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    MonthAsPaid paid;

    @Autowired
    MonthClosings closings;

    @Autowired
    Corrections corrections;

    @Autowired
    MonthlyEvaluations evaluations;

    @Autowired
    RuleSets rules;

    @Autowired
    Absences absences;

    @Autowired
    TestClock clock;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantMigrator migrator;

    @Autowired
    ModuleSwitches switches;

    @Autowired
    JdbcClient jdbc;

    TenantCode code;
    Tenant tenant;
    ClosingRows rows;
    UUID sitiFriday;

    @BeforeEach
    void aPemdaAtTheEndOfNovember() {
        code = TestTenants.migrated(registry, migrator, "paid"); // WITA (UTC+8)
        for (String module : List.of("fwa", "attendance", "activity-reports", "monitoring", "evaluation")) {
            switches.change(code, module, true, Map.of(), "test");
        }
        switches.change(
                code,
                "attendance",
                null,
                Map.of("checkInWindow", "00:00-23:59", "checkOutWindow", "00:00-23:59", "latenessToleranceMinutes", 0),
                "test");
        tenant = registry.require(code);
        rows = new ClosingRows(jdbc, code);
        TenantContext.runAs(code, () -> {
            rules.seedHistory(rules.draft(RulePresets.TEBO_2022, LocalDate.of(2026, 1, 1)), "bkd");
            for (LocalDate d = day("2026-11-02"); !d.isAfter(day("2026-11-25")); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    EvaluationRows.checkIn(jdbc, rows.siti, d, "IN", "WFO", d.getDayOfMonth() == 3 ? 45 : 0, 0);
                    EvaluationRows.checkIn(jdbc, rows.siti, d, "OUT", "WFO", 0, 0);
                }
            }
        });
        clock.set("2026-11-30T10:00:00+08:00");
        sitiFriday = as(() -> absences.file(
                        "siti",
                        new Absences.NewAbsence(
                                Absences.Kind.IZIN,
                                day("2026-11-27"),
                                day("2026-11-27"),
                                "Urusan keluarga",
                                null,
                                null,
                                null)))
                .id();
        clock.set("2026-12-01T08:00:00+08:00");
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, code);
    }

    @Test
    void anOpenMonthIsTheCurrentComputationInTheEvaluationsOrder() {
        List<MonthAsPaid.Shown> shown = shown(null);

        assertThat(shown)
                .extracting(s -> s.figures().name(), MonthAsPaid.Shown::paid, MonthAsPaid.Shown::currentDiffers)
                .containsExactly(
                        tuple("Budi Atasan", false, false),
                        tuple("Tono Aparatur", false, false),
                        tuple("Siti Aparatur", false, false),
                        tuple("Andi Atasan", false, false),
                        tuple("Rina Aparatur", false, false));
        assertThat(names(evaluation(null)))
                .isEqualTo(names(shown.stream().map(MonthAsPaid.Shown::figures).toList()));
        assertThat(paid.standing(tenant, NOVEMBER, null).noneClosed()).isTrue();
        assertThat(paid.standing(tenant, NOVEMBER, rows.bidangTik).opds())
                .extracting(MonthClosings.OpdState::code)
                .containsExactly("DISKOMINFO");
    }

    @Test
    void aClosedOpdIsShownAsPaidAfterACorrectionUntilClosedAgainAndTheOpenOpdAsComputedNow() {
        as(() -> closings.close(tenant, BKD, NOVEMBER, "DISKOMINFO"));
        as(() -> corrections.record(
                tenant,
                BKD,
                new Corrections.NewCorrection(rows.siti, day("2026-11-27"), null, "Surat izin diserahkan terlambat")));
        as(() -> absences.decide("andi", sitiFriday, true, null));
        assertThat(evaluations.employee(code, rows.siti, NOVEMBER).deductionPercent())
                .isEqualByComparingTo("11");

        List<MonthAsPaid.Shown> shown = shown(null);

        assertThat(shown)
                .extracting(s -> s.figures().name(), MonthAsPaid.Shown::version, MonthAsPaid.Shown::currentDiffers)
                .containsExactly(
                        tuple("Budi Atasan", null, false),
                        tuple("Tono Aparatur", null, false),
                        tuple("Siti Aparatur", 1, true),
                        tuple("Andi Atasan", 1, false),
                        tuple("Rina Aparatur", 1, false));
        EmployeeMonth siti = shown.get(2).figures();
        assertThat(siti.deductionPercent()).isEqualByComparingTo("16");
        assertThat(siti.unexcusedDays()).isEqualTo(3);
        assertThat(siti.absencesByKind()).isEmpty();
        assertThat(shown.get(2).closedAt()).isEqualTo(clock.instant());
        MonthAsPaid.Standing standing = paid.standing(tenant, NOVEMBER, rows.bidangTik);
        assertThat(standing.single())
                .extracting(
                        MonthClosings.OpdState::code, MonthClosings.OpdState::state, MonthClosings.OpdState::version)
                .containsExactly("DISKOMINFO", "CORRECTING", 1);
        assertThat(standing.openCorrections()).isEqualTo(1);
        MonthAsPaid.Standing pemda = paid.standing(tenant, NOVEMBER, null);
        assertThat(pemda.closedCount()).isEqualTo(1);
        assertThat(pemda.allClosed()).isFalse();
        assertThat(pemda.noneClosed()).isFalse();

        as(() -> closings.close(tenant, BKD, NOVEMBER, "DISKOMINFO"));

        List<MonthAsPaid.Shown> again = shown(rows.diskominfo);
        assertThat(again)
                .extracting(s -> s.figures().name(), MonthAsPaid.Shown::version, MonthAsPaid.Shown::currentDiffers)
                .containsExactly(
                        tuple("Siti Aparatur", 2, false),
                        tuple("Andi Atasan", 2, false),
                        tuple("Rina Aparatur", 2, false));
        assertThat(again.get(0).figures().deductionPercent()).isEqualByComparingTo(new BigDecimal("11"));
        assertThat(again.get(0).figures().absencesByKind()).containsEntry("IZIN", 1);
        assertThat(paid.standing(tenant, NOVEMBER, rows.diskominfo).single().state())
                .isEqualTo("CLOSED");
    }

    private List<MonthAsPaid.Shown> shown(UUID unit) {
        List<MonthAsPaid.Shown> shown = new ArrayList<>();
        as(() -> {
            paid.each(tenant, evaluations, NOVEMBER, unit, shown::add);
            return null;
        });
        return shown;
    }

    private List<EmployeeMonth> evaluation(UUID unit) {
        List<EmployeeMonth> months = new ArrayList<>();
        evaluations.each(code, NOVEMBER, unit, months::add);
        return months;
    }

    private static List<String> names(List<EmployeeMonth> months) {
        return months.stream().map(EmployeeMonth::name).toList();
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(code, work);
    }
}
