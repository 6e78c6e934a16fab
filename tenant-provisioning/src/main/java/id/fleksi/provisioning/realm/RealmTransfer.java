package id.fleksi.provisioning.realm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiFunction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.IdentityProperties;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A tenant's realm out of Keycloak and into another: its settings, roles, groups and clients (the admin API's partial
 * export), and its users with their roles, groups, required actions and stored credentials, password hashes included,
 * so people keep their passwords and a one-time password still pending stays pending.
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

    /** Refuses, before anything is written, an export this instance cannot complete. */
    public void checkCanExport() {
        if (!database.configured()) {
            throw Problem.conflict("keycloak-database-unset", "Keycloak's database not configured",
                    "A tenant bundle carries its users' password hashes, which only Keycloak's database holds: set"
                            + " FLEKSI_KEYCLOAK_DB_URL (and FLEKSI_KEYCLOAK_DB_USER, FLEKSI_KEYCLOAK_DB_PASSWORD) to a"
                            + " read-only login of Keycloak's database. Nothing was exported.");
        }
    }

    /**
     * The realm's settings, roles, groups and clients, without users (Keycloak's partial export): written as they are, and
     * read again by {@link #writeUsers} for the roles and groups whose members it lists.
     */
    public RealmRepresentation settings(String realm) {
        return keycloak.call("export realm " + realm, () -> keycloak.client().realm(realm).partialExport(true, true));
    }

    public void writeSettings(RealmRepresentation settings, OutputStream out) {
        write(out, settings);
    }

    /**
     * The realm's users, one JSON object a line, each with its roles, groups and stored credentials.
     *
     * @param settings the realm's {@link #settings}
     * @return how many users were written
     */
    public int writeUsers(String realm, RealmRepresentation settings, OutputStream out) {
        checkCanExport();
        RealmResource resource = keycloak.client().realm(realm);
        Map<String, List<String>> realmRoles = new HashMap<>();
        Map<String, Map<String, List<String>>> clientRoles = new HashMap<>();
        Map<String, List<String>> groups = new HashMap<>();
        keycloak.call("read the role and group members of " + realm, () -> {
            for (RoleRepresentation role : listOrEmpty(settings.getRoles() == null ? null : settings.getRoles().getRealm())) {
                members((first, max) -> resource.roles().get(role.getName()).getUserMembers(first, max),
                        user -> realmRoles.computeIfAbsent(user, u -> new ArrayList<>()).add(role.getName()));
            }
            Map<String, List<RoleRepresentation>> byClient = settings.getRoles() == null || settings.getRoles().getClient() == null
                    ? Map.of() : settings.getRoles().getClient();
            for (ClientRepresentation client : listOrEmpty(settings.getClients())) {
                for (RoleRepresentation role : listOrEmpty(byClient.get(client.getClientId()))) {
                    members((first, max) -> resource.clients().get(client.getId()).roles().get(role.getName())
                                    .getUserMembers(first, max),
                            user -> clientRoles.computeIfAbsent(user, u -> new HashMap<>())
                                    .computeIfAbsent(client.getClientId(), c -> new ArrayList<>()).add(role.getName()));
                }
            }
            for (GroupRepresentation group : flatten(listOrEmpty(settings.getGroups()))) {
                members((first, max) -> resource.groups().group(group.getId()).members(first, max),
                        user -> groups.computeIfAbsent(user, u -> new ArrayList<>()).add(group.getPath()));
            }
            return null;
        });
        int written = 0;
        try (Connection credentials = openDatabase()) {
            for (int first = 0; ; first += PAGE) {
                int from = first;
                List<UserRepresentation> page = keycloak.call("list the users of " + realm, () -> resource.users().list(from, PAGE));
                if (page.isEmpty()) {
                    break;
                }
                Map<String, List<CredentialRepresentation>> stored = storedCredentials(credentials, page);
                for (UserRepresentation user : page) {
                    user.setRealmRoles(realmRoles.getOrDefault(user.getId(), List.of()));
                    user.setClientRoles(clientRoles.getOrDefault(user.getId(), Map.of()));
                    user.setGroups(groups.getOrDefault(user.getId(), List.of()));
                    user.setCredentials(stored.getOrDefault(user.getId(), List.of()));
                    user.setAccess(null);
                    write(out, user);
                    out.write('\n');
                    written++;
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the password hashes from Keycloak's database ("
                    + database.url() + "): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
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
            throw new IllegalArgumentException("The bundle's realm is '" + settings.getRealm() + "', not '" + realm + "'");
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
        return keycloak.call("count the users of " + realm, () -> keycloak.client().realm(realm).users().count());
    }

    private Map<String, List<CredentialRepresentation>> storedCredentials(Connection connection, List<UserRepresentation> users)
            throws SQLException {
        Map<String, List<CredentialRepresentation>> result = new HashMap<>();
        Array ids = connection.createArrayOf("varchar", users.stream().map(UserRepresentation::getId).toArray());
        try (var statement = connection.prepareStatement("""
                select user_id, id, type, user_label, created_date, secret_data, credential_data, priority
                from credential where user_id = any (?) order by user_id, priority""")) {
            statement.setArray(1, ids);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    CredentialRepresentation credential = new CredentialRepresentation();
                    credential.setId(rows.getString("id"));
                    credential.setType(rows.getString("type"));
                    credential.setUserLabel(rows.getString("user_label"));
                    long created = rows.getLong("created_date");
                    credential.setCreatedDate(rows.wasNull() ? null : created);
                    credential.setSecretData(rows.getString("secret_data"));
                    credential.setCredentialData(rows.getString("credential_data"));
                    credential.setPriority(rows.getInt("priority"));
                    result.computeIfAbsent(rows.getString("user_id"), u -> new ArrayList<>()).add(credential);
                }
            }
        }
        return result;
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

    private static void members(BiFunction<Integer, Integer, List<UserRepresentation>> page,
            java.util.function.Consumer<String> member) {
        for (int first = 0; ; first += PAGE) {
            List<UserRepresentation> users = page.apply(first, PAGE);
            users.forEach(u -> member.accept(u.getId()));
            if (users.size() < PAGE) {
                return;
            }
        }
    }

    private static List<GroupRepresentation> flatten(List<GroupRepresentation> groups) {
        List<GroupRepresentation> all = new ArrayList<>();
        for (GroupRepresentation group : groups) {
            all.add(group);
            all.addAll(flatten(listOrEmpty(group.getSubGroups())));
        }
        return all;
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
