package id.fleksi.app.evaluation;

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
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
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

/**
 * The evaluation through the API with real tokens: BKD starts the rules from a preset, the ASN reads her month as JSON,
 * her supervisor rates it and a colleague is refused in Bahasa Indonesia; BKD reads the pemda per OPD.
 */
class EvaluationApiTest extends AppIntegrationTest {

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

    String code = TestRealms.unique("evalapi");

    @AfterEach
    void remove() {
        TestRealms.removeTenant(realms, jdbc, code);
    }

    @Test
    void bkdSetsTheRulesTheAsnReadsHerMonthHerSupervisorRatesItAndAColleagueMayNot() {
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Evaluasi", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        String s = "tenant_" + code;
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
                .param(unit)
                .update();
        UUID andi = employee(s, "atasan", "Andi Atasan", unit, null);
        UUID siti = employee(s, "asn", "Siti Aparatur", unit, andi);
        employee(s, "rekan", "Rina Rekan", unit, null);
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "bkd", Role.BKD);
        TestRealms.addUser(realmUsers, code, "asn", Role.ASN);
        TestRealms.addUser(realmUsers, code, "atasan", Role.ATASAN);
        TestRealms.addUser(realmUsers, code, "rekan", Role.ASN);
        RestClient bkd = api(TestRealms.token(code, "bkd"));
        String base = "/api/v1/t/" + code + "/evaluation";
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Makassar"));
        String month = YearMonth.from(today).toString();

        ResponseEntity<Map> added = bkd.post()
                .uri(base + "/rules")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("from", "TEBO-2022", "effectiveFrom", today.toString(), "capPercent", 40))
                .retrieve()
                .toEntity(Map.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody())
                .containsEntry("version", 1)
                .containsEntry("preset", "TEBO-2022")
                .containsEntry("capPercent", 40);
        ResponseEntity<Map> past = bkd.post()
                .uri(base + "/rules")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "from", "current", "effectiveFrom", today.minusDays(1).toString()))
                .retrieve()
                .toEntity(Map.class);
        assertThat(past.getStatusCode().value()).isEqualTo(422);
        assertThat(past.getBody()).containsEntry("title", "Tidak dapat mengubah yang sudah lewat");

        // The bands through the API: overlapping ones are refused, the band and its field named in Bahasa Indonesia and
        // by the request's own path in errors; then taken, the early-leave bands kept from the base.
        String tomorrow = today.plusDays(1).toString();
        ResponseEntity<Map> overlapping = bkd.post()
                .uri(base + "/rules")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "from",
                        "current",
                        "effectiveFrom",
                        tomorrow,
                        "lateBands",
                        List.of(
                                Map.of("code", "TL1", "fromMinutes", 1, "toMinutes", 30, "percent", 0.5),
                                Map.of("code", "TL2", "fromMinutes", 25, "percent", 1))))
                .retrieve()
                .toEntity(Map.class);
        assertThat(overlapping.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(overlapping.getBody())
                .containsEntry("type", "urn:fleksi:problem:invalid-rules")
                .containsEntry("title", "Aturan tidak valid")
                .containsEntry(
                        "detail",
                        "Terlambat (TL), kelas 2 (TL2), menit awal: 25 menit sudah termasuk kelas sebelumnya"
                                + " (sampai 30 menit); isi 31. Tidak ada yang disimpan.")
                .containsEntry(
                        "errors",
                        List.of(
                                Map.of(
                                        "field",
                                        "lateBands[1].fromMinutes",
                                        "message",
                                        "Lateness (TL), band 2 (TL2),"
                                                + " from minute: 25 minutes already fall in the band before (up to 30 minutes); make it 31")));
        ResponseEntity<Map> banded = bkd.post()
                .uri(base + "/rules")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "from",
                        "current",
                        "effectiveFrom",
                        tomorrow,
                        "lateBands",
                        List.of(
                                Map.of("code", "TL1", "fromMinutes", 1, "toMinutes", 45, "percent", 0.75),
                                Map.of("code", "TL2", "fromMinutes", 46, "percent", 1.5))))
                .retrieve()
                .toEntity(Map.class);
        assertThat(banded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(banded.getBody()).containsEntry("version", 2).containsEntry("capPercent", 40);
        assertThat((List<Map<String, Object>>) banded.getBody().get("lateBands"))
                .extracting(b -> b.get("code"), b -> b.get("toMinutes"), b -> b.get("percent"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TL1", 45, 0.75),
                        org.assertj.core.groups.Tuple.tuple("TL2", null, 1.5));
        assertThat((List<?>) banded.getBody().get("earlyLeaveBands")).hasSize(4);

        ResponseEntity<Map> mine = api(TestRealms.token(code, "asn"))
                .get()
                .uri(base + "/me?month=" + month)
                .retrieve()
                .toEntity(Map.class);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mine.getBody())
                .containsEntry("name", "Siti Aparatur")
                .containsEntry("month", month)
                .containsEntry("unitName", "Diskominfo");
        assertThat(mine.getBody().get("lines")).isInstanceOf(List.class);

        ResponseEntity<Map> refused = api(TestRealms.token(code, "rekan"))
                .put()
                .uri(base + "/employees/" + siti + "/rating?month=" + month)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("rating", 5))
                .retrieve()
                .toEntity(Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("title", "Bukan atasan langsung");
        assertThat((String) refused.getBody().get("detail"))
                .isEqualTo("Hanya atasan langsung Siti Aparatur yang menilai bulannya." + " Tidak ada yang disimpan.");

        RestClient atasan = api(TestRealms.token(code, "atasan"));
        ResponseEntity<Void> rated = atasan.put()
                .uri(base + "/employees/" + siti + "/rating?month=" + month)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("rating", 4, "note", "Rapi"))
                .retrieve()
                .toBodilessEntity();
        assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<List> team =
                atasan.get().uri(base + "/team?month=" + month).retrieve().toEntity(List.class);
        assertThat((List<Map<String, Object>>) team.getBody())
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .containsEntry("name", "Siti Aparatur")
                        .containsEntry("rating", 4)
                        .containsEntry("ratingNote", "Rapi"));

        ResponseEntity<Map> pemda =
                bkd.get().uri(base + "/opds?month=" + month).retrieve().toEntity(Map.class);
        assertThat(pemda.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) pemda.getBody().get("total"))
                .containsEntry("employees", 3)
                .containsEntry("rated", 1);
        ResponseEntity<Map> notForAsn = api(TestRealms.token(code, "asn"))
                .get()
                .uri(base + "/opds")
                .retrieve()
                .toEntity(Map.class);
        assertThat(notForAsn.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private UUID employee(String schema, String username, String name, UUID unit, UUID supervisor) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into " + schema
                        + ".employee (id, name, employment_type, unit_id, supervisor_id, status, username, realm_user_id,"
                        + " created_at, updated_at) values (?, ?, 'PNS', ?, ?, 'ACTIVE', ?, ?, now(), now())")
                .params(id, name, unit, supervisor, username, UUID.randomUUID().toString())
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
