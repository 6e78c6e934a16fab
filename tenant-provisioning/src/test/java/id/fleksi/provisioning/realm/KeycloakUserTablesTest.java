package id.fleksi.provisioning.realm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Role;
import id.fleksi.provisioning.testing.ProvisioningIntegrationTest;
import id.fleksi.provisioning.testing.TestRealms;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A bundle reads a realm's users from Keycloak's own tables: what it reads must be what Keycloak's admin API says of
 * the same users, field for field, with the password hashes the API keeps to itself.
 */
class KeycloakUserTablesTest extends ProvisioningIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Autowired
    RealmTransfer transfer;

    @Autowired
    DataSource dataSource;

    @Test
    void usersReadFromKeycloaksTablesAreWhatItsAdminApiSaysWithTheirPasswordHashes() throws Exception {
        String realm = removeRealmAfter(TestRealms.unique("kcusers"));
        realms.createRealm(
                realm,
                "Kabupaten Uji",
                false,
                List.of(new RealmUser("aktif", "Siti", "Aminah", "sandi-aktif-123", false, Set.of(Role.ASN))));
        RealmResource keycloak = TestRealms.admin().realm(realm);
        // A disabled account; one whose one-time password still waits to be replaced.
        String retired = realmUsers.createUser(
                realm, new RealmUser("pensiun", "Pensiun", null, "sandi-lama-123", false, Set.of()));
        UserRepresentation disabled = keycloak.users().get(retired).toRepresentation();
        disabled.setEnabled(false);
        keycloak.users().get(retired).update(disabled);
        realmUsers.createUser(realm, "baru", "Pegawai Baru", "sandi-sekali-99", Set.of(Role.ASN.realmRole()));
        // Siti: in a subgroup, with a client's role and attributes (one longer than Keycloak's short column).
        String siti = keycloak.users().searchByUsername("aktif", true).get(0).getId();
        String dinas = created(keycloak.groups().add(group("Dinas Kesehatan")));
        String bidang = created(keycloak.groups().group(dinas).subGroup(group("Bidang P2P")));
        keycloak.users().get(siti).joinGroup(bidang);
        String client = created(keycloak.clients().create(client("sipd", false)));
        RoleRepresentation operator = new RoleRepresentation();
        operator.setName("operator-sipd");
        keycloak.clients().get(client).roles().create(operator);
        keycloak.users()
                .get(siti)
                .roles()
                .clientLevel(client)
                .add(List.of(keycloak.clients()
                        .get(client)
                        .roles()
                        .get("operator-sipd")
                        .toRepresentation()));
        UPConfig profile = keycloak.users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ENABLED);
        keycloak.users().userProfile().update(profile);
        UserRepresentation withAttributes = keycloak.users().get(siti).toRepresentation();
        withAttributes.setAttributes(Map.of(
                "jabatan", List.of("Analis Kebijakan", "Plt. Kepala Seksi"), "catatan", List.of("x".repeat(400))));
        keycloak.users().get(siti).update(withAttributes);
        // A client with a service account: a user the API does not list, and neither does the bundle.
        keycloak.clients().create(client("robot", true)).close();

        Map<String, UserRepresentation> read = readFromTables(realm);
        Map<String, UserRepresentation> said = fromAdminApi(keycloak);

        assertThat(read.keySet())
                .containsExactlyInAnyOrder("aktif", "pensiun", "baru")
                .isEqualTo(said.keySet());
        for (String username : said.keySet()) {
            assertThat(comparable(read.get(username))).as(username).isEqualTo(comparable(said.get(username)));
        }
        assertThat(read.get("pensiun").isEnabled()).isFalse();
        assertThat(read.get("baru").getRequiredActions()).containsExactly("UPDATE_PASSWORD");
        assertThat(read.get("aktif").getGroups()).containsExactly("/Dinas Kesehatan/Bidang P2P");
        assertThat(read.get("aktif").getClientRoles()).containsEntry("sipd", List.of("operator-sipd"));
        assertThat(read.get("aktif").getAttributes().get("catatan")).containsExactly("x".repeat(400));
        CredentialRepresentation password = read.get("aktif").getCredentials().get(0);
        assertThat(password.getType()).isEqualTo("password");
        assertThat(password.getSecretData())
                .contains("\"value\"")
                .contains("\"salt\"")
                .doesNotContain("sandi-aktif-123");
        assertThat(password.getCredentialData()).contains("\"algorithm\"");
        assertThat(password.getPriority()).isEqualTo(10);
    }

    @Test
    void aDatabaseThatIsNotKeycloak26sIsRefusedBeforeAnythingIsRead() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> KeycloakUserTables.open(connection, "mateng"))
                    .isInstanceOfSatisfying(
                            Problem.class,
                            p -> assertThat(p.getMessage())
                                    .contains("not a Keycloak database")
                                    .contains("Nothing was exported"));
            try (var statement = connection.createStatement()) {
                statement.execute(
                        "create temporary table migration_model (id varchar(36), version varchar(36), update_time bigint)");
                statement.execute("insert into migration_model values ('a', '25.0.6', 1)");
            }
            assertThatThrownBy(() -> KeycloakUserTables.open(connection, "mateng"))
                    .isInstanceOfSatisfying(
                            Problem.class,
                            p -> assertThat(p.getMessage())
                                    .contains("Keycloak 25.0.6's")
                                    .contains("Keycloak 26"));
            try (var statement = connection.createStatement()) {
                statement.execute("drop table migration_model");
            }
        }
    }

    /** What the export writes, by username. */
    private Map<String, UserRepresentation> readFromTables(String realm) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(transfer.writeUsers(realm, out)).isEqualTo(3);
        Map<String, UserRepresentation> users = new TreeMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            UserRepresentation user = JSON.readValue(line, UserRepresentation.class);
            users.put(user.getUsername(), user);
        }
        return users;
    }

    /** The users as the admin API lists them, with their direct roles, groups and credentials (no hashes there). */
    private static Map<String, UserRepresentation> fromAdminApi(RealmResource keycloak) {
        Map<String, UserRepresentation> users = new TreeMap<>();
        for (UserRepresentation user : keycloak.users().list(0, 100)) {
            var resource = keycloak.users().get(user.getId());
            user.setRealmRoles(resource.roles().realmLevel().listAll().stream()
                    .map(RoleRepresentation::getName)
                    .toList());
            Map<String, List<String>> clientRoles = new TreeMap<>();
            var mappings = resource.roles().getAll().getClientMappings();
            if (mappings != null) {
                mappings.forEach((clientId, roles) -> clientRoles.put(
                        clientId,
                        roles.getMappings().stream()
                                .map(RoleRepresentation::getName)
                                .toList()));
            }
            user.setClientRoles(clientRoles);
            user.setGroups(
                    resource.groups().stream().map(GroupRepresentation::getPath).toList());
            user.setCredentials(resource.credentials());
            user.setAccess(null);
            users.put(user.getUsername(), user);
        }
        return users;
    }

    /**
     * A user as JSON, its lists in one order, its credentials without their secret part and priority, which the API's
     * list of a user's credentials leaves out (the realm import keeps the order of a user's credentials by it).
     */
    private static JsonNode comparable(UserRepresentation original) {
        UserRepresentation user = JSON.convertValue(original, UserRepresentation.class);
        user.setRealmRoles(sorted(user.getRealmRoles()));
        user.setGroups(sorted(user.getGroups()));
        user.setRequiredActions(sorted(user.getRequiredActions()));
        if (user.getAttributes() != null) {
            user.setAttributes(user.getAttributes().entrySet().stream()
                    .collect(
                            Collectors.toMap(Map.Entry::getKey, e -> sorted(e.getValue()), (a, b) -> a, TreeMap::new)));
        }
        if (user.getClientRoles() != null) {
            user.setClientRoles(user.getClientRoles().entrySet().stream()
                    .collect(
                            Collectors.toMap(Map.Entry::getKey, e -> sorted(e.getValue()), (a, b) -> a, TreeMap::new)));
        }
        List<CredentialRepresentation> credentials =
                new ArrayList<>(user.getCredentials() == null ? List.of() : user.getCredentials());
        credentials.forEach(c -> {
            c.setSecretData(null);
            c.setPriority(null);
        });
        credentials.sort(java.util.Comparator.comparing(CredentialRepresentation::getId));
        user.setCredentials(credentials);
        return JSON.valueToTree(user);
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? null : values.stream().sorted().toList();
    }

    private static GroupRepresentation group(String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        return group;
    }

    private static ClientRepresentation client(String clientId, boolean serviceAccount) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(!serviceAccount);
        client.setServiceAccountsEnabled(serviceAccount);
        return client;
    }

    private static String created(jakarta.ws.rs.core.Response response) {
        try (response) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }
}
