package id.fleksi.platform.security;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the realm that vouched for them, their subject and username, and their Fleksi roles.
 * The same for a bearer token (API) and an OIDC login (web pages).
 */
public record Caller(String realm, String subject, String username, Set<String> roles) {

    /** The caller behind an authentication, or null if it is not a Keycloak login or token. */
    public static @Nullable Caller of(@Nullable Authentication authentication, IdentityProperties identity) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return new Caller(
                    identity.realmOf(jwt.getToken().getClaimAsString("iss")),
                    jwt.getToken().getSubject(),
                    jwt.getName(),
                    roles(jwt.getAuthorities()));
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return new Caller(
                    identity.realmOf(user.getIssuer().toString()),
                    user.getSubject(),
                    user.getPreferredUsername(),
                    roles(authentication.getAuthorities()));
        }
        return null;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role.realmRole());
    }

    private static Set<String> roles(Collection<? extends GrantedAuthority> authorities) {
        Set<String> roles = new TreeSet<>();
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                roles.add(name.substring("ROLE_".length()));
            }
        }
        return roles;
    }
}
