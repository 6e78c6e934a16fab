package id.fleksi.platform.security;

import id.fleksi.platform.tenancy.InvalidTenantCodeException;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * The web login's OIDC clients: one registration per realm, named after it, built from the registry when
 * asked (no discovery round-trip, no restart for a new tenant). The client is public, so Spring Security
 * uses PKCE for the authorization code flow.
 */
@Component
class RealmClientRegistrations implements ClientRegistrationRepository {

    private final IdentityProperties identity;
    private final TenantRegistry registry;

    RealmClientRegistrations(IdentityProperties identity, TenantRegistry registry) {
        this.identity = identity;
        this.registry = registry;
    }

    @Override
    public ClientRegistration findByRegistrationId(String realm) {
        if (!realm.equals(identity.platformRealm()) && !isActiveTenant(realm)) {
            return null;
        }
        String issuer = identity.issuer(realm);
        // The browser goes to the public address; Fleksi's own calls may take an internal one.
        String oidc = issuer + "/protocol/openid-connect";
        String internal = identity.backChannel(realm) + "/protocol/openid-connect";
        return ClientRegistration.withRegistrationId(realm)
                .clientId(identity.webClientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(oidc + "/auth")
                .tokenUri(internal + "/token")
                .jwkSetUri(internal + "/certs")
                .userInfoUri(internal + "/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(issuer)
                .providerConfigurationMetadata(java.util.Map.of("end_session_endpoint", oidc + "/logout"))
                .clientName(realm)
                .build();
    }

    private boolean isActiveTenant(String realm) {
        try {
            return registry.find(TenantCode.of(realm))
                    .filter(t -> t.status() == TenantStatus.ACTIVE)
                    .isPresent();
        } catch (InvalidTenantCodeException e) {
            return false;
        }
    }
}
