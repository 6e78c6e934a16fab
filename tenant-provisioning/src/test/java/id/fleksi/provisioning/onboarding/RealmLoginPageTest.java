package id.fleksi.provisioning.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.testing.ProvisioningIntegrationTest;
import id.fleksi.provisioning.testing.TestRealms;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A tenant's name is text on Keycloak's login page, whatever characters it holds: never markup. */
class RealmLoginPageTest extends ProvisioningIntegrationTest {

    @Autowired
    TenantOnboarding onboarding;

    @Test
    void aTenantNameWithMarkupIsShownAsTextOnTheLoginPage() throws Exception {
        String code = removeAfter(TestRealms.unique("markup"));
        onboarding.onboard(new NewTenant(
                code, "Kabupaten <img src=x id=injected>", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        String redirect = TestRealms.admin()
                .realm(code)
                .clients()
                .findByClientId("fleksi-web")
                .get(0)
                .getRedirectUris()
                .get(0)
                .replace("*", "login");
        String login = TestKeycloak.url() + "/realms/" + code
                + "/protocol/openid-connect/auth?client_id=fleksi-web&response_type=code"
                + "&scope=openid&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);

        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(login)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Masuk ke Kabupaten &lt;img src=x id=injected&gt;", "Kabupaten \u2039img src")
                .doesNotContain("<img src=x id=injected>")
                .doesNotContain("id=\"injected\"");
    }
}
