package id.fleksi.platform.security;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keycloakUrl         Keycloak's public base URL: as tokens name it in their issuer ({@code <url>/realms/<realm>})
 *                            and as browsers reach it to log in
 * @param audience            the audience every API token must carry
 * @param platformRealm       the realm of provincial operators
 * @param webClientId         the public OIDC client the web pages log in with, in every realm
 * @param keycloakInternalUrl where Fleksi itself reaches Keycloak (its signing keys, the login's code exchange), when
 *                            that is not the public address (a service name inside a cluster, a loopback port behind
 *                            the TLS proxy); empty: the public one
 */
@ConfigurationProperties("fleksi.identity")
public record IdentityProperties(
        @DefaultValue("http://127.0.0.1:8180") String keycloakUrl,
        @DefaultValue("fleksi-api") String audience,
        @DefaultValue("platform") String platformRealm,
        @DefaultValue("fleksi-web") String webClientId,
        @Nullable String keycloakInternalUrl) {

    private static final Pattern REALM = Pattern.compile("[a-z][a-z0-9_]{1,62}");

    /** The realm's issuer as its tokens name it: always the public address. */
    public String issuer(String realm) {
        return keycloakUrl + "/realms/" + realm;
    }

    /** The realm's base address as Fleksi's own calls reach it (keys, tokens, user info). */
    public String backChannel(String realm) {
        String base = keycloakInternalUrl == null || keycloakInternalUrl.isBlank() ? keycloakUrl : keycloakInternalUrl;
        return base + "/realms/" + realm;
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
