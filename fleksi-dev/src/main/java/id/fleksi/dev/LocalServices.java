package id.fleksi.dev;

import id.fleksi.app.cli.CommandServices;
import id.fleksi.app.settings.OperatorSettings;
import id.fleksi.devstack.EmbeddedPostgres;
import id.fleksi.devstack.KeycloakServer;
import id.fleksi.devstack.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Fleksi finds its database and Keycloak on an operator's machine (each setting an environment
 * variable or a system property of that name): {@code FLEKSI_DB_URL}, else the
 * PostgreSQL answering on 127.0.0.1:5432, else an embedded one on 127.0.0.1:54329 with its data under
 * {@code .fleksi/postgres} (a {@code fleksi} database is made if missing);
 * {@code FLEKSI_KEYCLOAK_URL}, else the official distribution run on 127.0.0.1:{@code FLEKSI_KEYCLOAK_PORT}
 * (8180 by default) with its data in a database of its own on the same PostgreSQL server.
 *
 * <p>Every {@code fleksi} command resolves them here, so the same variables name the same instance for
 * {@code up} and for {@code tenant}, {@code migrate} and the rest: two instances on one machine differ by
 * {@code FLEKSI_DB_URL}, {@code FLEKSI_HTTP_PORT} and {@code FLEKSI_KEYCLOAK_PORT}. In production mode
 * ({@code FLEKSI_MODE=production}) nothing is guessed or started: only what is configured is used.
 *
 * @param keycloakDatabase the database of the Keycloak run here, which a tenant bundle's export reads; null when
 *                         Keycloak is elsewhere ({@code FLEKSI_KEYCLOAK_URL}) or {@code FLEKSI_KEYCLOAK_DB_URL} names it
 */
public record LocalServices(
        String databaseUrl,
        String keycloakUrl,
        KeycloakServer keycloak,
        EmbeddedPostgres embedded,
        PostgresServer keycloakDatabase)
        implements CommandServices {

    public static final int KEYCLOAK_PORT = 8180;

    /**
     * Resolves the services. With {@code startUp} ({@code fleksi up} and the benchmarks), also makes the
     * database {@code FLEKSI_DB_URL} names if it is missing, and starts Keycloak unless one is configured
     * or already answers on its port; without it, only points at them.
     */
    public static LocalServices prepare(boolean startUp) {
        String configuredDb = PostgresServer.setting("FLEKSI_DB_URL");
        if (OperatorSettings.PRODUCTION.equals(PostgresServer.setting(OperatorSettings.MODE))) {
            // Production mode guesses nothing and starts nothing: what is not configured is refused by name at start.
            return new LocalServices(configuredDb, PostgresServer.setting("FLEKSI_KEYCLOAK_URL"), null, null, null);
        }
        EmbeddedPostgres embedded = null;
        PostgresServer server;
        if (configuredDb != null || PostgresServer.answers("127.0.0.1", 5432)) {
            server = PostgresServer.locate("FLEKSI_DB_URL", "fleksi");
        } else {
            embedded = new EmbeddedPostgres(Path.of(".fleksi", "postgres"), EmbeddedPostgres.DEFAULT_PORT);
            server = embedded.start();
        }
        String databaseUrl = configuredDb;
        if (configuredDb == null) {
            server.createDatabaseIfMissing("fleksi");
            databaseUrl = server.jdbcUrl("fleksi");
        } else if (startUp && !server.hasDatabase(server.database())) {
            server.createDatabaseIfMissing(server.database());
        }
        String configuredKeycloak = PostgresServer.setting("FLEKSI_KEYCLOAK_URL");
        if (configuredKeycloak != null) {
            return new LocalServices(databaseUrl, configuredKeycloak, null, embedded, null);
        }
        int port = keycloakPort();
        KeycloakServer keycloak =
                new KeycloakServer(KeycloakServer.defaultHome(), port, server, keycloakDatabaseName(port));
        if (startUp) {
            keycloak.start(Duration.ofMinutes(4));
        }
        return new LocalServices(
                databaseUrl,
                keycloak.url(),
                startUp && keycloak.startedHere() ? keycloak : null,
                embedded,
                PostgresServer.setting("FLEKSI_KEYCLOAK_DB_URL") == null
                        ? server.withDatabase(keycloakDatabaseName(port))
                        : null);
    }

    /** The Spring properties that point Fleksi at these services, to be given as command-line arguments. */
    @Override
    public List<String> properties() {
        List<String> properties = new ArrayList<>();
        if (databaseUrl != null) {
            properties.add("spring.datasource.url=" + databaseUrl);
        }
        if (keycloakUrl != null) {
            properties.add("fleksi.identity.keycloak-url=" + keycloakUrl);
        }
        if (keycloakDatabase != null) {
            properties.add("fleksi.keycloak-database.url=" + keycloakDatabase.jdbcUrl());
            properties.add("fleksi.keycloak-database.username=" + keycloakDatabase.user());
            keycloakDatabase
                    .password()
                    .ifPresent(password -> properties.add("fleksi.keycloak-database.password=" + password));
        }
        return properties;
    }

    /** {@code FLEKSI_KEYCLOAK_PORT}, else 8180; Keycloak's management interface takes the port 1000 above it. */
    static int keycloakPort() {
        String configured = PostgresServer.setting("FLEKSI_KEYCLOAK_PORT");
        if (configured == null) {
            return KEYCLOAK_PORT;
        }
        try {
            int port = Integer.parseInt(configured.strip());
            if (port >= 1024 && port <= 64535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below, with the rule
        }
        throw new IllegalArgumentException("FLEKSI_KEYCLOAK_PORT=" + configured + " is not a port from 1024 to 64535"
                + " (Keycloak's management interface takes the port 1000 above it)");
    }

    /**
     * Keycloak's own database: {@code fleksi_keycloak} on the default port, {@code fleksi_keycloak_<port>} on
     * another, so a second instance's Keycloak never shares the first one's realms.
     */
    static String keycloakDatabaseName(int port) {
        return port == KEYCLOAK_PORT ? "fleksi_keycloak" : "fleksi_keycloak_" + port;
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.stop();
        }
        if (embedded != null) {
            embedded.stop();
        }
    }
}
