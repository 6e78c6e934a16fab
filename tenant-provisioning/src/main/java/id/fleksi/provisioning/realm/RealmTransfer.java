package id.fleksi.provisioning.realm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.IdentityProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A tenant's realm out of Keycloak and into another: its settings, roles, groups and clients (the admin API's partial
 * export), and its users with their roles, groups, required actions and stored credentials, password hashes included,
 * so people keep their passwords and a one-time password still pending stays pending. The users are read from
 * Keycloak's database ({@link KeycloakUserTables}): its API never gives out the hashes, and listing the members of every
 * role through it took longer than all of the tenant's tables.
 *
 * <p>Users go out a page at a time, one JSON object a line, so a realm of any size passes in bounded memory. They come
 * back in the one call that creates the realm (Keycloak's realm import keeps each user's id, which the tenant's tables
 * and its tokens' subjects name), so a realm never exists half made.
 */
@Component
@EnableConfigurationProperties(KeycloakDatabaseProperties.class)
public class RealmTransfer {

    private static final int PAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final KeycloakAdmin keycloak;
    private final KeycloakDatabaseProperties database;
    private final IdentityProperties identity;

    public RealmTransfer(KeycloakAdmin keycloak, KeycloakDatabaseProperties database, IdentityProperties identity) {
        this.keycloak = keycloak;
        this.database = database;
        this.identity = identity;
    }

    /**
     * Refuses, before anything is written, an export of {@code realm} this instance cannot complete: Keycloak's database
     * not configured, not reachable, not Keycloak 26's, or without the realm.
     */
    public void checkCanExport(String realm) {
        requireDatabase();
        try (Connection connection = openDatabase()) {
            KeycloakUserTables.open(connection, realm);
        } catch (SQLException e) {
            throw unreadable(realm, e);
        }
    }

    private void requireDatabase() {
        if (!database.configured()) {
            throw Problem.conflict(
                    "keycloak-database-unset",
                    "Keycloak's database not configured",
                    "A tenant bundle carries its users' password hashes, which only Keycloak's database holds: set"
                            + " FLEKSI_KEYCLOAK_DB_URL (and FLEKSI_KEYCLOAK_DB_USER, FLEKSI_KEYCLOAK_DB_PASSWORD) to a"
                            + " read-only login of Keycloak's database. Nothing was exported.");
        }
    }

    /** The realm's settings, roles, groups and clients, without users: Keycloak's partial export, written as it is. */
    public RealmRepresentation settings(String realm) {
        return keycloak.call(
                "export realm " + realm, () -> keycloak.client().realm(realm).partialExport(true, true));
    }

    public void writeSettings(RealmRepresentation settings, OutputStream out) {
        write(out, settings);
    }

    /**
     * The realm's users, one JSON object a line, each with its roles, groups and stored credentials, read from Keycloak's
     * database ({@link KeycloakUserTables}) in one repeatable-read transaction, a page at a time.
     *
     * @return how many users were written
     */
    public int writeUsers(String realm, OutputStream out) {
        requireDatabase();
        int written = 0;
        try (Connection connection = openDatabase()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                KeycloakUserTables users = KeycloakUserTables.open(connection, realm);
                for (List<UserRepresentation> page = users.page("", PAGE);
                        !page.isEmpty();
                        page = users.page(page.get(page.size() - 1).getUsername(), PAGE)) {
                    for (UserRepresentation user : page) {
                        write(out, user);
                        out.write('\n');
                        written++;
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw unreadable(realm, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private IllegalStateException unreadable(String realm, SQLException e) {
        return new IllegalStateException(
                "Cannot read the users of realm " + realm + " from Keycloak's database (" + database.url() + "): "
                        + e.getMessage(),
                e);
    }

    /**
     * Creates the realm from a bundle's settings and users in one call. The web client is pointed at this instance's
     * address; everything else is as it was.
     *
     * @return how many users the realm holds afterwards
     */
    public int importRealm(String realm, InputStream settingsJson, InputStream usersJsonLines) {
        RealmRepresentation settings;
        List<UserRepresentation> users = new ArrayList<>();
        try {
            settings = JSON.readValue(settingsJson, RealmRepresentation.class);
            BufferedReader lines = new BufferedReader(new InputStreamReader(usersJsonLines, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    users.add(JSON.readValue(line, UserRepresentation.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The bundle's realm cannot be read: " + e.getMessage(), e);
        }
        if (!realm.equals(settings.getRealm())) {
            throw new IllegalArgumentException(
                    "The bundle's realm is '" + settings.getRealm() + "', not '" + realm + "'");
        }
        for (ClientRepresentation client : listOrEmpty(settings.getClients())) {
            if (identity.webClientId().equals(client.getClientId())) {
                client.setRedirectUris(List.of(keycloak.properties().publicWebUrl() + "/*"));
            }
        }
        settings.setUsers(users);
        keycloak.call("create realm " + realm + " from a bundle", () -> {
            keycloak.client().realms().create(settings);
            return null;
        });
        return userCount(realm);
    }

    public int userCount(String realm) {
        return keycloak.call(
                "count the users of " + realm,
                () -> keycloak.client().realm(realm).users().count());
    }

    private Connection openDatabase() throws SQLException {
        Properties login = new Properties();
        if (database.username() != null && !database.username().isBlank()) {
            login.setProperty("user", database.username());
        }
        if (database.password() != null && !database.password().isBlank()) {
            login.setProperty("password", database.password());
        }
        Connection connection = DriverManager.getConnection(database.url(), login);
        connection.setReadOnly(true);
        return connection;
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void write(OutputStream out, Object value) {
        try {
            JSON.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
