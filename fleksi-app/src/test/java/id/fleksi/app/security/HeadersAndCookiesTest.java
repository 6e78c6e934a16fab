package id.fleksi.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.testing.TestRealms;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages' headers and cookie, and whom Fleksi believes about the address it was reached at. Here the only trusted
 * proxy is 10.255.255.255, so this test's loopback client is an ordinary client: its X-Forwarded-Host is ignored.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=10\\.255\\.255\\.255")
class HeadersAndCookiesTest {

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
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    final String code = TestRealms.unique("kepala");
    final HttpClient http = HttpClient.newHttpClient(); // follows no redirects

    @AfterEach
    void remove() {
        TestRealms.removeTenant(realms, jdbc, code);
    }

    @Test
    void pagesCarryAPolicyAndTheSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> home = send("/", null);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains(
                        "default-src 'self'",
                        "script-src 'self'",
                        "frame-ancestors 'none'",
                        "object-src 'none'",
                        "form-action 'self' " + TestKeycloak.url());
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(send("/?lang=%3Cx%3E", null).statusCode())
                .as("a language that is none is ignored")
                .isEqualTo(200);

        onboarding.onboard(
                new NewTenant(code, "Kabupaten Kepala", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        HttpResponse<String> page = send("/t/" + code + "/attendance/", null);
        assertThat(page.statusCode()).isEqualTo(302);
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void forwardedHeadersFromAClientThatIsNoTrustedProxyAreIgnored() throws Exception {
        onboarding.onboard(
                new NewTenant(code, "Kabupaten Kepala", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));

        HttpResponse<String> login = send("/oauth2/authorization/" + code, "evil.example");
        assertThat(login.statusCode()).isEqualTo(302);
        String location =
                URLDecoder.decode(login.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(location)
                .startsWith(TestKeycloak.url() + "/realms/" + code + "/")
                .contains("redirect_uri=http://127.0.0.1:" + port + "/login/oauth2/code/" + code)
                .doesNotContain("evil.example");
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElse("");
        assertThat(cookie)
                .as("not marked Secure on a client's word that it came over TLS")
                .doesNotContain("Secure");
    }

    private HttpResponse<String> send(String path, String forwardedHost) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html");
        if (forwardedHost != null) {
            request.header("X-Forwarded-Host", forwardedHost)
                    .header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-Port", "443");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
