package id.fleksi.provisioning.realm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keycloak's own database, read only, and only by a tenant bundle's export: Keycloak's admin API never gives out
 * password hashes, and its own export ({@code kc.sh export}) wants every Keycloak node stopped. The export reads the
 * realm's users there, with their attributes, required actions, roles, groups, credentials and identity-provider links
 * ({@link KeycloakUserTables}, Keycloak 26's tables); the realm's settings, roles and clients come through the admin API.
 *
 * @param url      JDBC URL of Keycloak's database ({@code FLEKSI_KEYCLOAK_DB_URL}); empty: exports are refused
 * @param username a role that may read the tables docs/self-hosting.md lists
 * @param password its password
 */
@ConfigurationProperties("fleksi.keycloak-database")
public record KeycloakDatabaseProperties(String url, String username, String password) {

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
