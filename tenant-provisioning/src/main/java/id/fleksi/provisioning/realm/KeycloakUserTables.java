package id.fleksi.provisioning.realm;

import id.fleksi.platform.problem.Problem;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A realm's users as Keycloak keeps them in its own database, read a page at a time in one query per table: the same
 * representation its admin API gives for each user with the members of each role and group (which took 9-16 s for
 * 1,000 users, one request per role and page), plus what the API never gives out: stored credentials with their
 * password hashes, and links to identity providers. Service accounts are left out, as the API leaves them out.
 *
 * <p>These tables are Keycloak's, not an API it promises to keep: they are read only after {@link #open} has found
 * Keycloak 26's schema, and {@code KeycloakUserTablesTest} holds the result to what the admin API says.
 */
final class KeycloakUserTables {

    /** The Keycloak release whose tables this reads. */
    static final String SUPPORTED_MAJOR = "26";

    /** Stored in columns of {@code user_entity}; an attribute of the same name is not the user's. */
    private static final Set<String> ROOT_ATTRIBUTES = Set.of("username", "email", "firstName", "lastName");

    private final Connection connection;
    private final String realmId;
    private final Map<String, String> groupPaths;

    private KeycloakUserTables(Connection connection, String realmId, Map<String, String> groupPaths) {
        this.connection = connection;
        this.realmId = realmId;
        this.groupPaths = groupPaths;
    }

    /**
     * Reads the realm {@code realm} through {@code connection} (best inside one repeatable-read transaction, so that
     * every page comes from the same moment).
     *
     * @throws Problem if the database is not Keycloak 26's, or has no such realm
     */
    static KeycloakUserTables open(Connection connection, String realm) throws SQLException {
        String version = version(connection);
        if (version == null || !version.startsWith(SUPPORTED_MAJOR + ".")) {
            throw Problem.conflict(
                            "keycloak-version-unsupported",
                            "Keycloak's database is not Keycloak 26's",
                            "A tenant bundle reads the realm's users from Keycloak's own tables, as Keycloak "
                                    + SUPPORTED_MAJOR
                                    + " lays them out; the database FLEKSI_KEYCLOAK_DB_URL names is "
                                    + (version == null ? "not a Keycloak database" : "Keycloak " + version + "'s")
                                    + ". Use a Fleksi release made for that Keycloak. Nothing was exported.")
                    .values(version == null ? "?" : version);
        }
        String realmId = single(connection, "select id from realm where name = ?", realm);
        if (realmId == null) {
            throw new IllegalStateException("Keycloak's database has no realm " + realm
                    + " (is FLEKSI_KEYCLOAK_DB_URL the" + " database of the Keycloak that FLEKSI_KEYCLOAK_URL names?)");
        }
        return new KeycloakUserTables(connection, realmId, groupPaths(connection, realmId));
    }

    /** The Keycloak release that last migrated the database, or null if it is not Keycloak's. */
    private static String version(Connection connection) throws SQLException {
        if (single(connection, "select to_regclass('migration_model')::text", null) == null) {
            return null;
        }
        return single(
                connection,
                "select version from migration_model order by update_time desc, version desc limit 1",
                null);
    }

    /**
     * Up to {@code size} users whose usernames come after {@code after} (empty: from the first), by username, as the
     * admin API lists them; each with its attributes, required actions, direct realm and client roles, groups (by path),
     * stored credentials and identity-provider links.
     */
    List<UserRepresentation> page(String after, int size) throws SQLException {
        Map<String, UserRepresentation> users = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select id, username, first_name, last_name, email, email_verified, enabled, created_timestamp,
                  federation_link, not_before
                from user_entity where realm_id = ? and service_account_client_link is null and username > ?
                order by username limit ?""")) {
            statement.setString(1, realmId);
            statement.setString(2, after);
            statement.setInt(3, size);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UserRepresentation user = new UserRepresentation();
                    user.setId(rows.getString("id"));
                    user.setUsername(rows.getString("username"));
                    user.setFirstName(rows.getString("first_name"));
                    user.setLastName(rows.getString("last_name"));
                    user.setEmail(rows.getString("email"));
                    user.setEmailVerified(rows.getBoolean("email_verified"));
                    user.setEnabled(rows.getBoolean("enabled"));
                    long created = rows.getLong("created_timestamp");
                    user.setCreatedTimestamp(rows.wasNull() ? null : created);
                    user.setFederationLink(rows.getString("federation_link"));
                    user.setNotBefore(rows.getInt("not_before"));
                    user.setRequiredActions(new ArrayList<>());
                    user.setRealmRoles(new ArrayList<>());
                    user.setClientRoles(new TreeMap<>());
                    user.setGroups(new ArrayList<>());
                    user.setCredentials(new ArrayList<>());
                    user.setTotp(false);
                    user.setDisableableCredentialTypes(Set.of());
                    users.put(user.getId(), user);
                }
            }
        }
        if (users.isEmpty()) {
            return List.of();
        }
        Array ids = connection.createArrayOf("varchar", users.keySet().toArray());
        each("""
                select user_id, name, coalesce(long_value, value) as value from user_attribute
                where user_id = any (?) order by user_id, name, id""", ids, rows -> {
            if (!ROOT_ATTRIBUTES.contains(rows.getString("name"))) {
                UserRepresentation user = users.get(rows.getString("user_id"));
                if (user.getAttributes() == null) {
                    user.setAttributes(new TreeMap<>());
                }
                user.getAttributes()
                        .computeIfAbsent(rows.getString("name"), name -> new ArrayList<>())
                        .add(rows.getString("value"));
            }
        });
        each(
                "select user_id, required_action from user_required_action where user_id = any (?) order by user_id, required_action",
                ids,
                rows -> users.get(rows.getString("user_id"))
                        .getRequiredActions()
                        .add(rows.getString("required_action")));
        each("""
                select m.user_id, r.name, r.client_role, c.client_id from user_role_mapping m
                join keycloak_role r on r.id = m.role_id left join client c on c.id = r.client
                where m.user_id = any (?) order by m.user_id, c.client_id nulls first, r.name""", ids, rows -> {
            UserRepresentation user = users.get(rows.getString("user_id"));
            if (rows.getBoolean("client_role")) {
                user.getClientRoles()
                        .computeIfAbsent(rows.getString("client_id"), client -> new ArrayList<>())
                        .add(rows.getString("name"));
            } else {
                user.getRealmRoles().add(rows.getString("name"));
            }
        });
        each(
                "select user_id, group_id from user_group_membership where user_id = any (?) order by user_id",
                ids,
                rows -> {
                    String path = groupPaths.get(rows.getString("group_id"));
                    if (path != null) { // an organization's group, which the realm's groups do not show
                        users.get(rows.getString("user_id")).getGroups().add(path);
                    }
                });
        each("""
                select user_id, id, type, user_label, created_date, secret_data, credential_data, priority
                from credential where user_id = any (?) order by user_id, priority""", ids, rows -> {
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setId(rows.getString("id"));
            credential.setType(rows.getString("type"));
            credential.setUserLabel(rows.getString("user_label"));
            long created = rows.getLong("created_date");
            credential.setCreatedDate(rows.wasNull() ? null : created);
            credential.setSecretData(rows.getString("secret_data"));
            credential.setCredentialData(rows.getString("credential_data"));
            credential.setPriority(rows.getInt("priority"));
            UserRepresentation user = users.get(rows.getString("user_id"));
            user.getCredentials().add(credential);
            if ("otp".equals(credential.getType())) {
                user.setTotp(true);
            }
        });
        each("""
                select user_id, identity_provider, federated_user_id, federated_username from federated_identity
                where user_id = any (?) order by user_id, identity_provider""", ids, rows -> {
            FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
            link.setIdentityProvider(rows.getString("identity_provider"));
            link.setUserId(rows.getString("federated_user_id"));
            link.setUserName(rows.getString("federated_username"));
            UserRepresentation user = users.get(rows.getString("user_id"));
            if (user.getFederatedIdentities() == null) {
                user.setFederatedIdentities(new ArrayList<>());
            }
            user.getFederatedIdentities().add(link);
        });
        return List.copyOf(users.values());
    }

    /**
     * The realm's groups by id, each as its path ({@code /parent/child}), as Keycloak writes a group membership in an
     * export. Names are joined as they are: Keycloak escapes a slash in a group's name only when told to
     * ({@code spi-group-jpa-escape-slashes-in-group-path}), and then so does its import. Organizations' groups (type 1)
     * are not among the realm's groups and are left out.
     */
    private static Map<String, String> groupPaths(Connection connection, String realmId) throws SQLException {
        Map<String, String> paths = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                with recursive path (id, path) as (
                  select id, '/' || name from keycloak_group
                  where realm_id = ? and type = 0 and (parent_group is null or trim(parent_group) = '')
                  union all
                  select g.id, p.path || '/' || g.name from keycloak_group g join path p on g.parent_group = p.id
                )
                select id, path from path""")) {
            statement.setString(1, realmId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    paths.put(rows.getString("id"), rows.getString("path"));
                }
            }
        }
        return paths;
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private void each(String sql, Array ids, Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        }
    }

    private static String single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
