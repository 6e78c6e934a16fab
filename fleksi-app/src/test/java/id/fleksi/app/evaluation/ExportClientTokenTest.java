package id.fleksi.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import id.fleksi.app.testing.AppIntegrationTest;
import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCache;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Another system's token: the tenant admin makes a client and sees its secret once; the system gets a token with the
 * client-credentials grant and fetches the month as JSON (valid against docs/evaluation-export.schema.json) and as CSV
 * (the schema's columns, in order, the real evaluation's values for twelve employees with the varied month of
 * {@link MonthRows}, and employee 9's worked out by hand); the same token is refused (403) on every other operation;
 * removed, the client gets no token.
 */
class ExportClientTokenTest extends AppIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCHEMA = Path.of("..", "docs", "evaluation-export.schema.json");

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

    @Autowired
    RuleSets rules;

    @Autowired
    TenantCache cache;

    @LocalServerPort
    int port;

    String code = TestRealms.unique("eksportoken");
    YearMonth month = YearMonth.now(ZoneId.of("Asia/Makassar")).minusMonths(1);

    @AfterEach
    void remove() {
        TestRealms.removeTenant(realms, jdbc, code);
    }

    @Test
    void aClientCredentialsTokenFetchesTheExportsAndIsRefusedEverywhereElse() throws Exception {
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Token", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        MonthRows rows = new MonthRows(jdbc, code, month);
        rows.rules(rules, cache, code);
        UUID dinkes = rows.unit("DINKES", "Dinas Kesehatan", null, "DINAS");
        for (int i = 1; i <= 12; i++) {
            rows.work(
                    rows.employee(
                            String.format("19800101200501%04d", 1000 + i), "Pegawai Nomor " + i, dinkes, null, null),
                    i);
        }
        List<EmployeeMonth> evaluation = new ArrayList<>();
        evaluations.each(TenantCode.of(code), month, null, evaluation::add);
        int ninth = java.util.stream.IntStream.range(0, evaluation.size())
                .filter(k -> evaluation.get(k).nip().equals("198001012005011009"))
                .findFirst()
                .orElseThrow();
        int second = java.util.stream.IntStream.range(0, evaluation.size())
                .filter(k -> evaluation.get(k).nip().equals("198001012005011002"))
                .findFirst()
                .orElseThrow();
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "boss", Role.TENANT_ADMIN);
        TestRealms.addUser(realmUsers, code, "bkd", Role.BKD);
        RestClient admin = api(TestRealms.token(code, "boss"));
        String clients = "/api/v1/t/" + code + "/evaluation/export-clients";

        ResponseEntity<Map> made = admin.post()
                .uri(clients)
                .header("Content-Type", "application/json")
                .body(Map.of("name", "SIMPEG BKD"))
                .retrieve()
                .toEntity(Map.class);

        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String clientId = (String) made.getBody().get("clientId");
        String secret = (String) made.getBody().get("secret");
        assertThat(clientId).startsWith("evaluation-export-");
        assertThat(secret).hasSizeGreaterThan(20);
        assertThat(made.getBody())
                .containsEntry("realmRole", "evaluation-export")
                .containsEntry("name", "SIMPEG BKD");
        String tokenUrl = (String) made.getBody().get("tokenUrl");
        assertThat(tokenUrl).endsWith("/realms/" + code + "/protocol/openid-connect/token");
        ResponseEntity<String> listed = admin.get().uri(clients).retrieve().toEntity(String.class);
        assertThat(listed.getBody()).contains(clientId, "SIMPEG BKD").doesNotContain(secret);
        assertThat(api(TestRealms.token(code, "bkd"))
                        .post()
                        .uri(clients)
                        .header("Content-Type", "application/json")
                        .body(Map.of("name", "X"))
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        HttpResponse<String> token = clientCredentials(tokenUrl, clientId, secret);
        assertThat(token.statusCode()).isEqualTo(200);
        RestClient system = api(JSON.readTree(token.body()).get("access_token").asString());

        ResponseEntity<String> json = system.get()
                .uri("/api/v1/t/{c}/evaluation/exports/results.json?month={m}", code, month)
                .retrieve()
                .toEntity(String.class);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
        List<Error> errors = schema.validate(json.getBody(), InputFormat.JSON);
        assertThat(errors).isEmpty();
        JsonNode document = JSON.readTree(json.getBody());
        assertThat(document.get("tenant").asString()).isEqualTo(code);
        assertThat(document.get("month").asString()).isEqualTo(month.toString());
        assertThat(document.get("unit_code").isNull()).isTrue();
        assertThat(document.get("employee_count").asInt()).isEqualTo(12).isEqualTo(evaluation.size());
        for (int k = 0; k < evaluation.size(); k++) {
            EmployeeMonth m = evaluation.get(k);
            JsonNode e = document.get("employees").get(k);
            assertThat(e.get("nip").asString()).isEqualTo(m.nip());
            assertThat(e.get("working_days").asInt()).isEqualTo(m.workingDays());
            assertThat(e.get("late_minutes").asInt()).isEqualTo(m.lateMinutes());
            assertThat(e.get("unexcused_days").asInt()).isEqualTo(m.unexcusedDays());
            assertThat(e.get("deduction_percent").decimalValue()).isEqualByComparingTo(m.deductionPercent());
            assertThat(e.get("deduction_lines").size()).isEqualTo(m.lines().size());
        }
        // By hand: employee 9 was 17 minutes late before the 16th (0.5%, the first rules) and away without a word after
        // it
        // (10%, the second).
        JsonNode nine = document.get("employees").get(ninth);
        assertThat(nine.get("unexcused_days").asInt()).isEqualTo(1);
        assertThat(nine.get("rule_set_versions").toString()).isEqualTo("[1,2]");
        assertThat(nine.get("deduction_lines").size()).isEqualTo(2);
        assertThat(nine.get("deduction_percent").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(document.get("employees").get(second).get("rating").isNull()).isTrue();

        ResponseEntity<String> csv = system.get()
                .uri("/api/v1/t/{c}/evaluation/exports/results.csv?month={m}&unit=DINKES", code, month)
                .retrieve()
                .toEntity(String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        List<String> columns = new ArrayList<>();
        JSON.readTree(Files.readString(SCHEMA)).get("x-csv-columns").forEach(c -> columns.add(c.asString()));
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(csv.getBody()))
                .getRecords();
        assertThat(records.get(0).getParser().getHeaderNames()).isEqualTo(columns);
        assertThat(records).hasSize(evaluation.size());
        for (int i = 0; i < records.size(); i++) {
            EmployeeMonth m = evaluation.get(i);
            CSVRecord row = records.get(i);
            assertThat(row.get("nip")).isEqualTo(m.nip());
            assertThat(row.get("name")).isEqualTo(m.name());
            assertThat(row.get("late_minutes")).isEqualTo(String.valueOf(m.lateMinutes()));
            assertThat(row.get("absent_cuti"))
                    .isEqualTo(String.valueOf(m.absencesByKind().getOrDefault("CUTI", 0)));
            assertThat(new java.math.BigDecimal(row.get("deduction_percent")))
                    .isEqualByComparingTo(m.deductionPercent());
            assertThat(row.get("rating")).isEqualTo(m.rating() == null ? "" : String.valueOf(m.rating()));
        }
        assertThat(records.get(ninth).get("rule_set_versions")).isEqualTo("1;2");
        assertThat(records.get(ninth).get("unexcused_days")).isEqualTo("1");

        for (String other : List.of(
                "/api/v1/t/" + code + "/me",
                "/api/v1/t/" + code + "/monitoring/digest?unit=DINKES",
                "/api/v1/t/" + code + "/monitoring/today",
                clients,
                "/api/v1/t/" + code + "/attendance/check-ins",
                "/api/v1/platform/tenants")) {
            assertThat(system.get().uri(other).retrieve().toBodilessEntity().getStatusCode())
                    .as(other)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }

        assertThat(admin.delete()
                        .uri(clients + "/" + clientId)
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(clientCredentials(tokenUrl, clientId, secret).statusCode()).isEqualTo(401);
        assertThat(admin.get().uri(clients).retrieve().toEntity(String.class).getBody())
                .isEqualTo("[]");
    }

    private static HttpResponse<String> clientCredentials(String tokenUrl, String clientId, String secret)
            throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(tokenUrl))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private RestClient api(String token) {
        return RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + token)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }
}
