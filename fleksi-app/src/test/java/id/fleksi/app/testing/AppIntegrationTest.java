package id.fleksi.app.testing;

import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import id.fleksi.provisioning.testing.TestRealms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fleksi served on a port known in advance (each realm's web client redirects to it), against this run's test database
 * and Keycloak, with a platform realm of its own. Every integration test of fleksi-app and fleksi-dev that needs no setting of its own
 * extends this class, so that they all share one application context: Spring keys its cache of contexts on the whole
 * configuration, {@code @DynamicPropertySource} methods included, and each test class with one of its own would start
 * Fleksi again (Liquibase, the Keycloak clients, Tomcat: seconds each, and one more running application in the JVM).
 * A test that needs a setting no other may have keeps its own {@code @SpringBootTest} and says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class AppIntegrationTest {

    public static final int PORT = freePort();
    public static final String BASE = "http://127.0.0.1:" + PORT;
    public static final String PLATFORM = TestRealms.unique("platform");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestKeycloak.register(registry);
        registry.add("server.port", () -> PORT);
        registry.add("fleksi.keycloak-admin.public-web-url", () -> BASE);
        registry.add("fleksi.identity.platform-realm", () -> PLATFORM);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
