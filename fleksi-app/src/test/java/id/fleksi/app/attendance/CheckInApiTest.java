package id.fleksi.app.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.app.testing.AppIntegrationTest;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.organisation.EmploymentType;
import id.fleksi.platform.organisation.NewEmployee;
import id.fleksi.platform.organisation.Offices;
import id.fleksi.platform.organisation.OrgUnit;
import id.fleksi.platform.organisation.OrgUnitRepository;
import id.fleksi.platform.organisation.UnitKind;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** The check-in API with a real employee's real token, through the whole application. */
class CheckInApiTest extends AppIntegrationTest {

    static final String NIP = "199203142018012002";

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    RealmUsers realmUsers;

    @Autowired
    Employees employees;

    @Autowired
    OrgUnitRepository units;

    @Autowired
    Offices offices;

    @Autowired
    ModuleSwitches switches;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    String code = TestRealms.unique("presensi");

    @AfterEach
    void remove() {
        TestRealms.removeTenant(realms, jdbc, code);
    }

    @Test
    void anEmployeeChecksInOnceWhateverTheRetriesAndNotAtAllWhileTheModuleIsOff() {
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Presensi", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        TenantCode tenant = TenantCode.of(code);
        // It checks in at the hour the test runs: the day open, not the new tenant's 06:00-12:00 and 14:00-18:00.
        switches.change(
                tenant,
                "attendance",
                null,
                Map.of("checkInWindow", "00:00-23:59", "checkOutWindow", "00:00-23:59"),
                "test");
        TenantContext.runAs(tenant, () -> {
            OrgUnit unit = units.save(new OrgUnit(null, "DISKOMINFO", "Diskominfo", UnitKind.DINAS));
            // The office's area (5 km) takes in the fix: this test is about the API's wiring, not the place or the
            // hour.
            offices.add(new Offices.NewOffice("Kantor", null, -1.7356, 119.5461, 5000, List.of(unit.id())), "test");
            employees.create(
                    new NewEmployee(
                            NIP,
                            null,
                            null,
                            "Rina",
                            EmploymentType.PNS,
                            null,
                            null,
                            unit.id(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                    "test");
        });
        realmUsers.setPassword(code, NIP, TestRealms.PASSWORD, false);
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        RestClient rina = api(TestRealms.token(code, NIP));
        Map<String, Object> body = Map.of(
                "kind",
                "IN",
                "latitude",
                -1.7357,
                "longitude",
                119.5462,
                "accuracy",
                12,
                "clientRequestId",
                "press-" + UUID.randomUUID(),
                "deviceId",
                "hp-rina");

        ResponseEntity<Map> first = post(rina, body);
        ResponseEntity<Map> retry = post(rina, body);
        ResponseEntity<Map> invalid = post(rina, Map.of("kind", "SIDEWAYS", "latitude", 91));
        Map<String, Object> bossPress = Map.of(
                "kind",
                "IN",
                "latitude",
                -1.7,
                "longitude",
                119.5,
                "accuracy",
                5,
                "clientRequestId",
                "press-" + UUID.randomUUID());
        ResponseEntity<Map> notEmployee = post(api(TestRealms.token(code, "boss")), bossPress);
        ResponseEntity<Map> notEmployeeInEnglish = post(api(TestRealms.token(code, "boss")), bossPress, "?lang=en");
        ResponseEntity<Map> future = post(
                rina,
                Map.of(
                        "kind",
                        "IN",
                        "latitude",
                        -1.7357,
                        "longitude",
                        119.5462,
                        "accuracy",
                        12,
                        "clientRequestId",
                        "press-" + UUID.randomUUID(),
                        "capturedAt",
                        "2099-01-01T08:00:00+08:00"));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).containsEntry("workMode", "WFO").containsEntry("kind", "IN");
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getBody()).containsEntry("id", first.getBody().get("id"));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notEmployee.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // The person reads why in Bahasa Indonesia unless they chose English; the values are the request's own.
        assertThat(notEmployee.getBody())
                .containsEntry("title", "Bukan pegawai")
                .containsEntry(
                        "detail",
                        "Akun Anda bukan pegawai aktif pemda ini, jadi tidak punya presensi. Jika Anda pegawai"
                                + " di sini, minta BKD menautkan akun Anda ke data pegawai.");
        assertThat(notEmployeeInEnglish.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(notEmployeeInEnglish.getBody()).containsEntry("title", "Not an employee");
        assertThat((String) notEmployeeInEnglish.getBody().get("detail")).contains("not an active employee");
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) future.getBody().get("detail"))
                .startsWith("capturedAt: waktu rekam 2099-01-01T00:00:00Z lebih lambat" + " dari waktu server ")
                .endsWith("; periksa jam ponsel Anda. Tidak ada yang dicatat.");

        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Makassar")).toString();
        List<Map<String, Object>> days = rina.get()
                .uri("/api/v1/t/" + code + "/attendance/days?from=" + today + "&to=" + today)
                .retrieve()
                .body(List.class);
        assertThat(days).singleElement().satisfies(day -> {
            assertThat(day)
                    .containsEntry("date", today)
                    .containsEntry("status", "PRESENT")
                    .containsEntry("workMode", "WFO");
        });

        // Evaluation and monitoring need attendance: they go off first.
        for (String module : List.of("evaluation", "monitoring", "attendance")) {
            api(TestRealms.token(code, "boss"))
                    .put()
                    .uri("/api/v1/t/" + code + "/modules/" + module)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("enabled", false))
                    .retrieve()
                    .toBodilessEntity();
        }
        ResponseEntity<Map> off = post(rina, body);
        assertThat(off.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) off.getBody().get("detail"))
                .isEqualTo("Modul Presensi sedang dimatikan untuk pemda ini; datanya tetap"
                        + " disimpan. Admin pemda Anda dapat menyalakannya kembali di halaman Modul.");
        assertThat(jdbc.sql("select count(*) from tenant_" + code + ".attendance_check_in")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anAbsenceFiledThroughTheApiIsInTheFilersListAndHerSupervisorsQueueUntilDecided() {
        String supervisorNip = "197804052005011003";
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Presensi", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        TenantContext.runAs(TenantCode.of(code), () -> {
            OrgUnit unit = units.save(new OrgUnit(null, "BKD", "BKD", UnitKind.BADAN));
            UUID boss = employees
                    .create(
                            new NewEmployee(
                                    supervisorNip,
                                    null,
                                    null,
                                    "Andi",
                                    EmploymentType.PNS,
                                    null,
                                    null,
                                    unit.id(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null),
                            "test")
                    .employee()
                    .id();
            employees.create(
                    new NewEmployee(
                            NIP,
                            null,
                            null,
                            "Rina",
                            EmploymentType.PNS,
                            null,
                            null,
                            unit.id(),
                            boss,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                    "test");
        });
        realmUsers.setPassword(code, NIP, TestRealms.PASSWORD, false);
        realmUsers.setPassword(code, supervisorNip, TestRealms.PASSWORD, false);
        TestRealms.addTestClient(code, "fleksi-api");
        RestClient rina = api(TestRealms.token(code, NIP));
        RestClient andi = api(TestRealms.token(code, supervisorNip));
        String absences = "/api/v1/t/" + code + "/attendance/absences";

        ResponseEntity<Map> filed = rina.post()
                .uri(absences)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("kind", "CUTI", "from", "2026-03-09", "to", "2026-03-13", "reason", "Cuti tahunan"))
                .retrieve()
                .toEntity(Map.class);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Object id = filed.getBody().get("id");
        ResponseEntity<Map> again = rina.post()
                .uri(absences)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("kind", "CUTI", "from", "2026-03-09", "to", "2026-03-13", "reason", "Cuti tahunan"))
                .retrieve()
                .toEntity(Map.class);
        assertThat(again.getStatusCode())
                .as("the same absence sent again while it waits")
                .isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("id", id);
        assertThat(rina.get().uri(absences).retrieve().body(List.class))
                .singleElement()
                .satisfies(a -> assertThat((Map<String, Object>) a)
                        .containsEntry("id", id)
                        .containsEntry("status", "PENDING"));
        assertThat(andi.get().uri(absences + "/awaiting-decision").retrieve().body(List.class))
                .singleElement()
                .satisfies(a -> assertThat((Map<String, Object>) a)
                        .containsEntry("id", id)
                        .containsEntry("employee", "Rina"));
        assertThat(rina.get().uri(absences + "/awaiting-decision").retrieve().body(List.class))
                .isEmpty();
        // A role she does not have (the team's day is for supervisors): refused, and told so in Bahasa Indonesia.
        ResponseEntity<Map> team = rina.get()
                .uri("/api/v1/t/" + code + "/attendance/team?date=2026-03-09")
                .retrieve()
                .toEntity(Map.class);
        assertThat(team.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(team.getBody())
                .containsEntry("title", "Tidak diizinkan")
                .containsEntry(
                        "detail",
                        "Akun Anda tidak punya peran yang diperlukan untuk ini. Mintalah kepada admin pemda Anda.");

        assertThat(andi.post()
                        .uri(absences + "/" + id + "/approve")
                        .retrieve()
                        .toEntity(Map.class)
                        .getBody())
                .containsEntry("status", "APPROVED");
        assertThat(andi.get().uri(absences + "/awaiting-decision").retrieve().body(List.class))
                .isEmpty();
        assertThat(rina.get().uri(absences).retrieve().body(List.class))
                .singleElement()
                .satisfies(a -> assertThat((Map<String, Object>) a).containsEntry("status", "APPROVED"));
    }

    @Test
    void theOpenApiDocumentDescribesAttendanceReportsAndFlexibleWork() {
        Map<String, Object> document = RestClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/v3/api-docs")
                .retrieve()
                .body(Map.class);
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/v1/t/{code}/attendance/check-ins",
                        "/api/v1/t/{code}/attendance/absences/{id}/document",
                        "/api/v1/t/{code}/attendance/absences",
                        "/api/v1/t/{code}/attendance/absences/awaiting-decision",
                        "/api/v1/t/{code}/activity-reports/days/{date}/activities",
                        "/api/v1/t/{code}/activity-reports/review/approve",
                        "/api/v1/t/{code}/activity-reports/activities/{id}/evidence",
                        "/api/v1/t/{code}/activity-reports/targets",
                        "/api/v1/t/{code}/fwa/policy",
                        "/api/v1/t/{code}/fwa/schedule",
                        "/api/v1/t/{code}/fwa/eligibility",
                        "/api/v1/t/{code}/fwa/requests",
                        "/api/v1/t/{code}/fwa/requests/{id}/approve",
                        "/api/v1/t/{code}/fwa/preview");
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        assertThat(schemas).containsKeys("CheckInRequest", "DayAnswer", "PolicyVersion", "NewActivity");
    }

    private ResponseEntity<Map> post(RestClient client, Map<String, Object> body) {
        return post(client, body, "");
    }

    private ResponseEntity<Map> post(RestClient client, Map<String, Object> body, String query) {
        return client.post()
                .uri("/api/v1/t/" + code + "/attendance/check-ins" + query)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(Map.class);
    }

    private RestClient api(String token) {
        return RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + token)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }
}
