package id.fleksi.app.bundle;

import id.fleksi.FleksiApplication;
import id.fleksi.devstack.KeycloakServer;
import id.fleksi.devstack.PostgresServer;
import id.fleksi.platform.testing.TestDatabase;
import id.fleksi.platform.testing.TestKeycloak;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.keycloak.admin.client.Keycloak;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second Fleksi, as a kabupaten would run it: a database of its own and a Keycloak server of its own (the official
 * distribution on a free loopback port, data in the test run's Keycloak database's name with {@code _second}), in this JVM. Closing it stops the application
 * and the Keycloak it started, and drops its database.
 *
 * <p>Starting one takes most of a minute (its Keycloak above all), so the test classes that need one share it: a class
 * {@code @ExtendWith(SecondInstance.Shared.class)} is handed it as a parameter of its {@code @BeforeAll} method; the first
 * makes it and it is closed when the test run ends. What a test imports there it removes after itself
 * ({@link #removeTenant}), each under a code of its own, so the next class finds the instance as the last one found it.
 */
final class SecondInstance implements AutoCloseable {

    /** Hands the test run's one second instance to the {@code @BeforeAll} method that asks for it. */
    static final class Shared implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
            return parameter.getParameter().getType() == SecondInstance.class;
        }

        @Override
        public SecondInstance resolveParameter(ParameterContext parameter, ExtensionContext extension) {
            // The root context's store closes what it holds when the whole run ends, not when this class does.
            return extension
                    .getRoot()
                    .getStore(ExtensionContext.Namespace.create(SecondInstance.class))
                    .computeIfAbsent(SecondInstance.class, key -> new SecondInstance(), SecondInstance.class);
        }
    }

    /**
     * A port of its own (with the management port 1000 above it free too), never a fixed one: a Keycloak already listening
     * on a fixed port would be taken as this instance's, realms and all (one of a benchmark's, once, with 600 realms).
     */
    static final int KEYCLOAK_PORT = Integer.getInteger("fleksi.test.keycloak.second-port", freePortPair());

    /** Beside the test run's own Keycloak database, whatever that is called: two runs side by side never share one. */
    private static final String KEYCLOAK_DATABASE = TestKeycloak.DATABASE + "_second";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final PostgresServer server = TestDatabase.server();
    private final String database = "fleksi_replica_" + Long.toHexString(System.nanoTime());
    private final KeycloakServer keycloak;
    private final ConfigurableApplicationContext context;
    private final Keycloak admin;

    SecondInstance() {
        keycloak = new KeycloakServer(KeycloakServer.defaultHome(), KEYCLOAK_PORT, server, KEYCLOAK_DATABASE)
                .start(Duration.ofMinutes(4));
        server.createDatabaseIfMissing(database);
        Map<String, Object> settings = new java.util.HashMap<>();
        settings.put("spring.datasource.url", server.jdbcUrl(database));
        settings.put("spring.datasource.username", server.user());
        settings.put("spring.datasource.password", server.password().orElse(""));
        settings.put("server.port", 0);
        settings.put("server.address", "127.0.0.1");
        settings.put("fleksi.identity.keycloak-url", keycloak.url());
        settings.put("fleksi.identity.platform-realm", "platform");
        settings.put("fleksi.keycloak-admin.url", keycloak.url());
        settings.put("fleksi.keycloak-admin.username", KeycloakServer.ADMIN_USER);
        settings.put("fleksi.keycloak-admin.password", KeycloakServer.ADMIN_PASSWORD);
        settings.put("fleksi.keycloak-admin.public-web-url", "http://127.0.0.1:18999");
        settings.put("fleksi.keycloak-database.url", server.jdbcUrl(KEYCLOAK_DATABASE));
        settings.put("fleksi.keycloak-database.username", server.user());
        settings.put("fleksi.jobs.enabled", false);
        settings.put("fleksi.rate-limit.enabled", false);
        // As arguments: they outrank application.yaml (default properties would not).
        context = new SpringApplicationBuilder(FleksiApplication.class)
                .run(settings.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        admin = Keycloak.getInstance(
                keycloak.url(), "master", KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD, "admin-cli");
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String url() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /**
     * The variables that name this instance to a {@code fleksi} command run in a shell of its own (see {@code LocalServices}):
     * its database, and its Keycloak by port, with Keycloak's own database.
     */
    Map<String, String> environment() {
        Map<String, String> variables = new java.util.HashMap<>(Map.of(
                "FLEKSI_DB_URL", server.jdbcUrl(database),
                "FLEKSI_DB_USER", server.user(),
                "FLEKSI_KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT),
                "FLEKSI_KEYCLOAK_DB_URL", server.jdbcUrl(KEYCLOAK_DATABASE),
                "FLEKSI_KEYCLOAK_DB_USER", server.user()));
        server.password().ifPresent(password -> {
            variables.put("FLEKSI_DB_PASSWORD", password);
            variables.put("FLEKSI_KEYCLOAK_DB_PASSWORD", password);
        });
        return variables;
    }

    Keycloak keycloakAdmin() {
        return admin;
    }

    /** A token from this instance's Keycloak by the test client's password grant; the response's status and body. */
    HttpResponse<String> token(String realm, String username, String password) throws Exception {
        String form = Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "fleksi-test",
                        "username",
                        username,
                        "password",
                        password,
                        "scope",
                        "openid")
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(keycloak.url() + "/realms/" + realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Removes what an import made here (realm, schema, registry rows, the record of its transfers). */
    void removeTenant(String code) {
        try {
            admin.realm(code).remove();
        } catch (jakarta.ws.rs.NotFoundException e) {
            // not made
        }
        var jdbc = bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        jdbc.sql("drop schema if exists tenant_" + code + " cascade").update();
        jdbc.sql("delete from platform.module_availability where tenant_code = ?")
                .param(code)
                .update();
        jdbc.sql("delete from platform.tenant_transfer where tenant_code = ?")
                .param(code)
                .update();
        jdbc.sql("delete from platform.tenant where code = ?").param(code).update();
    }

    @Override
    public void close() {
        admin.close();
        context.close();
        server.dropDatabase(database);
        keycloak.stop();
    }

    private static int freePortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (java.net.ServerSocket socket =
                    new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (port <= 64535 && !PostgresServer.answers("127.0.0.1", port + 1000)) {
                    return port;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free loopback port with a free port 1000 above it");
    }
}
