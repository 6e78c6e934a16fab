package id.fleksi.modules.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import id.fleksi.modules.attendance.CheckIn;
import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.attendance.CheckIns;
import id.fleksi.platform.modules.ModuleCatalog;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.tenancy.Hosting;
import id.fleksi.platform.tenancy.MigrationState;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.platform.web.TenantGate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The check-in API's web contract, in a web slice: no PostgreSQL, no Keycloak, no tenant schema. What is real is what a
 * request meets on its way to and from the handler: the tenant interceptor and the argument resolver that hand the
 * handler its {@code Caller}, bean validation of the body, and the one problem handler that turns every refusal into
 * RFC 9457 JSON in the reader's language. What is behind the handler (the rules, the gate's database reads) is stood in
 * for; {@code CheckInsTest} and {@code CheckInJudgementTest} test the rules themselves.
 */
@WebMvcTest(
        controllers = CheckInController.class,
        properties = "spring.messages.basename=i18n/attendance-problems,i18n/platform-problems")
@AutoConfigureMockMvc(addFilters = false) // the security chains are Keycloak's part: the caller is set below instead
class CheckInApiContractTest {

    /**
     * The test application's scan (the slice's filter, {@code TypeExcludeFilter}, keeps only the web parts), less its JPA
     * repositories, which a slice has no database for. A plain {@code @Configuration}, not a
     * {@code @SpringBootConfiguration}, so that no other test's search for the application finds it.
     */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = "id.fleksi",
            excludeFilters = @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    @EnableConfigurationProperties(IdentityProperties.class)
    static class WebSlice {}

    static final String CHECK_INS = "/api/v1/t/mateng/attendance/check-ins";
    static final String VALID = """
            {"kind": "IN", "latitude": -1.7391, "longitude": 119.5498, "accuracy": 12, "clientRequestId": "press-0001"}""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CheckIns checkIns;

    @MockitoBean
    ReviewList reviews;

    @MockitoBean
    DailyRecap recap;

    @MockitoBean
    Employees employees;

    @MockitoBean
    TenantGate gate;

    @MockitoBean
    ModuleCatalog modules;

    @MockitoBean
    ModuleSwitches switches;

    @BeforeEach
    void asSitiOfMateng() {
        Jwt token = Jwt.withTokenValue("t")
                .header("alg", "none")
                .issuer("http://127.0.0.1:8180/realms/mateng")
                .subject(UUID.randomUUID().toString())
                .claim("preferred_username", "siti")
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token, List.of(), "siti"));
        TenantCode mateng = TenantCode.of("mateng");
        when(gate.admit(eq("mateng"), any()))
                .thenReturn(new Tenant(
                        mateng,
                        "Kabupaten Mamuju Tengah",
                        TenantKind.KABUPATEN,
                        null,
                        "76.06",
                        RegionTimeZone.WITA,
                        mateng.schemaName(),
                        "mateng",
                        TenantStatus.ACTIVE,
                        Hosting.SHARED,
                        0,
                        MigrationState.CURRENT,
                        null,
                        Instant.EPOCH,
                        Instant.EPOCH));
    }

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFirstPressIsCreatedAndARepeatedOneAnswersTheFirstRecordWith200() {
        CheckIn record = new CheckIn(
                UUID.randomUUID(),
                "press-0001",
                UUID.randomUUID(),
                LocalDate.of(2026, 12, 7),
                CheckInRequest.Kind.IN,
                "WFO",
                Instant.parse("2026-12-07T00:05:00Z"),
                Instant.parse("2026-12-07T00:05:00Z"),
                false,
                UUID.randomUUID(),
                12,
                0,
                0,
                Set.of());
        when(checkIns.submit(eq("siti"), any()))
                .thenReturn(new CheckIns.Submitted(record, true), new CheckIns.Submitted(record, false));

        assertThat(post(VALID))
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.clientRequestId")
                .isEqualTo("press-0001");
        assertThat(post(VALID))
                .hasStatus(200)
                .bodyJson()
                .extractingPath("$.id")
                .isEqualTo(record.id().toString());
    }

    @Test
    void aBodyThatBreaksItsRulesIsA400ProblemNamingEachFieldAndReachesNoRule() {
        MvcTestResult answer = post("""
                {"latitude": 91, "longitude": 119.5498, "accuracy": 12, "clientRequestId": "short"}""");

        assertThat(answer).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.type").isEqualTo("urn:fleksi:problem:invalid-request");
        assertThat(answer)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("kind", "latitude", "clientRequestId");
        assertThat(answer).bodyJson().extractingPath("$.detail").asString().contains("kind: is required: IN or OUT");
        verify(checkIns, never()).submit(any(), any());
    }

    @Test
    void aRuleRefusingTheCheckInIsA422ProblemInTheReadersLanguage() {
        when(checkIns.submit(eq("siti"), any()))
                .thenThrow(Problem.unprocessable(
                                "outside-geofence",
                                "Outside the office",
                                "You are 1.2 km from Kantor Bupati (its area reaches 100 m; your phone's accuracy 12 m).")
                        .values("1,2 km", "Kantor Bupati", "100 m", "12 m"));

        MvcTestResult answer = mvc.post()
                .uri(CHECK_INS)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "id")
                .content(VALID)
                .exchange();

        assertThat(answer).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.type").isEqualTo("urn:fleksi:problem:outside-geofence");
        assertThat(answer).bodyJson().extractingPath("$.title").isEqualTo("Di luar kantor");
        assertThat(answer)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .startsWith("Anda berada 1,2 km dari Kantor Bupati (batas areanya 100 m; akurasi ponsel Anda 12 m).");
    }

    @Test
    void theTenantGatesRefusalComesBeforeTheHandlerAsA403Problem() {
        when(gate.admit(eq("mateng"), any()))
                .thenThrow(
                        Problem.forbidden("wrong-tenant", "Not your tenant", "Your account cannot use tenant 'mateng'.")
                                .values("mateng"));

        MvcTestResult answer = post(VALID);

        assertThat(answer)
                .hasStatus(403)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:fleksi:problem:wrong-tenant");
        verify(checkIns, never()).submit(any(), any());
    }

    private MvcTestResult post(String body) {
        return mvc.post()
                .uri(CHECK_INS)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }
}
