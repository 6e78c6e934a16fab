package id.fleksi.provisioning.access;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.testing.ProvisioningIntegrationTest;
import id.fleksi.provisioning.testing.TestRealms;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a careless or hostile client sends is refused at the edge with a problem that says what was wrong, carries the
 * request's id and names no internals: dates outside 1950-2100, an office day that ends before it starts, a number
 * where text belongs, a key given twice, a NUL byte, an address Tomcat itself refuses. Nothing is stored.
 */
class InputBoundsTest extends ProvisioningIntegrationTest {

    @Autowired
    TenantOnboarding onboarding;

    String code;
    String token;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void tenant() {
        code = removeAfter(TestRealms.unique("batas"));
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Batas", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        TestRealms.addTestClient(code, "fleksi-api");
        TestRealms.addUser(realmUsers, code, "bkd.batas", Role.BKD, Role.TENANT_ADMIN);
        token = TestRealms.token(code, "bkd.batas");
    }

    @Test
    void datesOutsideTheWindowAndOfficeDaysEndingBeforeTheyStartAreRefused() throws Exception {
        assertProblem(
                post("/calendar/local-holidays", "{\"date\":\"1900-01-01\",\"name\":\"Hari jadi\"}"),
                400,
                "date is a date between 1950-01-01 and 2100-12-31.");
        assertProblem(
                post("/calendar/local-holidays", "{\"date\":12345,\"name\":\"Hari jadi\"}"),
                400,
                "date is a date between 1950-01-01 and 2100-12-31, written in quotes.");
        assertProblem(
                get("/calendar?unitId=" + java.util.UUID.randomUUID() + "&from=%2B999999999-12-30&to=2026-01-01"),
                400,
                "from: is a date between 1950-01-01 and 2100-12-31 (yyyy-mm-dd). Nothing was changed.");
        assertProblem(
                post(
                        "/calendar/schedules",
                        "{\"kind\":\"REGULAR\",\"days\":{\"MONDAY\":{\"start\":\"16:00\",\"end\":\"08:00\","
                                + "\"breakMinutes\":30}}}"),
                400,
                "days.MONDAY: ends at 08:00, before it starts at 16:00; hours past midnight belong to"
                        + " a SHIFT rotation. Nothing was changed.");
        assertProblem(
                post(
                        "/calendar/schedules",
                        "{\"kind\":\"RAMADAN\",\"validFrom\":\"2026-03-20\",\"validTo\":\"2026-02-18\","
                                + "\"days\":{\"MONDAY\":{\"start\":\"08:00\",\"end\":\"15:00\",\"breakMinutes\":30}}}"),
                400,
                null);
        assertThat(rows("local_holiday") + rows("work_schedule"))
                .as("nothing stored")
                .isZero();
    }

    @Test
    void textIsTextWithoutControlCharactersEachKeyOnceAndAMissingBodyIsNamedPlainly() throws Exception {
        assertProblem(
                post("/units", "{\"code\":\"DISKOMINFO\",\"name\":12345,\"kind\":\"DINAS\"}"),
                400,
                "name is text: send it in quotes.");
        assertProblem(
                post("/units", "{\"code\":\"DISKOMINFO\",\"name\":\"Dinas\\u0000Kominfo\",\"kind\":\"DINAS\"}"),
                400,
                "name holds a control character (code 0), which no text here may hold.");
        assertProblem(
                post("/units", "{\"code\":\"DISKOMINFO\",\"code\":\"BKD\",\"name\":\"Dinas\",\"kind\":\"DINAS\"}"),
                400,
                "The body gives the field 'code' twice; give each field once.");
        assertProblem(post("/units", ""), 400, "The request needs a JSON body.");
        assertProblem(
                post("/units", "{\"code\":\"DISKOMINFO\",\"name\":\"Dinas\",\"kind\":\"KEMENTERIAN\"}"), 400, null);
        assertThat(rows("org_unit")).isZero();
    }

    @Test
    void addressesAndHeadersTomcatRefusesAreProblemsToo() throws Exception {
        HttpResponse<String> slash = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/t/" + code + "/units%2F..%2Fx"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slash.statusCode()).isEqualTo(400);
        assertThat(slash.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(slash.body()).doesNotContain("Tomcat", "<html");

        HttpResponse<String> huge = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/t/" + code + "/units"))
                        .header("X-Padding", "x".repeat(20_000))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> wrongMethod = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/t/" + code + "/units"))
                        .header("Authorization", "Bearer " + token)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(wrongMethod, 405, null);

        HttpResponse<String> unknownLogin = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/authorization/nope"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknownLogin.statusCode()).isEqualTo(404);
    }

    private void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        Map<?, ?> body =
                tools.jackson.databind.json.JsonMapper.builder().build().readValue(response.body(), Map.class);
        if (detail != null) {
            assertThat(body.get("detail")).isEqualTo(detail);
        }
        assertThat(body.get("requestId"))
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("java.", "tools.jackson", "Exception", "org.springframework");
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/t/" + code + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept-Language", "en")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/t/" + code + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "en")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int rows(String table) {
        return jdbc.sql("select count(*) from " + TenantCode.of(code).schemaName() + "." + table)
                .query(Integer.class)
                .single();
    }
}
