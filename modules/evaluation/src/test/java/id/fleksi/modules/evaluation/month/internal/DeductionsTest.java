package id.fleksi.modules.evaluation.month.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.fleksi.modules.attendance.AttendanceModule;
import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.attendance.CheckIns;
import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.EmployeeMonth.DeductionLine;
import id.fleksi.modules.evaluation.EvaluationModule;
import id.fleksi.modules.evaluation.rules.RulePresets;
import id.fleksi.modules.evaluation.rules.RuleSet;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.testing.TestClock;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestTenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * February 2026 of Siti, made by hand through real check-ins (so lateness and early leave are what attendance judged,
 * by the regular hours, then Ramadan's from the 18th): every band's edges, an approved sick day, dinas luar, the Imlek
 * holidays, a missed apel, a day without a check-out, unexcused days, the rules changing on the 19th (unexcused 5% to
 * 10%, a cap of 20%, lateness up to 30 minutes made good by leaving later), and the cap cutting the sum.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DeductionsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    @Autowired
    Evaluations evaluations;

    @Autowired
    RuleSets rules;

    @Autowired
    CheckIns checkIns;

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
    UUID siti;

    @BeforeEach
    void februaryOfSiti() {
        code = TestTenants.migrated(registry, migrator, "evl"); // WITA (UTC+8)
        for (String module :
                new String[] {AttendanceModule.ID, "fwa", "activity-reports", "monitoring", EvaluationModule.ID}) {
            switches.change(code, module, true, Map.of(), "test");
        }
        // The day open and no tolerance, as tenants had before the window defaults: the hand-made times are judged as
        // they are.
        switches.change(
                code,
                "attendance",
                null,
                Map.of("checkInWindow", "00:00-23:59", "checkOutWindow", "00:00-23:59", "latenessToleranceMinutes", 0),
                "test");
        // A check-out without an activity is taken (and the day marked): this month is about attendance.
        switches.change(code, "activity-reports", null, Map.of("refuseCheckOutWithoutActivity", "false"), "test");
        clock.set("2026-01-20T09:00:00+08:00");
        TenantContext.runAs(code, () -> {
            UUID unit = EvaluationRows.unit(jdbc, "DISKOMINFO", "Diskominfo", null);
            EvaluationRows.office(jdbc, unit);
            UUID andi = EvaluationRows.person(jdbc, "Andi", unit, null);
            siti = EvaluationRows.person(jdbc, "Siti", unit, andi);
            jdbc.sql(TenantSql.of("insert into {work_schedule} (id, unit_id, kind, valid_from, valid_to, days)"
                            + " values (?, null, 'RAMADAN', '2026-02-18', '2026-03-19', cast(? as jsonb))"))
                    .params(
                            UUID.randomUUID(),
                            "{\"MONDAY\":{\"start\":\"08:00\",\"end\":\"15:00\",\"breakMinutes\":30},"
                                    + "\"TUESDAY\":{\"start\":\"08:00\",\"end\":\"15:00\",\"breakMinutes\":30},"
                                    + "\"WEDNESDAY\":{\"start\":\"08:00\",\"end\":\"15:00\",\"breakMinutes\":30},"
                                    + "\"THURSDAY\":{\"start\":\"08:00\",\"end\":\"15:00\",\"breakMinutes\":30},"
                                    + "\"FRIDAY\":{\"start\":\"08:00\",\"end\":\"15:30\",\"breakMinutes\":60}}")
                    .update();
            // Mukomuko's rules from 1 February; from the 19th unexcused days cost 10%, the month at most 20%, and
            // lateness
            // up to 30 minutes is made good by leaving as much later.
            RuleSet first = rules.add(rules.draft(RulePresets.MUKOMUKO_2021, LocalDate.of(2026, 2, 1)), "bkd");
            rules.add(EvaluationRows.changed(first, LocalDate.of(2026, 2, 19), "10", "20", 30), "bkd");
            UUID apel = EvaluationRows.mondayApel(jdbc);
            EvaluationRows.atApel(jdbc, apel, siti, day(2));
            EvaluationRows.atApel(jdbc, apel, siti, day(23));
            EvaluationRows.absence(jdbc, siti, "SAKIT", day(10), day(10));
            EvaluationRows.absence(jdbc, siti, "DINAS_LUAR", day(11), day(11));
            EvaluationRows.reported(jdbc, siti, day(2), "Surat keluar", 20, 3);
        });
        day(2, "08:00", "16:00"); // 30 minutes late: TL1's last minute
        day(3, "08:01", "16:00"); // 31: TL2's first
        day(4, "08:30", "15:30"); // 60 late (TL2's last), 30 early (PSW1's last)
        day(5, "08:31", "15:29"); // 61 late (TL3's first), 31 early (PSW2's first)
        day(6, "09:00", "16:30"); // Friday: 90 late, TL3's last
        day(9, "09:01", null); // 91 late (TL4), no check-out, and the Monday apel missed
        // the 10th: sick, approved
        day(11, "09:00", "16:00"); // dinas luar, approved: late by the clock, not deducted
        // the 12th: nothing at all
        day(13, "07:30", "16:30");
        // the 16th and 17th: Imlek (cuti bersama and the holiday); in on the holiday all the same
        day(17, "10:00", "11:00");
        day(18, "08:00", "15:00"); // Ramadan: 08:00-15:00, neither late nor early
        day(19, "08:45", "15:00"); // the new rules: 45 late
        // the 20th: nothing at all, now 10%
        day(23, "08:00", "15:00");
        day(24, "08:20", "15:25"); // 20 late, made good by 25 minutes later
        day(25, "08:20", "15:10"); // 20 late, only 10 later: not made good
        day(26, "08:00", "15:00");
        day(27, "08:00", "15:30");
        clock.set("2026-03-02T10:00:00+08:00");
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, code);
    }

    @Test
    void februaryIsDeductedLineByLineByTheRulesOfEachDayAndCutAtTheCap() {
        EmployeeMonth month = evaluations.employee(code, siti, FEBRUARY);

        assertThat(month.lines())
                .extracting(
                        DeductionLine::date,
                        DeductionLine::rule,
                        DeductionLine::band,
                        DeductionLine::minutes,
                        DeductionLine::percent,
                        DeductionLine::ruleSetVersion,
                        DeductionLine::explanation)
                .containsExactly(
                        tuple(day(2), "LATE", "TL1", 30, pct("0.5"), 1, "Terlambat 30 menit (1–30 menit): 0,5%"),
                        tuple(day(3), "LATE", "TL2", 31, pct("1"), 1, "Terlambat 31 menit (31–60 menit): 1%"),
                        tuple(day(4), "LATE", "TL2", 60, pct("1"), 1, "Terlambat 60 menit (31–60 menit): 1%"),
                        tuple(
                                day(4),
                                "EARLY_LEAVE",
                                "PSW1",
                                30,
                                pct("0.5"),
                                1,
                                "Pulang sebelum waktu 30 menit (1–30 menit): 0,5%"),
                        tuple(day(5), "LATE", "TL3", 61, pct("1.25"), 1, "Terlambat 61 menit (61–90 menit): 1,25%"),
                        tuple(
                                day(5),
                                "EARLY_LEAVE",
                                "PSW2",
                                31,
                                pct("1"),
                                1,
                                "Pulang sebelum waktu 31 menit (31–60 menit): 1%"),
                        tuple(day(6), "LATE", "TL3", 90, pct("1.25"), 1, "Terlambat 90 menit (61–90 menit): 1,25%"),
                        tuple(
                                day(9),
                                "LATE",
                                "TL4",
                                91,
                                pct("1.5"),
                                1,
                                "Terlambat 91 menit (lebih dari 90 menit): 1,5%"),
                        tuple(day(9), "EARLY_LEAVE", "PSW4", 0, pct("1.5"), 1, "Tidak ada presensi pulang: 1,5%"),
                        tuple(day(9), "NO_APEL", "APEL", 0, pct("2"), 1, "Tidak mengikuti apel: 2%"),
                        tuple(day(12), "UNEXCUSED", "TK", 0, pct("5"), 1, "Tidak hadir tanpa keterangan: 5%"),
                        tuple(day(19), "LATE", "TL2", 45, pct("1"), 2, "Terlambat 45 menit (31–60 menit): 1%"),
                        tuple(day(20), "UNEXCUSED", "TK", 0, pct("10"), 2, "Tidak hadir tanpa keterangan: 10%"),
                        tuple(
                                day(24),
                                "LATE",
                                "TL1",
                                20,
                                BigDecimal.ZERO,
                                2,
                                "Terlambat 20 menit, diganti pulang 25 menit lebih lambat: 0%"),
                        tuple(day(25), "LATE", "TL1", 20, pct("0.5"), 2, "Terlambat 20 menit (1–30 menit): 0,5%"));
        // 16.5% under the first rules and 11.5% under the second: 28%, cut to the second's cap of 20%.
        assertThat(month.lines().stream().map(DeductionLine::percent).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("28");
        assertThat(month.deductionPercent()).isEqualByComparingTo("20");
        assertThat(month.capped()).isTrue();
        assertThat(month.ruleSetVersions()).containsExactly(1, 2);
    }

    @Test
    void februarysFactsCountTheHolidaysOutAndTheDinasLuarIn() {
        EmployeeMonth month = evaluations.employee(code, siti, FEBRUARY);

        assertThat(month.workingDays()).isEqualTo(18); // 20 weekdays, less the 16th and 17th
        assertThat(month.presentWfo()).isEqualTo(14); // the holiday's check-in is not a working day's
        assertThat(month.presentDinasLuar()).isEqualTo(1);
        assertThat(month.presentWfa()).isZero();
        assertThat(month.absencesByKind()).containsExactly(Map.entry("SAKIT", 1));
        assertThat(month.unexcusedDays()).isEqualTo(2);
        assertThat(month.lateDays()).isEqualTo(10);
        assertThat(month.lateMinutes()).isEqualTo(30 + 31 + 60 + 61 + 90 + 91 + 90 + 45 + 20 + 20);
        assertThat(month.earlyLeaveDays()).isEqualTo(2);
        assertThat(month.earlyLeaveMinutes()).isEqualTo(61);
        assertThat(month.apelsHeld()).isEqualTo(3);
        assertThat(month.apelsAttended()).isEqualTo(2);
        assertThat(month.reportDaysDue()).isEqualTo(15);
        assertThat(month.reportDaysFiled()).isEqualTo(1);
        assertThat(month.reportDaysApproved()).isZero();
        assertThat(month.activities()).isEqualTo(1);
        assertThat(month.outputs())
                .extracting(
                        EmployeeMonth.Output::title,
                        o -> o.achieved().intValue(),
                        o -> o.targetQuantity().intValue())
                .containsExactly(tuple("Surat keluar", 3, 20));
        assertThat(month.rating()).isNull();
    }

    private void day(int day, String in, String out) {
        submit(day, in, CheckInRequest.Kind.IN);
        if (out != null) {
            submit(day, out, CheckInRequest.Kind.OUT);
        }
    }

    private void submit(int day, String time, CheckInRequest.Kind kind) {
        clock.set(day(day) + "T" + time + ":00+08:00");
        TenantContext.runAs(
                code,
                () -> checkIns.submit(
                        "siti",
                        new CheckInRequest(
                                kind,
                                EvaluationRows.LATITUDE,
                                EvaluationRows.LONGITUDE,
                                5.0,
                                UUID.randomUUID().toString(),
                                null,
                                false,
                                null)));
    }

    private static LocalDate day(int day) {
        return FEBRUARY.atDay(day);
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }
}
