package id.fleksi.platform.testing;

import id.fleksi.devstack.KeycloakServer;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Keycloak of a test run, from the official distribution, on 127.0.0.1:8181 (or
 * {@code -Dfleksi.test.keycloak.port}). Started by the first test that needs it and left running for the
 * next modules of the run, which reuse it; {@code .ci/run} stops it at the end. Its data lives in the
 * database {@code fleksi_keycloak_test} (or {@code -Dfleksi.test.keycloak.database}, for a second run beside the
 * first on its own port); tests make realms with unique names and remove them.
 */
public final class TestKeycloak {

    public static final String DATABASE = System.getProperty("fleksi.test.keycloak.database", "fleksi_keycloak_test");
    public static final int PORT = Integer.getInteger("fleksi.test.keycloak.port", 8181);
    private static KeycloakServer server;

    private TestKeycloak() {}

    public static synchronized String url() {
        if (server == null) {
            server = new KeycloakServer(KeycloakServer.defaultHome(), PORT, TestDatabase.server(), DATABASE)
                    .start(Duration.ofMinutes(4));
        }
        return server.url();
    }

    /** Points Fleksi's identity and admin settings at the test Keycloak. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("fleksi.identity.keycloak-url", TestKeycloak::url);
        registry.add("fleksi.keycloak-admin.url", TestKeycloak::url);
        registry.add("fleksi.keycloak-admin.username", () -> KeycloakServer.ADMIN_USER);
        registry.add("fleksi.keycloak-admin.password", () -> KeycloakServer.ADMIN_PASSWORD);
        // A tenant bundle's export reads the password hashes from Keycloak's database.
        registry.add("fleksi.keycloak-database.url", () -> TestDatabase.server().jdbcUrl(DATABASE));
        registry.add(
                "fleksi.keycloak-database.username", () -> TestDatabase.server().user());
        registry.add(
                "fleksi.keycloak-database.password",
                () -> TestDatabase.server().password().orElse(""));
    }
}
