package id.fleksi.provisioning.testing;

import id.fleksi.devstack.KeycloakServer;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.platform.testing.TestTokens;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUser;
import id.fleksi.provisioning.realm.RealmUsers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * Test-only realm set-up: a password-grant client to get tokens with, users with known passwords, and
 * unique names so runs sharing one Keycloak never collide.
 */
public final class TestRealms {

    public static final String PASSWORD = "test-password-1";
    private static Keycloak admin;

    private TestRealms() {}

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A platform realm with a {@code platform-operator} user {@code operator}. */
    public static void createPlatformRealm(RealmProvisioner realms, String realm) {
        realms.createRealm(
                realm,
                "Platform " + realm,
                true,
                List.of(new RealmUser("operator", "Op", "Erator", PASSWORD, false, Set.of(Role.PLATFORM_OPERATOR))));
        addTestClient(realm, "fleksi-api");
    }

    /** A client that hands out tokens for a username and password, with the API's audience. */
    public static void addTestClient(String realm, String audience) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(TestTokens.TEST_CLIENT);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setProtocolMappers(List.of(RealmProvisioner.apiAudience(audience)));
        admin().realm(realm).clients().create(client).close();
    }

    public static void addUser(RealmUsers users, String realm, String username, Role... roles) {
        users.createUser(realm, new RealmUser(username, username, "Test", PASSWORD, false, Set.of(roles)));
    }

    public static String token(String realm, String username) {
        return TestTokens.accessToken(realm, username, PASSWORD);
    }

    public static Map<String, Object> realm(String realm) {
        var representation = admin().realm(realm).toRepresentation();
        return Map.of(
                "enabled",
                representation.isEnabled(),
                "defaultLocale",
                representation.getDefaultLocale(),
                "bruteForceProtected",
                representation.isBruteForceProtected(),
                "passwordPolicy",
                representation.getPasswordPolicy());
    }

    /** The names of the realm's roles. */
    public static List<String> realmRoleNames(String realm) {
        return admin().realm(realm).roles().list().stream()
                .map(role -> role.getName())
                .toList();
    }

    /** Removes a tenant a test made: realm, schema and registry row (a kabupaten before its province). */
    public static void removeTenant(
            RealmProvisioner realms, org.springframework.jdbc.core.simple.JdbcClient jdbc, String code) {
        realms.deleteRealm(code);
        jdbc.sql("drop schema if exists "
                        + id.fleksi.platform.tenancy.TenantCode.of(code).schemaName() + " cascade")
                .update();
        jdbc.sql("delete from platform.module_availability where tenant_code = ?")
                .param(code)
                .update();
        jdbc.sql("delete from platform.tenant_transfer where tenant_code = ?")
                .param(code)
                .update();
        jdbc.sql("delete from platform.tenant where code = ?").param(code).update();
    }

    public static Keycloak admin() {
        synchronized (TestRealms.class) {
            if (admin == null) {
                admin = Keycloak.getInstance(
                        TestKeycloak.url(),
                        "master",
                        KeycloakServer.ADMIN_USER,
                        KeycloakServer.ADMIN_PASSWORD,
                        "admin-cli");
            }
            return admin;
        }
    }
}
