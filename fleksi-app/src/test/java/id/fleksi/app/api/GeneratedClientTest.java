package id.fleksi.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.app.testing.AppIntegrationTest;
import id.fleksi.client.ApiClient;
import id.fleksi.client.ApiException;
import id.fleksi.client.api.AbsenceControllerApi;
import id.fleksi.client.api.FwaControllerApi;
import id.fleksi.client.api.ModulesControllerApi;
import id.fleksi.client.api.OrganisationControllerApi;
import id.fleksi.client.api.ReportsControllerApi;
import id.fleksi.client.model.Absence;
import id.fleksi.client.model.AbsenceDecision;
import id.fleksi.client.model.ModuleChange;
import id.fleksi.client.model.NewAbsence;
import id.fleksi.client.model.NewActivity;
import id.fleksi.client.model.NewEmployee;
import id.fleksi.client.model.NewRequest;
import id.fleksi.client.model.NewUnit;
import id.fleksi.client.model.PolicyVersion;
import id.fleksi.client.model.ReportDecision;
import id.fleksi.client.model.Request;
import id.fleksi.client.model.RequestDecision;
import id.fleksi.client.model.SubmittedReport;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The main journeys driven by a client generated from {@code docs/openapi.json} (openapi-generator, at build time), as
 * a pemda's developer would: the organisation set up, an absence approved and another returned, a day's report
 * approved, a WFA request refused. Each decision is sent as the document describes it; a document that named the
 * wrong fields (one {@code Decision} schema for three bodies) made every one of these a 400.
 */
class GeneratedClientTest extends AppIntegrationTest {

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    RealmUsers realmUsers;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    final String code = TestRealms.unique("klien");

    @AfterEach
    void remove() {
        TestRealms.removeTenant(realms, jdbc, code);
    }

    @Test
    void theMainJourneysWorkThroughAClientGeneratedFromTheDocument() throws Exception {
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Klien", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "admin.klien", Role.TENANT_ADMIN, Role.BKD);
        ApiClient admin = client("admin.klien");

        var organisation = new OrganisationControllerApi(admin);
        var unit = organisation.addUnit(
                code,
                new NewUnit()
                        .code("DISKOMINFO")
                        .name("Dinas Komunikasi dan Informatika")
                        .kind(NewUnit.KindEnum.DINAS));
        var andi = organisation
                .addEmployee(
                        code,
                        new NewEmployee()
                                .username("andi.atasan")
                                .name("Andi Atasan")
                                .employmentType(NewEmployee.EmploymentTypeEnum.NON_ASN)
                                .unitId(unit.getId()))
                .getEmployee();
        var siti = organisation
                .addEmployee(
                        code,
                        new NewEmployee()
                                .username("siti.aparatur")
                                .name("Siti Aparatur")
                                .employmentType(NewEmployee.EmploymentTypeEnum.NON_ASN)
                                .unitId(unit.getId())
                                .supervisorId(andi.getId()))
                .getEmployee();
        assertThat(siti.getSupervisorId()).isEqualTo(andi.getId());
        var andiUser = TestRealms.admin()
                .realm(code)
                .users()
                .searchByUsername("andi.atasan", true)
                .get(0);
        TestRealms.admin()
                .realm(code)
                .users()
                .get(andiUser.getId())
                .roles()
                .realmLevel()
                .add(List.of(TestRealms.admin()
                        .realm(code)
                        .roles()
                        .get(Role.ATASAN.realmRole())
                        .toRepresentation()));
        ApiClient sitiClient = client("siti.aparatur");
        ApiClient andiClient = client("andi.atasan");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Makassar"));
        LocalDate nextMonday =
                today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);

        // Absences: one approved, one returned with a comment; a return without one says what is missing.
        var sitiAbsences = new AbsenceControllerApi(sitiClient);
        var andiAbsences = new AbsenceControllerApi(andiClient);
        Absence izin = sitiAbsences.fileAbsence(
                code,
                new NewAbsence()
                        .kind(NewAbsence.KindEnum.IZIN)
                        .from(nextMonday)
                        .to(nextMonday)
                        .reason("Mengurus KTP"));
        Absence cuti = sitiAbsences.fileAbsence(
                code,
                new NewAbsence()
                        .kind(NewAbsence.KindEnum.CUTI)
                        .from(nextMonday.plusDays(1))
                        .to(nextMonday.plusDays(2))
                        .reason("Cuti tahunan"));
        assertThat(andiAbsences.absencesAwaitingDecision(code))
                .extracting(Absence::getId)
                .containsExactly(izin.getId(), cuti.getId());
        assertThat(andiAbsences
                        .approveAbsence(code, izin.getId(), new AbsenceDecision())
                        .getStatus())
                .isEqualTo(Absence.StatusEnum.APPROVED);
        assertThatThrownBy(() -> andiAbsences.returnAbsence(code, cuti.getId(), new AbsenceDecision()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getResponseBody()).contains("comment");
                });
        Absence returned =
                andiAbsences.returnAbsence(code, cuti.getId(), new AbsenceDecision().comment("Bentrok dengan apel"));
        assertThat(returned.getStatus()).isEqualTo(Absence.StatusEnum.RETURNED);
        assertThat(returned.getComment()).isEqualTo("Bentrok dengan apel");

        // A day's report, approved by its ids.
        new ReportsControllerApi(sitiClient)
                .addActivity(
                        code,
                        today,
                        new NewActivity()
                                .description("Menyusun laporan bulanan")
                                .quantity(new java.math.BigDecimal("1"))
                                .unit("dokumen")
                                .minutes(120));
        var andiReports = new ReportsControllerApi(andiClient);
        List<SubmittedReport> waiting = andiReports.reportsAwaitingDecision(code);
        assertThat(waiting)
                .singleElement()
                .satisfies(report -> assertThat(report.getEmployee()).isEqualTo("Siti Aparatur"));
        List<SubmittedReport> approved = andiReports.approveReports(
                code, new ReportDecision().ids(List.of(waiting.get(0).getId())).comment("Bagus"));
        assertThat(approved)
                .singleElement()
                .satisfies(report -> assertThat(report.getStatus()).isEqualTo(SubmittedReport.StatusEnum.APPROVED));

        // A WFA request, refused with a reason the employee reads.
        new ModulesControllerApi(admin).changeModule(code, "fwa", new ModuleChange().enabled(true));
        new FwaControllerApi(admin)
                .addVersion(
                        code,
                        new PolicyVersion()
                                .effectiveFrom(today)
                                .enabled(true)
                                .wfaWeekdays(java.util.Set.of(PolicyVersion.WfaWeekdaysEnum.THURSDAY)));
        LocalDate friday = nextMonday.plusDays(4);
        while (jdbc.sql("select count(*) from platform.national_holiday where date = ?")
                        .param(friday)
                        .query(Integer.class)
                        .single()
                > 0) {
            friday = friday.plusWeeks(1); // a request for a holiday has no working day to ask for (25 December, say)
        }
        Request request = new FwaControllerApi(sitiClient)
                .fileRequest(
                        code,
                        new NewRequest()
                                .from(friday)
                                .to(friday)
                                .place(NewRequest.PlaceEnum.OTHER)
                                .where("Perpustakaan daerah"));
        Request refused = new FwaControllerApi(andiClient)
                .refuseRequest(code, request.getId(), new RequestDecision().reason("Jadwal pelayanan penuh"));
        assertThat(refused.getStatus()).isEqualTo(Request.StatusEnum.REFUSED);
        assertThat(refused.getReason()).isEqualTo("Jadwal pelayanan penuh");
    }

    private ApiClient client(String username) {
        if (!username.equals("admin.klien")) {
            realmUsers.setPassword(code, username, TestRealms.PASSWORD, false);
        }
        String token = TestRealms.token(code, username);
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
