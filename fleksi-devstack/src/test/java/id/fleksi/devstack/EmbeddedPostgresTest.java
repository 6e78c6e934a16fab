package id.fleksi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** The fallback of {@code fleksi up} on a machine with no PostgreSQL: a real server, even when run as root. */
class EmbeddedPostgresTest {

    @Test
    void startsARealServerThatKeepsItsDataAcrossRestarts() throws Exception {
        Path dir = Files.createTempDirectory(
                "fleksi-embedded-pg",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        EmbeddedPostgres embedded = new EmbeddedPostgres(dir.resolve("pg"), freePort());
        try {
            PostgresServer server = embedded.start();
            server.createDatabaseIfMissing("fleksi_embedded");
            try (var connection = server.connect("fleksi_embedded");
                    var statement = connection.createStatement()) {
                statement.execute("create table kept (id int)");
                statement.execute("insert into kept values (42)");
            }
            embedded.stop();
            assertThat(PostgresServer.answers("127.0.0.1", server.port())).isFalse();

            embedded.start();
            try (var connection = server.connect("fleksi_embedded");
                    var statement = connection.createStatement();
                    var rows = statement.executeQuery("select id, current_setting('server_version_num') from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
                assertThat(rows.getInt(2)).isGreaterThanOrEqualTo(170000);
            }
        } finally {
            embedded.stop();
            new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
