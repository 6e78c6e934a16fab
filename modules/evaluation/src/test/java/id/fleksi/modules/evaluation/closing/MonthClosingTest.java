package id.fleksi.modules.evaluation.closing;

import static id.fleksi.modules.evaluation.closing.ClosingRows.BKD;
import static id.fleksi.modules.evaluation.closing.ClosingRows.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.modules.attendance.Absences;
import id.fleksi.modules.attendance.CheckIns;
import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.modules.evaluation.month.internal.EvaluationRows;
import id.fleksi.modules.evaluation.rules.RulePresets;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.modules.fwa.FwaRequests;
import id.fleksi.modules.reports.DailyReports;
import id.fleksi.modules.reports.ReportDay;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.testing.TestClock;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestMessages;
import id.fleksi.platform.testing.TestTenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Closing November 2026 in a pemda of two OPD under Tebo's rules, on the real monthly evaluation: what a closed month
 * refuses, what a correction reopens (and what it leaves closed), what closing one OPD leaves open, and that an open month
 * takes everything as before. Siti checked in and out on every weekday up to the 25th (late 45 minutes on the 3rd) and
 * asked leave for the 26th and 27th: 1% for the lateness and 5% for each of the 26th, 27th and 30th, 16% in all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class MonthClosingTest {

    static final MessageSource PROBLEMS = TestMessages.of("i18n/platform-problems", "i18n/evaluation-closing-problems");
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    MonthClosings closings;

    @Autowired
    MonthlyEvaluations evaluations;

    @Autowired
    RuleSets rules;

    @Autowired
    Corrections corrections;

    @Autowired
    PaidAndCurrent figures;

    @Autowired
    CheckIns checkIns;

    @Autowired
    Absences absences;

    @Autowired
    DailyReports reports;

    @Autowired
    FwaRequests requests;

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
    UUID sitiThursday;
    UUID rinaFriday;
    UUID tonoFriday;
    UUID sitiActivity;
    int checkInsBefore;

    /** On Monday 30 November the month is still open: absences wait for a decision, Siti reports her day. */
    @BeforeEach
    void aPemdaAtTheEndOfNovember() {
        code = TestTenants.migrated(registry, migrator, "close"); // WITA (UTC+8)
        for (String module : List.of("fwa", "attendance", "activity-reports", "monitoring", "evaluation")) {
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
        checkInsBefore = count("attendance_check_in");
        clock.set("2026-11-30T10:00:00+08:00");
        sitiFriday = file("siti", "2026-11-27");
        sitiThursday = file("siti", "2026-11-26");
        rinaFriday = file("rina", "2026-11-27");
        tonoFriday = file("tono", "2026-11-27");
        sitiActivity = as(() ->
                        reports.add("siti", day("2026-11-30"), ClosingRows.activity("Menyusun laporan jaringan")))
                .id();
        clock.set("2026-12-01T08:00:00+08:00"); // the month is over; the report of the 30th is still open until 10:00
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, code);
    }

    @Test
    void aClosedMonthRefusesALateCheckInAnAbsenceApprovalAndAReportEditAndWritesNothing() {
        as(() -> closings.close(tenant, BKD, NOVEMBER, "DISKOMINFO"));

        assertRefused(
                () -> as(() -> checkIns.submit("siti", ClosingRows.offlineCheckIn("2026-11-30T21:00:00+08:00"))),
                "Bulan November 2026 sudah ditutup oleh BKD; presensi tanggal 30 November 2026 tidak dapat dicatat lagi. Bila"
                        + " presensi itu memang perlu dicatat, minta BKD mencatat koreksi beserta alasannya untuk hari itu, lalu"
                        + " kirim lagi. Tidak ada yang dicatat.");
        assertRefused(
                () -> as(() -> absences.decide("andi", sitiFriday, true, null)),
                "Bulan November 2026 sudah ditutup oleh BKD; izin, sakit, cuti atau dinas luar yang mengenai tanggal 27 November"
                        + " 2026 tidak dapat diajukan atau diputuskan lagi. Bila perlu diubah, minta BKD mencatat koreksi beserta"
                        + " alasannya untuk hari itu, lalu ulangi. Tidak ada yang diubah.");
        assertRefused(
                () -> as(() -> reports.update(
                        "siti", sitiActivity, ClosingRows.activity("Menyusun laporan jaringan (revisi)"))),
                "Bulan November 2026 sudah ditutup oleh BKD; laporan harian tanggal 30 November 2026 tidak dapat diisi, diubah,"
                        + " disetujui atau dikembalikan lagi. Bila perlu diubah, minta BKD mencatat koreksi beserta alasannya untuk"
                        + " hari itu, lalu ulangi. Tidak ada yang diubah.");
        assertRefused(
                () -> as(() -> absences.file(
                        "siti",
                        new Absences.NewAbsence(
                                Absences.Kind.SAKIT, day("2026-11-20"), day("2026-11-20"), "Demam", null, null, null))),
                null);

        assertThat(count("attendance_check_in")).isEqualTo(checkInsBefore);
        assertThat(status(sitiFriday)).isEqualTo("PENDING");
        assertThat(count("attendance_absence")).isEqualTo(4);
        assertThat(activityDescription()).isEqualTo("Menyusun laporan jaringan");
        assertThat(jdbc.sql("select count(*) from " + code.schemaName() + ".audit_event where action like 'absence.%'"
                                + " or action like 'report.activity-changed'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aCorrectionReopensOnlyItsDayForItsEmployeeIsAuditedAndClosingAgainPaysANewVersion() {
        EmployeeMonth computed = evaluations.employee(code, rows.siti, NOVEMBER);
        as(() -> closings.close(tenant, BKD, NOVEMBER, null));
        String reason = "Surat izin tanggal 27 diserahkan terlambat; disetujui Kepala Dinas";
        as(() -> corrections.record(
                tenant, BKD, new Corrections.NewCorrection(rows.siti, day("2026-11-27"), null, reason)));
        as(() -> corrections.record(
                tenant,
                BKD,
                new Corrections.NewCorrection(
                        rows.siti,
                        day("2026-11-30"),
                        null,
                        "Presensi sif malam tanggal 30 tertahan di ponsel tanpa sinyal")));

        assertThat(as(() -> absences.decide("andi", sitiFriday, true, null)).status())
                .isEqualTo(Absences.Status.APPROVED);
        assertThat(as(() -> checkIns.submit("siti", ClosingRows.offlineCheckIn("2026-11-30T20:00:00+08:00")))
                        .created())
                .isTrue();
        assertThat(as(() -> checkIns.submit("siti", ClosingRows.offlineCheckOut("2026-11-30T20:30:00+08:00")))
                        .created())
                .isTrue();
        assertRefused(() -> as(() -> absences.decide("andi", sitiThursday, true, null)), null); // her other day
        assertRefused(() -> as(() -> absences.decide("andi", rinaFriday, true, null)), null); // a colleague's same day
        assertThat(status(sitiThursday)).isEqualTo("PENDING");
        assertThat(status(rinaFriday)).isEqualTo("PENDING");

        Map<String, Object> audited = jdbc.sql(
                        "select actor, target, after_state->>'reason' as reason, after_state->>'from' as from_day"
                                + " from " + code.schemaName() + ".audit_event where action = 'evaluation.correction'"
                                + " and after_state->>'from' = '2026-11-27'")
                .query()
                .singleRow();
        assertThat(audited)
                .containsEntry("actor", "bkd")
                .containsEntry("target", rows.siti.toString())
                .containsEntry("reason", reason)
                .containsEntry("from_day", "2026-11-27");

        // Paid as the evaluation computed it at closing; the current computation beside it shows the approved day and
        // the
        // check-in of the 30th.
        PaidAndCurrent.EmployeeView view = as(() -> figures.employee(tenant, BKD, rows.siti, NOVEMBER));
        assertThat(view.paid())
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(computed);
        assertThat(view.current())
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(evaluations.employee(code, rows.siti, NOVEMBER));
        assertThat(view.paid().workingDays()).isEqualTo(21);
        assertThat(view.paid().presentWfo()).isEqualTo(18);
        assertThat(view.paid().unexcusedDays()).isEqualTo(3);
        assertThat(view.paid().absencesByKind()).isEmpty();
        assertThat(view.paid().lines())
                .extracting(EmployeeMonth.DeductionLine::date, EmployeeMonth.DeductionLine::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(day("2026-11-03"), "LATE"),
                        org.assertj.core.groups.Tuple.tuple(day("2026-11-26"), "UNEXCUSED"),
                        org.assertj.core.groups.Tuple.tuple(day("2026-11-27"), "UNEXCUSED"),
                        org.assertj.core.groups.Tuple.tuple(day("2026-11-30"), "UNEXCUSED"));
        assertThat(view.paid().deductionPercent()).isEqualByComparingTo("16"); // 1% late, three days unexcused at 5%
        assertThat(view.current().absencesByKind()).containsExactly(Map.entry("IZIN", 1));
        assertThat(view.current().presentWfo()).isEqualTo(19);
        assertThat(view.current().unexcusedDays()).isEqualTo(1);
        assertThat(view.current().lateDays()).isEqualTo(2);
        // 1% on the 3rd, 5% for the 26th left unexcused, 1.5% for the 30th (in at 20:00, over 90 minutes late)
        assertThat(view.current().deductionPercent()).isEqualByComparingTo("7.5");
        assertThat(view.differences()).contains("absencesByKind", "presentWfo", "unexcusedDays", "deductionPercent");
        assertThat(view.versions())
                .extracting(PaidAndCurrent.PaidVersion::version)
                .containsExactly(1);
        assertThat(as(() -> closings.state(tenant, BKD, NOVEMBER)).opds())
                .extracting(MonthClosings.OpdState::code, MonthClosings.OpdState::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DINKES", "CLOSED"),
                        org.assertj.core.groups.Tuple.tuple("DISKOMINFO", "CORRECTING"));

        List<MonthClosings.Closed> again = as(() -> closings.close(tenant, BKD, NOVEMBER, null));

        assertThat(again)
                .extracting(
                        MonthClosings.Closed::opdCode, MonthClosings.Closed::version, MonthClosings.Closed::employees)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DISKOMINFO", 2, 3));
        PaidAndCurrent.EmployeeView paidAgain = as(() -> figures.employee(tenant, BKD, rows.siti, NOVEMBER));
        assertThat(paidAgain.versions())
                .extracting(PaidAndCurrent.PaidVersion::version)
                .containsExactly(2, 1);
        assertThat(paidAgain.paid().absencesByKind()).containsEntry("IZIN", 1);
        assertThat(paidAgain.paid().deductionPercent()).isEqualByComparingTo("7.5");
        assertThat(paidAgain.versions())
                .extracting(PaidAndCurrent.PaidVersion::deductionPercent)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("7.5"), new BigDecimal("16"));
        assertThat(paidAgain.differences()).isEmpty();
        assertThat(paidAgain.corrections())
                .extracting(Corrections.Correction::open)
                .containsExactly(false, false);
        // Closed again: the corrected day is closed like the rest.
        assertRefused(
                () -> as(() -> absences.file(
                        "siti",
                        new Absences.NewAbsence(
                                Absences.Kind.IZIN, day("2026-11-27"), day("2026-11-27"), "Lagi", null, null, null))),
                null);
    }

    @Test
    void closingOneOpdLeavesTheOtherOpen() {
        List<MonthClosings.Closed> closed = as(() -> closings.close(tenant, BKD, NOVEMBER, "DISKOMINFO"));
        assertThat(closed)
                .extracting(MonthClosings.Closed::opdCode, MonthClosings.Closed::employees)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DISKOMINFO", 3));

        assertThat(as(() -> checkIns.submit("tono", ClosingRows.offlineCheckIn("2026-11-30T21:00:00+08:00")))
                        .created())
                .isTrue();
        assertThat(as(() -> absences.decide("budi", tonoFriday, true, null)).status())
                .isEqualTo(Absences.Status.APPROVED);
        assertRefused(
                () -> as(() -> checkIns.submit("siti", ClosingRows.offlineCheckIn("2026-11-30T21:05:00+08:00"))), null);
        assertThat(as(() -> closings.state(tenant, BKD, NOVEMBER)).opds())
                .extracting(MonthClosings.OpdState::code, MonthClosings.OpdState::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DINKES", "OPEN"),
                        org.assertj.core.groups.Tuple.tuple("DISKOMINFO", "CLOSED"));

        // The whole pemda next: only what is still open is closed, with Tono's day as it now stands.
        assertThat(as(() -> closings.close(tenant, BKD, NOVEMBER, null)))
                .extracting(MonthClosings.Closed::opdCode)
                .containsExactly("DINKES");
        assertThat(as(() -> figures.employee(tenant, BKD, rows.tono, NOVEMBER))
                        .paid()
                        .presentWfo())
                .isEqualTo(1);
    }

    @Test
    void anOpenMonthStillTakesACheckInADecisionAndAReportEdit() {
        assertThat(as(() -> checkIns.submit("siti", ClosingRows.offlineCheckIn("2026-11-30T21:00:00+08:00")))
                        .created())
                .isTrue();
        assertThat(as(() -> absences.decide("andi", sitiFriday, true, null)).status())
                .isEqualTo(Absences.Status.APPROVED);
        as(() -> reports.update("siti", sitiActivity, ClosingRows.activity("Menyusun laporan jaringan (revisi)")));
        assertThat(activityDescription()).isEqualTo("Menyusun laporan jaringan (revisi)");
        ReportDay november30 = as(() -> reports.day(rows.siti, day("2026-11-30")));
        assertThat(november30.activities()).hasSize(1);
    }

    @Test
    void aDecisionOnAWfaRequestTouchingAClosedMonthIsRefused() {
        jdbc.sql("insert into " + code.schemaName()
                        + ".fwa_policy_version (id, effective_from, enabled, wfa_weekdays, created_by,"
                        + " created_at) values (?, date '2026-11-01', true, 'THURSDAY', 'test', now())")
                .param(UUID.randomUUID())
                .update();
        clock.set("2026-11-30T07:00:00+08:00");
        FwaRequests.Request request = as(() -> requests.file(
                "siti",
                new FwaRequests.NewRequest(
                        day("2026-11-30"),
                        day("2026-11-30"),
                        null,
                        FwaRequests.Place.OTHER,
                        "Rumah orang tua di Topoyo")));
        clock.set("2026-12-01T08:00:00+08:00");
        as(() -> closings.close(tenant, BKD, NOVEMBER, "DISKOMINFO"));

        assertRefused(
                () -> as(() -> requests.decide("andi", request.id(), false, "Hari itu ada rapat")),
                "Bulan November 2026 sudah ditutup oleh BKD; permohonan WFA yang mengenai tanggal 30 November 2026 tidak dapat"
                        + " diputuskan lagi. Bila perlu diubah, minta BKD mencatat koreksi beserta alasannya untuk hari itu, lalu"
                        + " ulangi. Tidak ada yang diubah.");
        assertThat(jdbc.sql("select status from " + code.schemaName() + ".fwa_request where id = ?")
                        .param(request.id())
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
    }

    @Test
    void withTheEvaluationSwitchedOffAClosedMonthIsOpenAgain() {
        as(() -> closings.close(tenant, BKD, NOVEMBER, "DISKOMINFO"));
        switches.change(code, "evaluation", false, Map.of(), "test");

        assertThat(as(() -> absences.decide("andi", sitiFriday, true, null)).status())
                .isEqualTo(Absences.Status.APPROVED);
    }

    @Test
    void onlyBkdClosesOnlyAMonthThatIsOverAndOnlyOnceUntilACorrection() {
        assertProblem(
                () -> as(() -> closings.close(tenant, ClosingRows.ASN, NOVEMBER, null)),
                "closing-not-allowed",
                "Hanya BKD yang menutup bulan dan mencatat koreksi.");
        assertProblem(
                () -> as(() -> closings.close(tenant, BKD, YearMonth.of(2026, 12), null)),
                "month-not-over",
                "Bulan Desember 2026 belum selesai; bulan dapat ditutup mulai 1 Januari 2027. Tidak ada yang ditutup.");
        assertProblem(
                () -> as(() -> corrections.record(
                        tenant, BKD, new Corrections.NewCorrection(rows.siti, day("2026-11-27"), null, "Salah catat"))),
                "month-not-closed",
                "Bulan November 2026 belum ditutup untuk Siti Aparatur; ubah langsung, tidak perlu koreksi. Tidak ada yang dicatat.");

        as(() -> closings.close(tenant, BKD, NOVEMBER, "DINKES"));

        assertProblem(
                () -> as(() -> closings.close(tenant, BKD, NOVEMBER, "DINKES")),
                "month-already-closed",
                "Bulan November 2026 sudah ditutup dan belum ada koreksi yang membukanya kembali. Tidak ada yang ditutup.");
        assertProblem(
                () -> as(() -> corrections.record(
                        tenant, BKD, new Corrections.NewCorrection(rows.tono, day("2026-11-27"), null, " "))),
                "invalid-correction",
                "reason: koreksi menyebut alasannya, paling banyak 1.000 karakter. Tidak ada yang dicatat.");
        assertThat(jdbc.sql("select count(*) from " + code.schemaName() + ".evaluation_closing")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from " + code.schemaName()
                                + ".audit_event where action = 'evaluation.month-closed'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private void assertRefused(ThrowingCallable change, String indonesian) {
        assertThatThrownBy(change).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.type()).isEqualTo("month-closed");
            assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT);
            assertThat(p.titleFor(PROBLEMS, TestMessages.INDONESIAN)).isEqualTo("Bulan sudah ditutup");
            if (indonesian != null) {
                assertThat(p.detailFor(PROBLEMS, TestMessages.INDONESIAN)).isEqualTo(indonesian);
            }
        });
    }

    private void assertProblem(ThrowingCallable act, String type, String indonesian) {
        assertThatThrownBy(act).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.type()).isEqualTo(type);
            assertThat(p.detailFor(PROBLEMS, TestMessages.INDONESIAN)).isEqualTo(indonesian);
        });
    }

    private UUID file(String username, String date) {
        return as(() -> absences.file(
                        username,
                        new Absences.NewAbsence(
                                Absences.Kind.IZIN, day(date), day(date), "Urusan keluarga", null, null, null)))
                .id();
    }

    private String status(UUID absence) {
        return jdbc.sql("select status from " + code.schemaName() + ".attendance_absence where id = ?")
                .param(absence)
                .query(String.class)
                .single();
    }

    private String activityDescription() {
        return jdbc.sql("select description from " + code.schemaName() + ".report_activity where id = ?")
                .param(sitiActivity)
                .query(String.class)
                .single();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + code.schemaName() + "." + table)
                .query(Integer.class)
                .single();
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(code, work);
    }
}
