package id.fleksi.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.app.testing.AppIntegrationTest;
import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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

/**
 * Closing last month through the API with real tokens: BKD closes an OPD's month, the employee's absence for a day of
 * it is refused with a problem in Bahasa Indonesia, an ASN may not close, and BKD's correction lets that day's absence
 * through. The month paid is the real evaluation's: Siti checked in on two days of it.
 */
class ClosingApiTest extends AppIntegrationTest {

    @Autowired
    TenantOnboarding onboarding;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    RealmUsers realmUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MonthlyEvaluations evaluations;

    @LocalServerPort
    int port;

    String code = TestRealms.unique("tutup");

    @AfterEach
    void remove() {
        TestRealms.removeTenant(realms, jdbc, code);
    }

    @Test
    void bkdClosesLastMonthAndAnAbsenceInItIsRefusedUntilBkdRecordsACorrection() {
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Tutup", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        String s = "tenant_" + code;
        UUID dinkes = UUID.randomUUID();
        UUID siti = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DINKES', 'Dinas Kesehatan', 'DINAS')")
                .param(dinkes)
                .update();
        jdbc.sql(
                        "insert into " + s
                                + ".employee (id, name, employment_type, unit_id, status, username, realm_user_id,"
                                + " created_at, updated_at) values (?, 'Siti Aparatur', 'PNS', ?, 'ACTIVE', 'siti', ?, now(), now())")
                .params(siti, dinkes, UUID.randomUUID().toString())
                .update();
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "bkd", Role.BKD);
        TestRealms.addUser(realmUsers, code, "siti", Role.ASN);
        RestClient bkd = api(TestRealms.token(code, "bkd"));
        RestClient asn = api(TestRealms.token(code, "siti"));
        YearMonth thisMonth = YearMonth.now(ZoneId.of("Asia/Makassar"));
        YearMonth last = thisMonth.minusMonths(1);
        LocalDate fifteenth = last.atDay(15);
        LocalDate sixteenth = last.atDay(16);
        String closings = "/api/v1/t/" + code + "/evaluation/closings/";
        MonthRows rows = new MonthRows(jdbc, code, last);
        rows.checkIn(siti, rows.weekday(5), "WFO", 0, 0);
        rows.checkIn(siti, rows.weekday(6), "WFA", 20, 0);
        EmployeeMonth computed = evaluations.employee(TenantCode.of(code), siti, last);
        assertThat(computed.presentWfo() + computed.presentWfa()).isEqualTo(2);

        assertThat(fileAbsence(asn, fifteenth).getStatusCode().is2xxSuccessful())
                .as("an open month takes it")
                .isTrue();
        ResponseEntity<List> closed = bkd.post()
                .uri(closings + last)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("opd", "DINKES"))
                .retrieve()
                .toEntity(List.class);
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((Map<String, Object>) closed.getBody().get(0))
                .containsEntry("opdCode", "DINKES")
                .containsEntry("version", 1)
                .containsEntry("employees", 1);

        ResponseEntity<Map> refused = fileAbsence(asn, sixteenth);

        Locale indonesian = Locale.forLanguageTag("id");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody())
                .containsEntry("type", "urn:fleksi:problem:month-closed")
                .containsEntry("title", "Bulan sudah ditutup")
                .containsEntry("month", last.toString())
                .containsEntry("date", sixteenth.toString())
                .containsEntry(
                        "detail",
                        "Bulan "
                                + DateTimeFormatter.ofPattern("MMMM yyyy", indonesian)
                                        .format(last)
                                + " sudah ditutup oleh BKD; izin, sakit, cuti atau dinas luar yang mengenai tanggal "
                                + DateTimeFormatter.ofPattern("d MMMM yyyy", indonesian)
                                        .format(sixteenth) + " tidak dapat diajukan atau"
                                + " diputuskan lagi. Bila perlu diubah, minta BKD mencatat koreksi beserta alasannya untuk hari itu, lalu"
                                + " ulangi. Tidak ada yang diubah.");
        ResponseEntity<Map> notBkd = asn.post().uri(closings + last).retrieve().toEntity(Map.class);
        assertThat(notBkd.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(notBkd.getBody()).containsEntry("detail", "Hanya BKD yang menutup bulan dan mencatat koreksi.");
        ResponseEntity<Map> notOver =
                bkd.post().uri(closings + thisMonth).retrieve().toEntity(Map.class);
        assertThat(notOver.getStatusCode()).isEqualTo(HttpStatus.valueOf(422));
        assertThat(notOver.getBody()).containsEntry("title", "Bulan belum selesai");

        ResponseEntity<Map> correction = bkd.post()
                .uri("/api/v1/t/" + code + "/evaluation/corrections")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "employeeId",
                        siti.toString(),
                        "from",
                        sixteenth.toString(),
                        "reason",
                        "Surat sakit baru diserahkan"))
                .retrieve()
                .toEntity(Map.class);
        assertThat(correction.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(fileAbsence(asn, sixteenth).getStatusCode().is2xxSuccessful())
                .as("the corrected day takes it")
                .isTrue();
        Map<String, Object> state = bkd.get().uri(closings + last).retrieve().body(Map.class);
        assertThat((List<Map<String, Object>>) state.get("opds"))
                .singleElement()
                .satisfies(opd ->
                        assertThat(opd).containsEntry("state", "CORRECTING").containsEntry("openCorrections", 1));
        Map<String, Object> view =
                bkd.get().uri(closings + last + "/employees/" + siti).retrieve().body(Map.class);
        assertThat((List<?>) view.get("versions")).hasSize(1);
        assertThat((Map<String, Object>) view.get("paid"))
                .containsEntry("name", "Siti Aparatur")
                .containsEntry("workingDays", computed.workingDays())
                .containsEntry("presentWfo", computed.presentWfo())
                .containsEntry("presentWfa", computed.presentWfa())
                .containsEntry("lateMinutes", 20)
                .containsEntry("unexcusedDays", computed.unexcusedDays());
    }

    private ResponseEntity<Map> fileAbsence(RestClient client, LocalDate date) {
        return client.post()
                .uri("/api/v1/t/" + code + "/attendance/absences")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("kind", "SAKIT", "from", date.toString(), "to", date.toString(), "reason", "Demam"))
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
