package id.fleksi.modules.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.modules.attendance.AttendanceModule;
import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.attendance.CheckIns;
import id.fleksi.modules.reports.internal.EvidenceFiles;
import id.fleksi.modules.reports.internal.PerformanceTargets;
import id.fleksi.modules.reports.internal.ReportReviews;
import id.fleksi.modules.reports.internal.SubmittedReport;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.testing.TestClock;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestMessages;
import id.fleksi.platform.testing.TestTenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DailyReportsTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    static final String SITI = "198503122010012004";
    static final String BUDI = "199001012015031001";
    static final String ANDI = "197801012000031001"; // supervisor of Siti and Budi
    static final String RINA = "198001012005012001"; // supervisor of nobody here
    static final double OFFICE_LAT = -1.7356;
    static final double OFFICE_LON = 119.5461;

    @Autowired
    DailyReports reports;

    @Autowired
    ReportReviews reviews;

    @Autowired
    EvidenceFiles evidence;

    @Autowired
    PerformanceTargets targets;

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

    TenantCode tenant;
    UUID siti;

    @BeforeEach
    void tenantWithATeam() {
        tenant = TestTenants.migrated(registry, migrator, "lkh"); // WITA (UTC+8)
        switches.change(tenant, AttendanceModule.ID, true, Map.of(), "test");
        switches.change(tenant, ActivityReportsModule.ID, true, Map.of(), "test");
        String s = tenant.schemaName();
        UUID unit = UUID.randomUUID();
        UUID office = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
                .param(unit)
                .update();
        jdbc.sql(
                        "insert into " + s
                                + ".office (id, name, latitude, longitude, radius_metres) values (?, 'Kantor Bupati', ?, ?, 100)")
                .params(office, OFFICE_LAT, OFFICE_LON)
                .update();
        jdbc.sql("insert into " + s + ".office_unit (office_id, unit_id) values (?, ?)")
                .params(office, unit)
                .update();
        UUID andi = employee(ANDI, "Andi", unit, null);
        employee(RINA, "Rina", unit, null);
        siti = employee(SITI, "Siti", unit, andi);
        employee(BUDI, "Budi", unit, andi);
    }

    @AfterEach
    void dropTenant() {
        TestTenants.remove(jdbc, registry, tenant);
    }

    @Test
    void theSupervisorApprovesAReportWhoseApprovedActivitiesNobodyCanChangeAfterwards() {
        clock.set("2026-01-05T09:00:00+08:00"); // Monday morning
        ReportDay.Activity first =
                as(() -> reports.add(SITI, date("2026-01-05"), activity("Menyusun telaahan staf", 1)));
        as(() -> reports.add(SITI, date("2026-01-05"), activity("Rapat koordinasi SPBE", 1)));

        List<SubmittedReport> queue = as(() -> reviews.queue(ANDI));
        assertThat(queue).singleElement().satisfies(r -> {
            assertThat(r.employee()).isEqualTo("Siti");
            assertThat(r.activities())
                    .extracting(ReportDay.Activity::description)
                    .containsExactly("Menyusun telaahan staf", "Rapat koordinasi SPBE");
            assertThat(r.approvedBefore()).isFalse();
        });
        assertThat(as(() -> reviews.queue(RINA))).isEmpty();
        UUID day = queue.get(0).id();

        assertProblem(
                () -> reviews.decide(RINA, List.of(day), true, null),
                HttpStatus.FORBIDDEN,
                "Only the direct supervisor");
        assertProblem(
                () -> reviews.decide(SITI, List.of(day), true, null),
                HttpStatus.FORBIDDEN,
                "Nobody decides their own request");
        clock.set("2026-01-05T09:30:00+08:00");
        assertThat(as(() -> reviews.decide(ANDI, List.of(day), true, "Bagus")))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ReportDay.Status.APPROVED));

        assertProblem(
                () -> reports.update(SITI, first.id(), activity("Diubah", 2)),
                HttpStatus.CONFLICT,
                "This activity of 2026-01-05 was approved and can no longer be changed");
        assertProblem(
                () -> {
                    reports.delete(SITI, first.id());
                    return null;
                },
                HttpStatus.CONFLICT,
                "was approved");
        assertProblem(() -> evidence.attach(SITI, first.id(), "a.pdf", pdf(100)), HttpStatus.CONFLICT, "was approved");
        assertProblem(
                () -> reviews.decide(ANDI, List.of(day), false, "Salah"), HttpStatus.CONFLICT, "already approved");
        assertThatThrownBy(() -> as(() -> reports.update(SITI, first.id(), activity("Diubah", 2))))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.detailFor(
                                        TestMessages.of("i18n/activity-reports-problems"), TestMessages.INDONESIAN))
                                .isEqualTo("Kegiatan ini pada 2026-01-05 sudah disetujui dan tidak bisa diubah lagi;"
                                        + " tambahkan yang kurang sebagai kegiatan baru. Tidak ada yang disimpan."));

        ReportDay mine = as(() -> reports.day(siti, date("2026-01-05")));
        assertThat(mine.status()).isEqualTo(ReportDay.Status.APPROVED);
        assertThat(mine.locked()).isFalse(); // open until Tuesday 10:00 for the afternoon's work
        assertThat(mine.activities())
                .extracting(ReportDay.Activity::description, ReportDay.Activity::approved)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Menyusun telaahan staf", true),
                        org.assertj.core.groups.Tuple.tuple("Rapat koordinasi SPBE", true));
        assertThat(as(() -> reviews.queue(ANDI))).isEmpty();
        assertThat(auditActions()).contains("report.activity-added", "report.approved");
    }

    @Test
    void workAddedAfterAnApprovalBeforeTheDeadlineGoesBackToTheSupervisorMarkedNew() {
        clock.set("2026-01-05T09:00:00+08:00");
        ReportDay.Activity morning =
                as(() -> reports.add(SITI, date("2026-01-05"), activity("Apel dan rapat pagi", 1)));
        UUID day = as(() -> reviews.queue(ANDI)).get(0).id();
        as(() -> reviews.decide(ANDI, List.of(day), true, null));

        clock.set("2026-01-05T15:30:00+08:00"); // the afternoon's work, after the 09:00 approval
        ReportDay.Activity afternoon = as(() -> reports.add(SITI, date("2026-01-05"), activity("Menyusun notulen", 1)));
        assertThat(as(() -> reports.day(siti, date("2026-01-05"))).status()).isEqualTo(ReportDay.Status.PENDING);
        assertThat(as(() -> reviews.queue(ANDI))).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(day);
            assertThat(r.approvedBefore()).isTrue();
            assertThat(r.activities())
                    .extracting(ReportDay.Activity::description, ReportDay.Activity::approved)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Apel dan rapat pagi", true),
                            org.assertj.core.groups.Tuple.tuple("Menyusun notulen", false));
        });
        assertThat(auditActions()).contains("report.reopened");

        // The new activity is the author's to change until a decision; the approved one stays as it was.
        as(() -> reports.update(SITI, afternoon.id(), activity("Menyusun notulen rapat SPBE", 1)));
        assertProblem(
                () -> reports.update(SITI, morning.id(), activity("Diubah", 1)), HttpStatus.CONFLICT, "was approved");

        // Returned, the new work waits for a correction and the approved one still cannot change.
        as(() -> reviews.decide(ANDI, List.of(day), false, "Lampirkan notulennya"));
        assertProblem(
                () -> {
                    reports.delete(SITI, morning.id());
                    return null;
                },
                HttpStatus.CONFLICT,
                "was approved");
        as(() -> reports.update(SITI, afternoon.id(), activity("Notulen rapat SPBE, 3 halaman", 1)));
        assertThat(as(() -> reviews.decide(ANDI, List.of(day), true, null)))
                .singleElement()
                .satisfies(r -> assertThat(r.activities()).allMatch(ReportDay.Activity::approved));
        assertThat(as(() -> reports.day(siti, date("2026-01-05"))).activities())
                .extracting(ReportDay.Activity::description)
                .containsExactly("Apel dan rapat pagi", "Notulen rapat SPBE, 3 halaman");
    }

    @Test
    void anActivityAddedAfterTheSupervisorOpenedTheListIsNotApprovedUnseen() {
        clock.set("2026-01-05T09:00:00+08:00");
        as(() -> reports.add(SITI, date("2026-01-05"), activity("Apel", 1)));
        UUID day = as(() -> reviews.queue(ANDI)).get(0).id();
        java.time.Instant seen = java.time.Instant.parse("2026-01-05T01:05:00Z"); // the list read at 09:05
        clock.set("2026-01-05T09:10:00+08:00");
        as(() -> reports.add(SITI, date("2026-01-05"), activity("Rapat mendadak", 1)));

        assertProblem(
                () -> reviews.decide(ANDI, List.of(day), true, null, seen),
                HttpStatus.CONFLICT,
                "Siti added an activity to the report for 2026-01-05 after you opened the list");
        assertThatThrownBy(() -> as(() -> reviews.decide(ANDI, List.of(day), true, null, seen)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.detailFor(
                                        TestMessages.of("i18n/activity-reports-problems"), TestMessages.INDONESIAN))
                                .isEqualTo(
                                        "Siti menambahkan kegiatan pada laporan 2026-01-05 setelah Anda membuka daftar"
                                                + " ini; lihat lagi sebelum menyetujui. Tidak ada yang diubah."));
        assertThat(as(() -> reports.day(siti, date("2026-01-05"))).activities())
                .noneMatch(ReportDay.Activity::approved);

        // Read again, the list shows both, and approving approves both.
        java.time.Instant again = java.time.Instant.parse("2026-01-05T01:15:00Z");
        clock.set("2026-01-05T09:20:00+08:00");
        assertThat(as(() -> reviews.decide(ANDI, List.of(day), true, null, again)))
                .singleElement()
                .satisfies(r -> assertThat(r.activities()).hasSize(2).allMatch(ReportDay.Activity::approved));
    }

    @Test
    void removingTheOnlyWorkAddedSinceAnApprovalLeavesTheDayApproved() {
        clock.set("2026-01-05T09:00:00+08:00");
        as(() -> reports.add(SITI, date("2026-01-05"), activity("Apel", 1)));
        UUID day = as(() -> reviews.queue(ANDI)).get(0).id();
        as(() -> reviews.decide(ANDI, List.of(day), true, null));
        ReportDay.Activity added = as(() -> reports.add(SITI, date("2026-01-05"), activity("Salah tanggal", 1)));
        assertThat(as(() -> reviews.queue(ANDI))).hasSize(1);

        as(() -> reports.delete(SITI, added.id()));
        assertThat(as(() -> reviews.queue(ANDI))).isEmpty();
        assertThat(as(() -> reports.day(siti, date("2026-01-05"))).status()).isEqualTo(ReportDay.Status.APPROVED);
        assertThat(auditActions()).contains("report.activity-removed", "report.approved-again");
    }

    @Test
    void workAddedToAnApprovedDayAfterItsDeadlineIsRefused() {
        clock.set("2026-01-05T09:00:00+08:00");
        as(() -> reports.add(SITI, date("2026-01-05"), activity("Apel", 1)));
        UUID day = as(() -> reviews.queue(ANDI)).get(0).id();
        as(() -> reviews.decide(ANDI, List.of(day), true, null));

        clock.set("2026-01-06T10:01:00+08:00"); // past Tuesday 10:00
        assertProblem(
                () -> reports.add(SITI, date("2026-01-05"), activity("Terlambat", 1)),
                HttpStatus.CONFLICT,
                "The report for 2026-01-05 closed at 2026-01-06T02:00:00Z");
        ReportDay mine = as(() -> reports.day(siti, date("2026-01-05")));
        assertThat(mine.status()).isEqualTo(ReportDay.Status.APPROVED);
        assertThat(mine.locked()).isTrue();
        assertThat(mine.activities())
                .extracting(ReportDay.Activity::description)
                .containsExactly("Apel");
        assertThat(as(() -> reviews.queue(ANDI))).isEmpty();
        assertThat(auditActions()).doesNotContain("report.reopened");
    }

    @Test
    void aReturnedReportNeedsACommentAndGoesBackToTheQueueOnceCorrected() {
        clock.set("2026-01-05T15:00:00+08:00");
        ReportDay.Activity activity = as(() -> reports.add(SITI, date("2026-01-05"), activity("Rapat", 1)));
        UUID day = as(() -> reviews.queue(ANDI)).get(0).id();

        assertProblem(() -> reviews.decide(ANDI, List.of(day), false, " "), HttpStatus.BAD_REQUEST, "needs a comment");
        clock.set("2026-01-06T15:00:00+08:00"); // past the report's own deadline (Tuesday 10:00)
        as(() -> reviews.decide(ANDI, List.of(day), false, "Sebutkan hasil rapatnya"));
        assertThat(as(() -> reviews.queue(ANDI))).isEmpty();
        ReportDay returned = as(() -> reports.day(siti, date("2026-01-05")));
        assertThat(returned.status()).isEqualTo(ReportDay.Status.RETURNED);
        assertThat(returned.comment()).isEqualTo("Sebutkan hasil rapatnya");

        // A returned report gets the allowance again, from the day it was returned: until Wednesday 10:00.
        clock.set("2026-01-07T09:00:00+08:00");
        as(() -> reports.update(SITI, activity.id(), activity("Rapat: notulen 3 halaman", 1)));
        assertThat(as(() -> reviews.queue(ANDI)))
                .singleElement()
                .satisfies(r -> assertThat(r.activities().get(0).description()).isEqualTo("Rapat: notulen 3 halaman"));
        assertThat(auditActions()).contains("report.returned", "report.activity-changed");
        clock.set("2026-01-07T10:01:00+08:00");
        assertProblem(
                () -> reports.update(SITI, activity.id(), activity("Terlambat", 1)), HttpStatus.CONFLICT, "closed");
    }

    @Test
    void bulkApprovalDecidesAllOrNone() {
        clock.set("2026-01-06T09:00:00+08:00");
        as(() -> reports.add(SITI, date("2026-01-05"), activity("Senin", 1)));
        as(() -> reports.add(SITI, date("2026-01-06"), activity("Selasa", 1)));
        as(() -> reports.add(BUDI, date("2026-01-06"), activity("Budi Selasa", 1)));
        List<UUID> andis =
                as(() -> reviews.queue(ANDI)).stream().map(SubmittedReport::id).toList();
        assertThat(andis).hasSize(3);
        UUID stranger = UUID.randomUUID();

        assertProblem(
                () -> reviews.decide(ANDI, List.of(andis.get(0), stranger), true, null),
                HttpStatus.NOT_FOUND,
                "Nothing was changed");
        assertProblem(() -> reviews.decide(RINA, andis, true, null), HttpStatus.FORBIDDEN, "Nothing was changed");
        assertThat(as(() -> reviews.queue(ANDI))).hasSize(3);

        assertThat(as(() -> reviews.decide(ANDI, andis, true, null)))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReportDay.Status.APPROVED));
        assertThat(as(() -> reviews.queue(ANDI))).isEmpty();
    }

    @Test
    void theReportLocksAtTenOnTheNextWorkingDayCountingHolidaysAndCutiBersama() {
        // Friday 9 January: the next working day is Monday 12 January.
        clock.set("2026-01-12T09:59:00+08:00");
        as(() -> reports.add(SITI, date("2026-01-09"), activity("Jumat", 1)));
        clock.set("2026-01-12T10:01:00+08:00");
        assertProblem(
                () -> reports.add(SITI, date("2026-01-09"), activity("Terlambat", 1)),
                HttpStatus.CONFLICT,
                "closed at 2026-01-12T02:00:00Z");
        // In Bahasa Indonesia the deadline is the employee's own clock time (WITA), not UTC.
        assertThatThrownBy(() -> as(() -> reports.add(SITI, date("2026-01-09"), activity("Terlambat", 1))))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.detailFor(
                                        TestMessages.of("i18n/activity-reports-problems"), TestMessages.INDONESIAN))
                                .isEqualTo(
                                        "Laporan untuk 2026-01-09 ditutup pada 2026-01-12 10:00; tanyakan atasan Anda bila ada yang terlewat."
                                                + " Tidak ada yang disimpan."));

        // Tuesday 17 March: Nyepi, Idul Fitri and cuti bersama run from the 18th to the 24th; it closes Wednesday 25th.
        ReportDay beforeLebaran = as(() -> reports.day(siti, date("2026-03-17")));
        assertThat(beforeLebaran.deadline()).hasToString("2026-03-25T02:00:00Z");
        clock.set("2026-03-24T20:00:00+08:00");
        as(() -> reports.add(SITI, date("2026-03-17"), activity("Sebelum libur", 1)));

        // A tenant may give two working days and a later hour.
        switches.change(
                tenant, ActivityReportsModule.ID, true, Map.of("deadlineWorkingDays", 2, "deadlineHour", 16), "test");
        assertThat(as(() -> reports.day(siti, date("2026-01-09"))).deadline()).hasToString("2026-01-13T08:00:00Z");
    }

    @Test
    void aWorkingDayWithoutAnActivityPastItsDeadlineIsNonCompliantAndAFutureDayCannotBeReported() {
        clock.set("2026-01-13T09:00:00+08:00"); // Tuesday
        as(() -> reports.add(SITI, date("2026-01-12"), activity("Senin", 1)));
        clock.set("2026-01-13T11:00:00+08:00");
        List<ReportDay> days = as(() -> reports.days(siti, date("2026-01-09"), date("2026-01-13")));
        assertThat(days)
                .extracting(ReportDay::date, ReportDay::workingDay, ReportDay::nonCompliant)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                date("2026-01-09"), true, true), // nothing, past its deadline
                        org.assertj.core.groups.Tuple.tuple(date("2026-01-10"), false, false), // Saturday
                        org.assertj.core.groups.Tuple.tuple(date("2026-01-11"), false, false),
                        org.assertj.core.groups.Tuple.tuple(date("2026-01-12"), true, false),
                        org.assertj.core.groups.Tuple.tuple(date("2026-01-13"), true, false)); // still open
        assertProblem(
                () -> reports.add(SITI, date("2026-01-14"), activity("Besok", 1)),
                HttpStatus.BAD_REQUEST,
                "has not come yet");
    }

    @Test
    void checkOutIsRefusedUntilTheDayHasAnActivityOrPerSettingTheDayIsMarked() {
        clock.set("2026-01-05T07:20:00+08:00");
        as(() -> checkIns.submit(SITI, atOffice(CheckInRequest.Kind.IN)));
        clock.set("2026-01-05T16:05:00+08:00");
        assertProblem(
                () -> checkIns.submit(SITI, atOffice(CheckInRequest.Kind.OUT)),
                HttpStatus.UNPROCESSABLE_CONTENT,
                "at least one activity");
        assertThat(checkOuts()).isZero();
        as(() -> reports.add(SITI, date("2026-01-05"), activity("Rapat", 1)));
        assertThat(as(() -> checkIns.submit(SITI, atOffice(CheckInRequest.Kind.OUT)))
                        .created())
                .isTrue();
        assertThat(as(() -> reports.day(siti, date("2026-01-05"))).nonCompliant())
                .isFalse();

        switches.change(tenant, ActivityReportsModule.ID, true, Map.of("refuseCheckOutWithoutActivity", false), "test");
        clock.set("2026-01-06T07:20:00+08:00");
        as(() -> checkIns.submit(SITI, atOffice(CheckInRequest.Kind.IN)));
        clock.set("2026-01-06T16:05:00+08:00");
        assertThat(as(() -> checkIns.submit(SITI, atOffice(CheckInRequest.Kind.OUT)))
                        .created())
                .isTrue();
        assertThat(as(() -> reports.day(siti, date("2026-01-06"))).nonCompliant())
                .isTrue();

        // With the module off, attendance does not ask.
        switches.change(tenant, ActivityReportsModule.ID, false, Map.of(), "test");
        clock.set("2026-01-07T07:20:00+08:00");
        as(() -> checkIns.submit(SITI, atOffice(CheckInRequest.Kind.IN)));
        clock.set("2026-01-07T16:05:00+08:00");
        assertThat(as(() -> checkIns.submit(SITI, atOffice(CheckInRequest.Kind.OUT)))
                        .created())
                .isTrue();
    }

    @Test
    void evidenceIsCheckedBySizeAndByItsFirstBytesAndShownOnlyToAuthorSupervisorAndBkd() {
        clock.set("2026-01-05T15:00:00+08:00");
        ReportDay.Activity activity = as(() -> reports.add(SITI, date("2026-01-05"), activity("Foto kegiatan", 1)));
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};

        assertProblem(
                () -> evidence.attach(SITI, activity.id(), "besar.pdf", pdf(EvidenceFiles.MAX_BYTES + 1)),
                HttpStatus.CONTENT_TOO_LARGE,
                "at most 5 MB");
        assertProblem(
                () -> evidence.attach(SITI, activity.id(), "nota.pdf", "hello, I am text".getBytes()),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "is not a PDF");
        assertProblem(() -> evidence.attach(BUDI, activity.id(), "foto.png", png), HttpStatus.NOT_FOUND, "no activity");
        assertThat(as(() -> evidence.attach(SITI, activity.id(), "a.pdf", pdf(EvidenceFiles.MAX_BYTES)))
                        .evidence()
                        .sizeBytes())
                .isEqualTo(EvidenceFiles.MAX_BYTES);
        ReportDay.Activity attached = as(() -> evidence.attach(SITI, activity.id(), "foto.png", png));
        assertThat(attached.evidence()).isEqualTo(new ReportDay.Evidence("foto.png", "image/png", png.length));

        assertThat(as(() -> evidence.read(ANDI, false, activity.id())).content())
                .isEqualTo(png);
        assertThat(as(() -> evidence.read(SITI, false, activity.id())).contentType())
                .isEqualTo("image/png");
        assertThat(as(() -> evidence.read("someone-in-bkd", true, activity.id()))
                        .fileName())
                .isEqualTo("foto.png");
        assertProblem(() -> evidence.read(BUDI, false, activity.id()), HttpStatus.FORBIDDEN, "Only the author");
    }

    @Test
    void activitiesLinkOnlyToTheAuthorsOwnWorkResultPlansWhichAddUpWhatIsDone() {
        clock.set("2026-01-05T15:00:00+08:00");
        PerformanceTargets.Target plan = as(() -> targets.create(
                SITI,
                new PerformanceTargets.NewTarget(
                        "Telaahan staf", new BigDecimal("24"), "dokumen", date("2026-01-01"), date("2026-06-30"))));
        PerformanceTargets.Target budis = as(() -> targets.create(
                BUDI,
                new PerformanceTargets.NewTarget(
                        "Laporan", new BigDecimal("12"), "laporan", date("2026-01-01"), date("2026-06-30"))));
        as(() -> reports.add(
                SITI,
                date("2026-01-05"),
                new NewActivity("Telaahan A", new BigDecimal("2"), "dokumen", 90, plan.id(), null, null)));
        as(() -> reports.add(
                SITI,
                date("2026-01-05"),
                new NewActivity(
                        "Telaahan B",
                        new BigDecimal("1.5"),
                        "dokumen",
                        60,
                        plan.id(),
                        "https://drive.example/telaahan-b",
                        null)));
        assertProblem(
                () -> reports.add(
                        SITI,
                        date("2026-01-05"),
                        new NewActivity("Bukan milik saya", BigDecimal.ONE, "laporan", 30, budis.id(), null, null)),
                HttpStatus.BAD_REQUEST,
                "not one of your work-result plans");
        assertProblem(
                () -> targets.create(
                        SITI,
                        new PerformanceTargets.NewTarget(
                                "Mundur", BigDecimal.ONE, "x", date("2026-02-01"), date("2026-01-01"))),
                HttpStatus.BAD_REQUEST,
                "periodEnd");

        assertThat(as(() -> targets.mine(SITI, date("2026-01-05"))))
                .singleElement()
                .satisfies(t -> assertThat(t.achieved()).isEqualByComparingTo("3.5"));
        assertThat(as(() -> reports.day(siti, date("2026-01-05"))).activities())
                .extracting(ReportDay.Activity::targetTitle)
                .containsOnly("Telaahan staf");
    }

    @Test
    void anActivitySentAgainWithItsRequestIdIsAddedOnceEvenTenAtOnceAndAnotherEmployeesIdIsRefused() throws Exception {
        clock.set("2026-01-05T15:00:00+08:00");
        NewActivity meeting =
                new NewActivity("Rapat koordinasi SPBE", BigDecimal.ONE, "rapat", 90, null, null, "form-siti-1");
        ReportDay.Activity first = as(() -> reports.add(SITI, date("2026-01-05"), meeting));
        assertThat(as(() -> reports.add(SITI, date("2026-01-05"), meeting)).id())
                .isEqualTo(first.id());

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ReportDay.Activity>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return as(() -> reports.add(
                            SITI,
                            date("2026-01-05"),
                            new NewActivity(
                                    "Menyusun telaahan", BigDecimal.ONE, "dokumen", 60, null, null, "form-siti-2")));
                }));
            }
            start.countDown();
            java.util.Set<UUID> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<ReportDay.Activity> one : sent) {
                ids.add(one.get().id());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(as(() -> reports.day(siti, date("2026-01-05"))).activities()).hasSize(2);

        assertProblem(
                () -> reports.add(BUDI, date("2026-01-05"), meeting),
                HttpStatus.CONFLICT,
                "another employee's activity");
        assertThat(jdbc.sql("select count(*) from " + tenant.schemaName() + ".report_activity")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aDayCountsItsActivitiesAddedAtOnceRemovedOrWrittenManyDaysInOneStatement() throws Exception {
        clock.set("2026-01-05T15:00:00+08:00");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<ReportDay.Activity> added = new java.util.ArrayList<>();
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ReportDay.Activity>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                NewActivity work = activity("Kegiatan " + i, 1);
                sent.add(pool.submit(() -> {
                    start.await();
                    return as(() -> reports.add(SITI, date("2026-01-05"), work));
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<ReportDay.Activity> one : sent) {
                added.add(one.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(countedActivities(siti, "2026-01-05")).isEqualTo(8);

        as(() -> reports.delete(SITI, added.get(0).id()));
        assertThat(countedActivities(siti, "2026-01-05")).isEqualTo(7);

        // As the demo and the benchmarks write history: many days' activities in one statement.
        String s = tenant.schemaName();
        UUID friday = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".report_day (id, employee_id, work_date, status) values (?, ?, date '2026-01-02',"
                        + " 'APPROVED')")
                .params(friday, siti)
                .update();
        UUID monday = jdbc.sql(
                        "select id from " + s + ".report_day where employee_id = ? and work_date = date '2026-01-05'")
                .param(siti)
                .query(UUID.class)
                .single();
        jdbc.sql("insert into " + s + ".report_activity (id, day_id, description, quantity, unit, minutes, created_at)"
                        + " select gen_random_uuid(), d, 'Riwayat', 1, 'kegiatan', 30, now()"
                        + " from unnest(array[?, ?, ?]) as d")
                .params(friday, friday, monday)
                .update();
        assertThat(countedActivities(siti, "2026-01-02")).isEqualTo(2);
        assertThat(countedActivities(siti, "2026-01-05")).isEqualTo(8);
    }

    private int countedActivities(UUID employee, String workDate) {
        return jdbc.sql("select activities from " + tenant.schemaName()
                        + ".report_day where employee_id = ? and work_date = ?")
                .params(employee, date(workDate))
                .query(Integer.class)
                .single();
    }

    private UUID employee(String nip, String name, UUID unit, UUID supervisor) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into " + tenant.schemaName()
                                + ".employee (id, nip, name, employment_type, unit_id, supervisor_id, status,"
                                + " username, realm_user_id, created_at, updated_at) values (?, ?, ?, 'PNS', ?, ?, 'ACTIVE', ?, ?, now(), now())")
                .params(id, nip, name, unit, supervisor, nip, UUID.randomUUID().toString())
                .update();
        return id;
    }

    private static NewActivity activity(String description, int quantity) {
        return new NewActivity(description, BigDecimal.valueOf(quantity), "kegiatan", 60, null, null, null);
    }

    private static CheckInRequest atOffice(CheckInRequest.Kind kind) {
        return new CheckInRequest(kind, OFFICE_LAT, OFFICE_LON, 10.0, "req-" + UUID.randomUUID(), null, false, null);
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy("%PDF-1.7".getBytes(), 0, bytes, 0, 8);
        return bytes;
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private int checkOuts() {
        return jdbc.sql("select count(*) from " + tenant.schemaName() + ".attendance_check_in where kind = 'OUT'")
                .query(Integer.class)
                .single();
    }

    private List<String> auditActions() {
        return jdbc.sql("select action from " + tenant.schemaName() + ".audit_event")
                .query(String.class)
                .list();
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(tenant, work);
    }

    private void as(Runnable work) {
        TenantContext.runAs(tenant, work);
    }

    private void assertProblem(Supplier<?> work, HttpStatus status, String detail) {
        assertThatThrownBy(() -> as(work)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind().status()).isEqualTo(status.value());
            assertThat(p.getMessage()).contains(detail);
        });
    }
}
