package id.fleksi.provisioning.realm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Fleksi reaches Keycloak's admin API to make realms. In production use a service-account client in
 * the master realm rather than the bootstrap admin.
 *
 * @param url          Keycloak's base URL for admin calls (may differ from the public issuer URL)
 * @param realm        the realm the admin credentials belong to
 * @param clientId     the client used to obtain an admin token
 * @param clientSecret its secret, for a service-account (client credentials) login
 * @param username     admin user, for a password login when no client secret is set
 * @param password     that user's password
 * @param publicWebUrl where Fleksi's pages are served, for the redirect URIs of each realm's web client
 * @param loginTheme   the login theme of Fleksi's realms ({@code fleksi}, shipped in keycloak-theme/; empty: Keycloak's own)
 */
@ConfigurationProperties("fleksi.keycloak-admin")
public record KeycloakAdminProperties(
        @DefaultValue("http://127.0.0.1:8180") String url,
        @DefaultValue("master") String realm,
        @DefaultValue("admin-cli") String clientId,
        String clientSecret,
        @DefaultValue("admin") String username,
        @DefaultValue("admin") String password,
        @DefaultValue("http://127.0.0.1:8080") String publicWebUrl,
        @DefaultValue("fleksi") String loginTheme) {}
