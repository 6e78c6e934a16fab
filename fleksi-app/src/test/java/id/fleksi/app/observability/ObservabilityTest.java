package id.fleksi.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

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
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator sees of Fleksi at work: per-tenant request metrics, check-in outcomes, migration, import and Keycloak
 * timings on the management port only (the public port does not serve them), and JSON log lines that carry the tenant,
 * the request id and the user id but no coordinates and no NIP. Then the Grafana dashboard in docs/ asks only for
 * metrics Fleksi serves.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "logging.structured.format.console=ecs"})
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest {

    static final String NIP = "199203142018012002";
    static final String OTHER_NIP = "198511222010012001";
    static final Pattern METRIC = Pattern.compile("\\b((?:fleksi|http_server_requests)_[a-z_]+)");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestKeycloak.register(registry);
    }

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

    @LocalManagementPort
    int managementPort;

    String first = TestRealms.unique("obsa");
    String second = TestRealms.unique("obsb");
    String madeUp = TestRealms.unique("nosuch");

    @AfterEach
    void remove() {
        TestRealms.removeTenant(realms, jdbc, first);
        TestRealms.removeTenant(realms, jdbc, second);
    }

    @Test
    void perTenantFiguresAreOnTheManagementPortOnlyAndLogLinesNameTenantRequestAndUserButNoLocation(
            CapturedOutput output) throws Exception {
        tenantWithEmployee(first, NIP);
        tenantWithEmployee(second, OTHER_NIP);
        RestClient rina = api(TestRealms.token(first, NIP));
        RestClient sari = api(TestRealms.token(second, OTHER_NIP));
        Map<String, Object> press = Map.of(
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

        ResponseEntity<Map> checkIn = rina.post()
                .uri("/api/v1/t/" + first + "/attendance/check-ins")
                .contentType(MediaType.APPLICATION_JSON)
                .body(press)
                .retrieve()
                .toEntity(Map.class);
        ResponseEntity<Map> again = rina.post()
                .uri("/api/v1/t/" + first + "/attendance/check-ins")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "kind",
                        "IN",
                        "latitude",
                        -1.7357,
                        "longitude",
                        119.5462,
                        "accuracy",
                        12,
                        "clientRequestId",
                        "press-" + UUID.randomUUID()))
                .retrieve()
                .toEntity(Map.class);
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Makassar")).toString();
        ResponseEntity<String> days = sari.get()
                .uri("/api/v1/t/" + second + "/attendance/days?from=" + today + "&to=" + today)
                .retrieve()
                .toEntity(String.class);
        ResponseEntity<String> nowhere = sari.get()
                .uri("/api/v1/t/" + madeUp + "/attendance/days?from=" + today + "&to=" + today)
                .retrieve()
                .toEntity(String.class);
        TestRealms.addUser(realmUsers, second, "bkd", Role.TENANT_ADMIN);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(
                "file", new ByteArrayResource("code,name,kind,parent_code\nBKD,Badan Kepegawaian,BADAN,\n".getBytes()) {
                    @Override
                    public String getFilename() {
                        return "units.csv";
                    }
                });
        ResponseEntity<String> imported = api(TestRealms.token(second, "bkd"))
                .post()
                .uri("/api/v1/t/" + second + "/imports/units")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .toEntity(String.class);

        assertThat(checkIn.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(days.getStatusCode().value()).isEqualTo(200);
        assertThat(nowhere.getStatusCode().value()).isEqualTo(404);
        assertThat(imported.getStatusCode().value()).isEqualTo(200);

        String metrics = RestClient.create()
                .get()
                .uri("http://127.0.0.1:" + managementPort + "/actuator/prometheus")
                .retrieve()
                .body(String.class);
        // Every series names the application, as the dashboard's queries ask.
        assertThat(series(
                        metrics,
                        "http_server_requests_seconds_count",
                        "application=\"fleksi\"",
                        "tenant=\"" + first + "\"",
                        "uri=\"/api/v1/t/{code}/attendance/check-ins\"",
                        "method=\"POST\"",
                        "status=\"201\""))
                .isEqualTo(1);
        assertThat(series(
                        metrics,
                        "http_server_requests_seconds_count",
                        "tenant=\"" + second + "\"",
                        "uri=\"/api/v1/t/{code}/attendance/days\"",
                        "status=\"200\""))
                .isEqualTo(1);
        // A code nobody registered is "unknown", and never a tag value of its own.
        assertThat(series(
                        metrics,
                        "http_server_requests_seconds_count",
                        "tenant=\"unknown\"",
                        "uri=\"/api/v1/t/{code}/attendance/days\"",
                        "status=\"404\""))
                .isEqualTo(1);
        assertThat(metrics).doesNotContain(madeUp);
        assertThat(series(
                        metrics,
                        "fleksi_check_ins_total",
                        "tenant=\"" + first + "\"",
                        "kind=\"in\"",
                        "outcome=\"accepted\""))
                .isEqualTo(1);
        assertThat(series(
                        metrics,
                        "fleksi_check_ins_total",
                        "tenant=\"" + first + "\"",
                        "outcome=\"refused\"",
                        "reason=\"already-checked-in\""))
                .isEqualTo(1);
        assertThat(series(
                        metrics,
                        "fleksi_import_seconds_count",
                        "tenant=\"" + second + "\"",
                        "kind=\"units\"",
                        "outcome=\"imported\""))
                .isEqualTo(1);
        assertThat(series(metrics, "fleksi_migration_seconds_count", "schema=\"tenant\"", "outcome=\"success\""))
                .isPositive();
        assertThat(series(
                        metrics,
                        "fleksi_keycloak_calls_seconds_count",
                        "method=\"POST\"",
                        "uri=\"/admin/realms\"",
                        "status=\"201\""))
                .isPositive();
        // Keycloak's paths lose their realms and ids: no tenant code in its series.
        assertThat(metrics.lines().filter(line -> line.startsWith("fleksi_keycloak_calls")))
                .isNotEmpty()
                .noneMatch(line -> line.contains(first) || line.contains(second));

        // The public port serves none of it (the health probes' short paths only).
        ResponseEntity<String> publicPrometheus = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build()
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .toEntity(String.class);
        assertThat(publicPrometheus.getStatusCode().value()).isEqualTo(404);
        assertThat(publicPrometheus.getBody()).doesNotContain("http_server_requests");

        // The check-in's log line, with tenant, request id and user id, and nothing of where Rina stood: JSON (ECS) as
        // this
        // test asks, unless an earlier test of this JVM set the console up first (Logback is set up once per JVM), in
        // which
        // case the plain pattern carries the same three between brackets.
        String requestId = checkIn.getHeaders().getFirst("X-Request-Id");
        String logLine = output.toString()
                .lines()
                .filter(text -> text.contains("Check-in accepted") && text.contains(requestId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check-in log line with request id " + requestId));
        if (logLine.startsWith("{")) {
            Map<?, ?> line = JsonMapper.builder().build().readValue(logLine, Map.class);
            assertThat(line.get("requestId")).isEqualTo(requestId);
            assertThat(line.get("tenant")).isEqualTo(first);
            assertThat((String) line.get("userId")).matches("[0-9a-f-]{36}");
        } else {
            assertThat(logLine).containsPattern("\\[" + first + " " + requestId + " [0-9a-f-]{36}\\]");
        }
        assertThat(logLine).doesNotContain("1.7357", "119.546", "-1.73", NIP, "hp-rina", "Rina");
        // No line of the whole run shows the coordinates or the NIPs.
        assertThat(output.toString()).doesNotContain("119.5462", NIP, OTHER_NIP);

        assertThat(dashboardMetrics())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(metrics).as(name).contains(name));
    }

    /** The number of series of this metric whose labels include all of these. */
    private static long series(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .count();
    }

    /** Every metric the dashboard's queries name. */
    private static Set<String> dashboardMetrics() throws Exception {
        String dashboard = Files.readString(Path.of("..", "docs", "grafana", "fleksi.json"));
        Map<?, ?> parsed = JsonMapper.builder().build().readValue(dashboard, Map.class);
        assertThat(parsed.get("panels")).asList().isNotEmpty();
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("\"expr\"\\s*:\\s*\"([^\"]*)\"").matcher(dashboard);
        while (matcher.find()) {
            Matcher metric = METRIC.matcher(matcher.group(1));
            while (metric.find()) {
                names.add(metric.group(1).replaceAll("_(bucket)$", ""));
            }
        }
        return names;
    }

    private void tenantWithEmployee(String code, String nip) {
        onboarding.onboard(
                new NewTenant(code, "Kabupaten " + code, TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        // It checks in at the hour the test runs: the day open, not the new tenant's 06:00-12:00 and 14:00-18:00.
        switches.change(
                TenantCode.of(code),
                "attendance",
                null,
                Map.of("checkInWindow", "00:00-23:59", "checkOutWindow", "00:00-23:59"),
                "test");
        TenantContext.runAs(TenantCode.of(code), () -> {
            OrgUnit unit = units.save(new OrgUnit(null, "DISKOMINFO", "Diskominfo", UnitKind.DINAS));
            offices.add(new Offices.NewOffice("Kantor", null, -1.7356, 119.5461, 5000, List.of(unit.id())), "test");
            employees.create(
                    new NewEmployee(
                            nip,
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
        realmUsers.setPassword(code, nip, TestRealms.PASSWORD, false);
        TestRealms.addTestClient(code, "fleksi-api");
    }

    private RestClient api(String token) {
        return RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + token)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }
}
