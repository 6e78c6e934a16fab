package id.fleksi.platform.security;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jwt.JWTParser;

import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Accepts bearer tokens from the platform realm and from the realm of every registered tenant.
 *
 * <p>The issuer of a token names its realm; the registry says whether that realm belongs to a tenant. The
 * signature is checked against that realm's keys, fetched once per realm and cached (Nimbus refetches when
 * a token names an unknown key). A tenant onboarded while Fleksi runs is accepted at once; an archived or
 * unregistered one is refused (401), and its cached decoder dropped.
 */
@Component
public class RealmTokenAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {

    private final IdentityProperties identity;
    private final TenantRegistry registry;
    private final RealmRoles realmRoles;
    private final Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
    private final AuthenticationManager byIssuer = this::authenticate;

    public RealmTokenAuthentication(IdentityProperties identity, TenantRegistry registry, RealmRoles realmRoles) {
        this.identity = identity;
        this.registry = registry;
        this.realmRoles = realmRoles;
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        return byIssuer;
    }

    private org.springframework.security.core.Authentication authenticate(
            org.springframework.security.core.Authentication authentication) {
        BearerTokenAuthenticationToken bearer = (BearerTokenAuthenticationToken) authentication;
        String realm = identity.realmOf(issuerOf(bearer.getToken()));
        if (realm == null || !isTrusted(realm)) {
            if (realm != null) {
                managers.remove(realm);
            }
            throw new InvalidBearerTokenException("The token was not issued by a realm of this Fleksi instance");
        }
        return managers.computeIfAbsent(realm, this::managerFor).authenticate(authentication);
    }

    private boolean isTrusted(String realm) {
        if (realm.equals(identity.platformRealm())) {
            return true;
        }
        return registry.findByRealm(realm).map(Tenant::status)
                .filter(status -> status == TenantStatus.ACTIVE || status == TenantStatus.SUSPENDED)
                .isPresent();
    }

    private AuthenticationManager managerFor(String realm) {
        String issuer = identity.issuer(realm);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer + "/protocol/openid-connect/certs").build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(identity.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audience));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        boolean platform = realm.equals(identity.platformRealm());
        provider.setJwtAuthenticationConverter(jwt -> toAuthentication(jwt, platform));
        return provider::authenticate;
    }

    private AbstractAuthenticationToken toAuthentication(Jwt jwt, boolean platformRealm) {
        var authorities = realmRoles.authoritiesFrom(jwt.getClaimAsMap("realm_access"), platformRealm).stream()
                .map(SimpleGrantedAuthority::new).toList();
        String username = jwt.getClaimAsString("preferred_username");
        return new JwtAuthenticationToken(jwt, authorities, username != null ? username : jwt.getSubject());
    }

    private static String issuerOf(String token) {
        try {
            Object issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
            return issuer == null ? null : issuer.toString();
        } catch (ParseException e) {
            throw new InvalidBearerTokenException("The bearer token is not a JWT");
        }
    }
}
