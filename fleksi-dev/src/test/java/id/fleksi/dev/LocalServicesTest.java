package id.fleksi.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.devstack.PostgresServer;
import id.fleksi.platform.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one machine: the variables that name an instance lead every {@code fleksi} command to its
 * database and its Keycloak, and only {@code up} makes or starts anything. Against the real test PostgreSQL.
 */
class LocalServicesTest {

    private static final String[] SETTINGS = {"FLEKSI_DB_URL", "FLEKSI_KEYCLOAK_URL", "FLEKSI_KEYCLOAK_PORT"};

    @AfterEach
    void clearSettings() {
        for (String setting : SETTINGS) {
            System.clearProperty(setting);
        }
    }

    @Test
    void aCommandPointsAtTheKeycloakOnFleksiKeycloakPortAndStartsNothing() throws IOException {
        int port = freePort();
        System.setProperty("FLEKSI_DB_URL", urlOf(TestDatabase.get().database()));
        System.setProperty("FLEKSI_KEYCLOAK_PORT", Integer.toString(port));

        LocalServices services = LocalServices.prepare(false);

        assertThat(services.keycloakUrl()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(services.databaseUrl()).isEqualTo(urlOf(TestDatabase.get().database()));
        assertThat(services.keycloak()).isNull();
        assertThat(PostgresServer.answers("127.0.0.1", port)).isFalse();
        assertThat(TestDatabase.server().hasDatabase("fleksi_keycloak_" + port)).isFalse();
        assertThat(services.properties())
                .contains(
                        "fleksi.identity.keycloak-url=http://127.0.0.1:" + port,
                        "fleksi.keycloak-database.url=" + TestDatabase.server().jdbcUrl("fleksi_keycloak_" + port));
    }

    @Test
    void eachKeycloakPortHasADatabaseOfItsOwnAndTheDefaultPortKeepsTheOldOne() {
        assertThat(LocalServices.keycloakDatabaseName(8180)).isEqualTo("fleksi_keycloak");
        assertThat(LocalServices.keycloakDatabaseName(18190)).isEqualTo("fleksi_keycloak_18190");
    }

    @Test
    void aKeycloakUrlOutranksThePort() {
        System.setProperty("FLEKSI_DB_URL", urlOf(TestDatabase.get().database()));
        System.setProperty("FLEKSI_KEYCLOAK_URL", "https://sso.sulbarprov.go.id");
        System.setProperty("FLEKSI_KEYCLOAK_PORT", "18190");

        LocalServices services = LocalServices.prepare(false);

        assertThat(services.keycloakUrl()).isEqualTo("https://sso.sulbarprov.go.id");
        assertThat(services.properties()).noneMatch(property -> property.startsWith("fleksi.keycloak-database."));
    }

    @Test
    void aPortThatLeavesNoRoomForKeycloaksManagementInterfaceIsRefusedWithTheRule() {
        System.setProperty("FLEKSI_KEYCLOAK_PORT", "65000");

        assertThatThrownBy(LocalServices::keycloakPort)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FLEKSI_KEYCLOAK_PORT=65000 is not a port from 1024 to 64535");
    }

    @Test
    void upMakesTheDatabaseFleksiDbUrlNamesAndOtherCommandsDoNot() {
        String name =
                "fleksi_up_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        System.setProperty("FLEKSI_DB_URL", urlOf(name));
        System.setProperty("FLEKSI_KEYCLOAK_URL", "http://127.0.0.1:1");
        try {
            LocalServices.prepare(false);
            assertThat(TestDatabase.server().hasDatabase(name)).isFalse();

            LocalServices.prepare(true);
            assertThat(TestDatabase.server().hasDatabase(name)).isTrue();
        } finally {
            TestDatabase.server().dropDatabase(name);
        }
    }

    private static String urlOf(String database) {
        PostgresServer server = TestDatabase.server();
        return server.jdbcUrl(database) + "?user=" + server.user()
                + server.password().map(p -> "&password=" + p).orElse("");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
