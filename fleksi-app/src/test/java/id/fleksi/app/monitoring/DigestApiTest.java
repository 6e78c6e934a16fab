package id.fleksi.app.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.app.testing.AppIntegrationTest;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The digest through the API with real tokens: BKD gets last week's JSON and the same as an XLSX; the tenant admin, who
 * sees counts only, is refused, in Bahasa Indonesia; a period that is neither a month nor a week is a 400.
 */
class DigestApiTest extends AppIntegrationTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

    String code = TestRealms.unique("rekapapi");

    @AfterEach
    void remove() {
        TestRealms.removeTenant(realms, jdbc, code);
    }

    @Test
    void bkdTakesLastWeekAsJsonAndAsAWorkbookAndTheTenantAdminIsRefused() throws IOException {
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Rekap", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        String s = "tenant_" + code;
        UUID dinkes = UUID.randomUUID();
        UUID puskesmas = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DINKES', 'Dinas Kesehatan', 'DINAS')")
                .param(dinkes)
                .update();
        jdbc.sql(
                        "insert into " + s
                                + ".org_unit (id, parent_id, code, name, kind) values (?, ?, 'PKM', 'Puskesmas Tobadak', 'UPT')")
                .params(puskesmas, dinkes)
                .update();
        UUID siti = employee(s, "Siti Aparatur", puskesmas);
        employee(s, "Andi Pegawai", dinkes);
        LocalDate monday =
                LocalDate.now(ZoneId.of("Asia/Makassar")).minusWeeks(1).with(DayOfWeek.MONDAY);
        String week = String.format(
                "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        jdbc.sql("insert into " + s
                        + ".attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode,"
                        + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, minutes_late)"
                        + " values (?, ?, ?, ?, 'IN', 'WFA', now(), now(), false, -1.74, 119.53, 10, 7)")
                .params(UUID.randomUUID(), UUID.randomUUID().toString(), siti, monday)
                .update();
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "bkd", Role.BKD);
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        RestClient bkd = api(TestRealms.token(code, "bkd"));
        String path = "/api/v1/t/" + code + "/monitoring/digest";

        ResponseEntity<Map> digest =
                bkd.get().uri(path + "?unit=DINKES&week=" + week).retrieve().toEntity(Map.class);

        assertThat(digest.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(digest.getBody())
                .containsEntry("unit", "DINKES")
                .containsEntry("period", week)
                .containsEntry("from", monday.toString())
                .containsEntry("to", monday.plusDays(6).toString());
        List<Map<String, Object>> people =
                (List<Map<String, Object>>) digest.getBody().get("people");
        assertThat(people)
                .extracting(p -> p.get("name"), p -> p.get("unit"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Andi Pegawai", "Dinas Kesehatan"),
                        org.assertj.core.groups.Tuple.tuple("Siti Aparatur", "Puskesmas Tobadak"));
        assertThat((Map<String, Object>) people.get(1).get("total"))
                .containsEntry("present", 1)
                .containsEntry("wfa", 1)
                .containsEntry("lateDays", 1)
                .containsEntry("minutesLate", 7);
        assertThat((Map<String, Object>) digest.getBody().get("total")).containsEntry("present", 1);

        ResponseEntity<byte[]> file = bkd.get()
                .uri(path + ".xlsx?unit=DINKES&week=" + week + "&lang=en")
                .header("Accept", XLSX)
                .retrieve()
                .toEntity(byte[].class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType().toString()).isEqualTo(XLSX);
        assertThat(file.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("digest-DINKES-" + week + ".xlsx");
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(file.getBody()))) {
            List<Row> rows = book.getFirstSheet().read();
            Row heading = rows.stream()
                    .filter(r -> r.getCellAsString(1).orElse("").equals("Name"))
                    .findFirst()
                    .orElseThrow();
            int wfa = java.util.stream.IntStream.range(0, heading.getCellCount())
                    .filter(c -> heading.getCellAsString(c).orElse("").equals("WFA"))
                    .findFirst()
                    .orElseThrow();
            Row sitiRow = rows.stream()
                    .filter(r -> r.getCellAsString(1).orElse("").equals("Siti Aparatur"))
                    .findFirst()
                    .orElseThrow();
            assertThat(sitiRow.getCellAsNumber(wfa)).contains(BigDecimal.ONE);
        }

        ResponseEntity<Map> admin = api(TestRealms.token(code, "boss"))
                .get()
                .uri(path + "?unit=DINKES&week=" + week)
                .retrieve()
                .toEntity(Map.class);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin.getBody()).containsEntry("title", "Tidak diizinkan");
        assertThat((String) admin.getBody().get("detail"))
                .contains("Rekap berisi nama pegawai")
                .doesNotContain("Siti");

        ResponseEntity<Map> wrong =
                bkd.get().uri(path + "?unit=DINKES&month=2026-13").retrieve().toEntity(Map.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrong.getBody()).containsEntry("title", "Periode tidak dikenal");
    }

    private UUID employee(String schema, String name, UUID unit) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into " + schema
                        + ".employee (id, name, employment_type, unit_id, status, username, realm_user_id,"
                        + " created_at, updated_at) values (?, ?, 'NON_ASN', ?, 'ACTIVE', ?, ?, now(), now())")
                .params(
                        id,
                        name,
                        unit,
                        name.toLowerCase().replace(' ', '.'),
                        UUID.randomUUID().toString())
                .update();
        return id;
    }

    private RestClient api(String token) {
        return RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + token)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }
}
