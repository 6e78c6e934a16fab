package id.fleksi.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jwt.JWTParser;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
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

    /** At most this many verified tokens are kept (a few KB each). */
    static final int VERIFIED_TOKENS = 20_000;

    private final IdentityProperties identity;
    private final TenantRegistry registry;
    private final RealmRoles realmRoles;
    private final Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
    private final AuthenticationManager byIssuer = this::authenticate;

    /**
     * Verified tokens by their text. A phone's page makes several calls with one token in its few minutes of life, and
     * checking an RSA signature (with Nimbus's constant-time Base64) was a sixth of a check-in's CPU. Bounded, and each
     * entry leaves when its token expires (Caffeine's variable expiry); a token is never believed past its {@code exp}.
     */
    private final Cache<String, Verified> verified;
    /** Real time, as the token validator's: a token's lifetime is not the business clock's. */
    private final Clock clock = Clock.systemUTC();

    public RealmTokenAuthentication(IdentityProperties identity, TenantRegistry registry, RealmRoles realmRoles) {
        this.verified = Caffeine.newBuilder()
                .maximumSize(VERIFIED_TOKENS)
                .expireAfter(Expiry.creating(
                        (String token, Verified entry) -> Duration.between(this.clock.instant(), entry.expiresAt())))
                .build();
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
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        Verified known = verified.getIfPresent(token);
        String realm = known != null ? known.realm() : identity.realmOf(issuerOf(token));
        if (realm == null || !isTrusted(realm)) {
            if (realm != null) {
                managers.remove(realm);
            }
            throw new InvalidBearerTokenException("The token was not issued by a realm of this Fleksi instance");
        }
        if (known != null && clock.instant().isBefore(known.expiresAt())) {
            return known.authentication();
        }
        JwtAuthenticationToken checked = (JwtAuthenticationToken)
                managers.computeIfAbsent(realm, this::managerFor).authenticate(authentication);
        Instant expiresAt = checked.getToken().getExpiresAt();
        if (expiresAt != null && expiresAt.isAfter(clock.instant())) { // the validator allows a minute of skew
            verified.put(token, new Verified(realm, checked, expiresAt));
        }
        return checked;
    }

    /**
     * A token whose signature, issuer, audience and lifetime were checked: the same token is not checked again until it
     * expires. The realm is still asked of the registry on every request, so an archived tenant's tokens are refused at once.
     */
    private record Verified(String realm, JwtAuthenticationToken authentication, Instant expiresAt) {}

    private boolean isTrusted(String realm) {
        if (realm.equals(identity.platformRealm())) {
            return true;
        }
        return registry.findByRealm(realm)
                .map(Tenant::status)
                // A suspended or moving tenant's tokens are still its own: the gate then says why it refuses them.
                .filter(status -> status == TenantStatus.ACTIVE
                        || status == TenantStatus.SUSPENDED
                        || status == TenantStatus.HANDING_OVER
                        || status == TenantStatus.HANDED_OVER)
                .isPresent();
    }

    private AuthenticationManager managerFor(String realm) {
        String issuer = identity.issuer(realm);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                        identity.backChannel(realm) + "/protocol/openid-connect/certs")
                .build();
        OAuth2TokenValidator<Jwt> audience =
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(identity.audience()));
        decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audience));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        boolean platform = realm.equals(identity.platformRealm());
        provider.setJwtAuthenticationConverter(jwt -> toAuthentication(jwt, platform));
        return provider::authenticate;
    }

    private AbstractAuthenticationToken toAuthentication(Jwt jwt, boolean platformRealm) {
        var authorities = realmRoles.authoritiesFrom(jwt.getClaimAsMap("realm_access"), platformRealm).stream()
                .map(SimpleGrantedAuthority::new)
                .toList();
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
