package id.fleksi.app.devstack;

import java.nio.file.Path;
import java.time.Duration;

import id.fleksi.devstack.EmbeddedPostgres;
import id.fleksi.devstack.KeycloakServer;
import id.fleksi.devstack.PostgresServer;

/**
 * Where Fleksi finds its database and Keycloak on an operator's machine (each setting an environment
 * variable or a system property of that name): {@code FLEKSI_DB_URL}, else the
 * PostgreSQL answering on 127.0.0.1:5432, else an embedded one on 127.0.0.1:54329 with its data under
 * {@code .fleksi/postgres} (a {@code fleksi} database is made if missing);
 * {@code FLEKSI_KEYCLOAK_URL}, else the official distribution run on 127.0.0.1:8180.
 */
public record LocalServices(String databaseUrl, String keycloakUrl, KeycloakServer keycloak, EmbeddedPostgres embedded) {

    public static final int KEYCLOAK_PORT = 8180;

    /** Resolves the services; with {@code startKeycloak}, starts Keycloak if none is configured or running. */
    public static LocalServices prepare(boolean startKeycloak) {
        String configuredDb = PostgresServer.setting("FLEKSI_DB_URL");
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
        }
        String configuredKeycloak = PostgresServer.setting("FLEKSI_KEYCLOAK_URL");
        if (configuredKeycloak != null) {
            return new LocalServices(databaseUrl, configuredKeycloak, null, embedded);
        }
        KeycloakServer keycloak = new KeycloakServer(KeycloakServer.defaultHome(), KEYCLOAK_PORT, server, "fleksi_keycloak");
        if (startKeycloak) {
            keycloak.start(Duration.ofMinutes(4));
        }
        return new LocalServices(databaseUrl, keycloak.url(), startKeycloak && keycloak.startedHere() ? keycloak : null,
                embedded);
    }

    public void stop() {
        if (keycloak != null) {
            keycloak.stop();
        }
        if (embedded != null) {
            embedded.stop();
        }
    }
}
