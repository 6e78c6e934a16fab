package id.fleksi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.platform.tenancy.TenantRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/** The browser and the tokens see Keycloak's public address; Fleksi's own calls may take an internal one. */
class KeycloakAddressesTest {

    static final String PUBLIC = "https://login.example.go.id";
    static final String INTERNAL = "http://127.0.0.1:8180";

    @Test
    void theLoginGoesToThePublicAddressAndFleksisOwnCallsToTheInternalOne() {
        IdentityProperties identity = new IdentityProperties(PUBLIC, "fleksi-api", "platform", "fleksi-web", INTERNAL);
        // The platform realm is not looked up in the registry.
        ClientRegistration login =
                new RealmClientRegistrations(identity, new TenantRegistry(null)).findByRegistrationId("platform");

        assertThat(login.getProviderDetails().getAuthorizationUri())
                .isEqualTo(PUBLIC + "/realms/platform/protocol/openid-connect/auth");
        assertThat(login.getProviderDetails().getIssuerUri()).isEqualTo(PUBLIC + "/realms/platform");
        assertThat(login.getProviderDetails().getConfigurationMetadata())
                .containsEntry("end_session_endpoint", PUBLIC + "/realms/platform/protocol/openid-connect/logout");
        assertThat(login.getProviderDetails().getTokenUri())
                .isEqualTo(INTERNAL + "/realms/platform/protocol/openid-connect/token");
        assertThat(login.getProviderDetails().getJwkSetUri())
                .isEqualTo(INTERNAL + "/realms/platform/protocol/openid-connect/certs");
        assertThat(login.getProviderDetails().getUserInfoEndpoint().getUri())
                .isEqualTo(INTERNAL + "/realms/platform/protocol/openid-connect/userinfo");
        assertThat(identity.realmOf(PUBLIC + "/realms/mateng")).isEqualTo("mateng");
        assertThat(identity.realmOf(INTERNAL + "/realms/mateng"))
                .as("a token must name the public issuer")
                .isNull();
    }

    @Test
    void withoutAnInternalAddressEveryCallTakesThePublicOne() {
        IdentityProperties identity = new IdentityProperties(PUBLIC, "fleksi-api", "platform", "fleksi-web", null);
        assertThat(identity.backChannel("mateng")).isEqualTo(PUBLIC + "/realms/mateng");
        assertThat(new IdentityProperties(PUBLIC, "fleksi-api", "platform", "fleksi-web", " ").backChannel("mateng"))
                .isEqualTo(PUBLIC + "/realms/mateng");
    }
}
