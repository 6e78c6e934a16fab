package id.fleksi.platform.security;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keycloakUrl   Keycloak's base URL as tokens name it in their issuer ({@code <url>/realms/<realm>})
 * @param audience      the audience every API token must carry
 * @param platformRealm the realm of provincial operators
 * @param webClientId   the public OIDC client the web pages log in with, in every realm
 */
@ConfigurationProperties("fleksi.identity")
public record IdentityProperties(
        @DefaultValue("http://127.0.0.1:8180") String keycloakUrl,
        @DefaultValue("fleksi-api") String audience,
        @DefaultValue("platform") String platformRealm,
        @DefaultValue("fleksi-web") String webClientId) {

    private static final Pattern REALM = Pattern.compile("[a-z][a-z0-9_]{1,62}");

    public String issuer(String realm) {
        return keycloakUrl + "/realms/" + realm;
    }

    /** The realm an issuer names, if it is one of this Keycloak's; null otherwise. */
    public String realmOf(String issuer) {
        String prefix = keycloakUrl + "/realms/";
        if (issuer == null || !issuer.startsWith(prefix)) {
            return null;
        }
        String realm = issuer.substring(prefix.length());
        return REALM.matcher(realm).matches() ? realm : null;
    }
}
