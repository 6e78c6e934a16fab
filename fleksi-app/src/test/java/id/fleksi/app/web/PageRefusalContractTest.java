package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import id.fleksi.platform.modules.ModuleSwitches;
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
import java.util.List;
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
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A page's refusal is a page, in a web slice: no PostgreSQL, no Keycloak. The tenant interceptor, the page controller,
 * {@link PageProblems} and the Thymeleaf templates are real; the tenant gate and the module switches are stood in for.
 * A refusal met before the handler (the gate's) and one met in it (a missing role) both come back as the problem page in
 * Bahasa Indonesia with their status, never as JSON. ({@code PageWalkTest} walks the real pages as every role.)
 */
@WebMvcTest(controllers = TenantAdminController.class)
@AutoConfigureMockMvc(addFilters = false) // the security chains are Keycloak's part: the caller is set below instead
class PageRefusalContractTest {

    /**
     * Fleksi's web conventions and its pages, without the rest of the application's scan; the slice's filter
     * ({@code TypeExcludeFilter}) keeps only the web parts. A plain {@code @Configuration}, not a
     * {@code @SpringBootConfiguration}: the other tests of this package search for that one and must find the application.
     */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {"id.fleksi.platform.web", "id.fleksi.app.web"},
            excludeFilters = @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    @EnableConfigurationProperties(IdentityProperties.class)
    @Import(PageProblems.class)
    @EnableWebSecurity // for the layout's #authorization (its chains are left out above)
    static class WebSlice {}

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    TenantGate gate;

    @MockitoBean
    ModuleSwitches switches;

    @MockitoBean
    TenantMenu menu;

    @BeforeEach
    void matengServes() {
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
    void aRefusalInTheHandlerIsTheProblemPageWithTheWayBackToThePemda() {
        loggedInAs("siti", "ROLE_asn");

        MvcTestResult page = mvc.get()
                .uri("/t/mateng/admin/modules")
                .accept(MediaType.TEXT_HTML)
                .exchange();

        assertThat(page).hasStatus(403).hasViewName("problem").hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(page)
                .bodyText()
                .contains("403 · Tidak diizinkan")
                .contains("Hanya admin pemda yang boleh menyalakan atau mematikan modul.")
                .contains("href=\"/t/mateng/\"");
        verifyNoInteractions(switches);
    }

    @Test
    void theGatesRefusalBeforeTheHandlerIsAPageTooAndOffersNoWayIntoThatPemda() {
        loggedInAs("andi", "ROLE_tenant-admin");
        when(gate.admit(eq("mateng"), any()))
                .thenThrow(Problem.forbidden(
                                "wrong-tenant",
                                "Not your tenant",
                                "Your account belongs to 'sulbar' and cannot use tenant 'mateng'.")
                        .values("mateng"));

        MvcTestResult page = mvc.get()
                .uri("/t/mateng/admin/modules")
                .accept(MediaType.TEXT_HTML)
                .exchange();

        assertThat(page).hasStatus(403).hasViewName("problem");
        assertThat(page)
                .bodyText()
                .contains("403 · Bukan pemda Anda")
                .contains("Akun Anda tidak bisa memakai pemda mateng. Masuk dengan akun pemda mateng.")
                .doesNotContain("id=\"tenant-home\"");
        verifyNoInteractions(switches);
    }

    private static void loggedInAs(String username, String role) {
        Jwt token = Jwt.withTokenValue("t")
                .header("alg", "none")
                .issuer("http://127.0.0.1:8180/realms/mateng")
                .subject(UUID.randomUUID().toString())
                .claim("preferred_username", username)
                .build();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        new JwtAuthenticationToken(token, List.of(new SimpleGrantedAuthority(role)), username));
    }
}
