package id.fleksi.provisioning.realm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.security.RealmRoles;
import id.fleksi.platform.security.Role;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.springframework.stereotype.Component;

/**
 * Makes and removes Fleksi's realms, and single users in them, through Keycloak's admin API ({@link KeycloakAdmin});
 * employees' accounts in bulk are {@link KeycloakEmployeeAccounts}'.
 *
 * <p>A realm is created in one call with its roles, the web client and the first users, so a realm never
 * exists half made.
 */
@Component
public class RealmProvisioner {

    /** At least 10 characters, not the username, and not one of the last 3 passwords. */
    static final String PASSWORD_POLICY = "length(10) and notUsername and passwordHistory(3)";

    private final KeycloakAdmin keycloak;
    private final KeycloakAdminProperties admin;
    private final IdentityProperties identity;
    private final RealmRoles realmRoles;

    public RealmProvisioner(KeycloakAdmin keycloak, IdentityProperties identity, RealmRoles realmRoles) {
        this.keycloak = keycloak;
        this.admin = keycloak.properties();
        this.identity = identity;
        this.realmRoles = realmRoles;
    }

    /** Creates a realm with Fleksi's roles (and the feature modules'), its web client, and the given first users. */
    public void createRealm(String realm, String displayName, boolean platformRealm, List<RealmUser> users) {
        RealmRepresentation representation = new RealmRepresentation();
        representation.setRealm(realm);
        representation.setDisplayName(displayName);
        // Keycloak's login page shows the HTML name, which falls back to the plain one taken as HTML; and Keycloak decodes
        // entities before sanitising, so escaping is undone: a tenant named "Kabupaten <img ...>" would put an element on
        // the page. The HTML name is the plain one with its angle brackets as the look-alike quotation marks.
        representation.setDisplayNameHtml(displayName.replace('<', '\u2039').replace('>', '\u203A'));
        representation.setEnabled(true);
        representation.setInternationalizationEnabled(true);
        representation.setSupportedLocales(java.util.Set.of("id", "en"));
        representation.setDefaultLocale("id");
        representation.setPasswordPolicy(PASSWORD_POLICY);
        representation.setBruteForceProtected(true);
        representation.setPermanentLockout(false);
        representation.setFailureFactor(5);
        representation.setWaitIncrementSeconds(60);
        representation.setMaxFailureWaitSeconds(900);
        representation.setLoginWithEmailAllowed(true);
        representation.setResetPasswordAllowed(false);
        RolesRepresentation roles = new RolesRepresentation();
        roles.setRealm(realmRoles.grantable(platformRealm).stream().map(RealmProvisioner::role).toList());
        representation.setRoles(roles);
        representation.setClients(List.of(webClient()));
        representation.setUsers(users.stream().map(RealmProvisioner::user).toList());
        keycloak.call("create realm " + realm, () -> {
            keycloak.client().realms().create(representation);
            makeContactDetailsOptional(keycloak.client().realm(realm));
            return null;
        });
    }

    /**
     * Many ASN have no e-mail address in personnel data and log in by username (NIP): Keycloak's default
     * user profile would stop them at login ("account not fully set up") until they invent one.
     */
    private static void makeContactDetailsOptional(RealmResource realm) {
        UPConfig profile = realm.users().userProfile().getConfiguration();
        for (String attribute : List.of("email", "firstName", "lastName")) {
            UPAttribute definition = profile.getAttribute(attribute);
            if (definition != null) {
                definition.setRequired(null);
            }
        }
        realm.users().userProfile().update(profile);
    }

    public boolean realmExists(String realm) {
        return keycloak.call("look up realm " + realm, () -> {
            try {
                keycloak.client().realm(realm).toRepresentation();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    /** Removes a realm and its users; nothing happens if it does not exist. */
    public void deleteRealm(String realm) {
        keycloak.call("delete realm " + realm, () -> {
            try {
                keycloak.client().realm(realm).remove();
            } catch (NotFoundException e) {
                // already gone
            }
            return null;
        });
    }

    /** Enables or disables a realm: a disabled realm logs nobody in and issues no tokens. */
    public void setRealmEnabled(String realm, boolean enabled) {
        keycloak.call((enabled ? "enable" : "disable") + " realm " + realm, () -> {
            RealmResource resource = keycloak.client().realm(realm);
            RealmRepresentation representation = resource.toRepresentation();
            representation.setEnabled(enabled);
            resource.update(representation);
            return null;
        });
    }

    /** Adds a user to an existing realm, with realm roles. Returns the user's id. */
    public String createUser(String realm, RealmUser user) {
        return createUser(realm, user(user), Role.realmRoleNames(user.roles()));
    }

    /** Adds an employee's user, named as in personnel data, with a one-time password. Returns its id. */
    public String createUser(String realm, String username, String name, String oneTimePassword, Set<String> realmRoles) {
        return createUser(realm, user(new RealmUser(username, name, null, oneTimePassword, true, Set.of())), realmRoles);
    }

    private String createUser(String realm, UserRepresentation representation, Set<String> realmRoles) {
        return keycloak.call("create user " + representation.getUsername() + " in " + realm, () -> {
            RealmResource resource = keycloak.client().realm(realm);
            String id;
            try (Response response = resource.users().create(representation)) {
                if (response.getStatus() == 409) {
                    throw Problem.conflict("username-taken", "Username taken", "The username " + representation.getUsername()
                            + " already belongs to another account of this tenant; Fleksi never takes over an existing"
                            + " account. Choose another username. Nothing was changed.").values(representation.getUsername());
                }
                if (response.getStatus() >= 300) {
                    throw new WebApplicationException(KeycloakAdmin.keycloakReason(response), response.getStatus());
                }
                id = CreatedResponseUtil.getCreatedId(response);
            }
            List<RoleRepresentation> roles = new ArrayList<>();
            for (String role : realmRoles) {
                roles.add(resource.roles().get(role).toRepresentation());
            }
            resource.users().get(id).roles().realmLevel().add(roles);
            return id;
        });
    }

    /** Renames a user and enables or disables it; a disabled user's sessions end at once. */
    public void updateUser(String realm, String userId, String name, boolean enabled) {
        keycloak.call("update user " + userId + " in " + realm, () -> {
            var user = keycloak.client().realm(realm).users().get(userId);
            UserRepresentation representation = user.toRepresentation();
            representation.setFirstName(name);
            representation.setLastName(null);
            representation.setEnabled(enabled);
            user.update(representation);
            if (!enabled) {
                user.logout();   // ends their Keycloak sessions: no refresh token of theirs works any more
            }
            return null;
        });
    }

    public void deleteUser(String realm, String userId) {
        keycloak.call("delete user " + userId + " in " + realm, () -> {
            try (Response ignored = keycloak.client().realm(realm).users().delete(userId)) {
                return null;
            }
        });
    }

    /** Sets a user's password; a permanent one also clears the request to choose a new one. */
    public void setPassword(String realm, String username, String password, boolean temporary) {
        keycloak.call("set the password of " + username + " in " + realm, () -> {
            RealmResource resource = keycloak.client().realm(realm);
            UserRepresentation user = resource.users().searchByUsername(username, true).stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("No user " + username + " in realm " + realm));
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(temporary);
            resource.users().get(user.getId()).resetPassword(credential);
            if (!temporary) {
                user.setRequiredActions(List.of());
                resource.users().get(user.getId()).update(user);
            }
            return null;
        });
    }

    /**
     * Readies a throw-away realm for a load test, and only that: password hashing cut to one iteration (so
     * thousands of users can log in within seconds), hour-long access tokens, and a public client
     * {@code clientId} for the password grant with the API's audience. Never for a realm people use.
     */
    public void prepareForLoadTest(String realm, String clientId) {
        keycloak.call("prepare " + realm + " for a load test", () -> {
            RealmResource resource = keycloak.client().realm(realm);
            RealmRepresentation representation = resource.toRepresentation();
            representation.setPasswordPolicy("hashIterations(1)");
            representation.setAccessTokenLifespan(3600);
            resource.update(representation);
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setPublicClient(true);
            client.setDirectAccessGrantsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setProtocolMappers(List.of(apiAudience(identity.audience())));
            try (Response response = resource.clients().create(client)) {
                return response.getStatus();
            }
        });
    }

    private ClientRepresentation webClient() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(identity.webClientId());
        client.setName("Fleksi");
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setRedirectUris(List.of(admin.publicWebUrl() + "/*"));
        client.setWebOrigins(List.of("+"));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", "+"));
        client.setProtocolMappers(List.of(apiAudience(identity.audience()), realmRolesInIdToken()));
        return client;
    }

    /** Puts the API's audience into access tokens, which the API checks. */
    public static ProtocolMapperRepresentation apiAudience(String audience) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("fleksi-api-audience");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of("included.custom.audience", audience, "access.token.claim", "true",
                "id.token.claim", "false"));
        return mapper;
    }

    /** Realm roles in the ID token too, so the web pages know them without another call. */
    private static ProtocolMapperRepresentation realmRolesInIdToken() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("realm-roles-in-id-token");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-usermodel-realm-role-mapper");
        mapper.setConfig(Map.of("claim.name", "realm_access.roles", "multivalued", "true", "jsonType.label", "String",
                "id.token.claim", "true", "access.token.claim", "true", "userinfo.token.claim", "true"));
        return mapper;
    }

    private static RoleRepresentation role(String name) {
        RoleRepresentation representation = new RoleRepresentation();
        representation.setName(name);
        representation.setDescription("Fleksi role " + name);
        return representation;
    }

    private static UserRepresentation user(RealmUser user) {
        UserRepresentation representation = new UserRepresentation();
        representation.setUsername(user.username());
        representation.setFirstName(user.firstName());
        representation.setLastName(user.lastName());
        representation.setEnabled(true);
        representation.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(user.password());
        password.setTemporary(user.temporary());
        representation.setCredentials(List.of(password));
        representation.setRealmRoles(Role.realmRoleNames(user.roles()).stream().toList());
        if (user.temporary()) {
            representation.setRequiredActions(List.of("UPDATE_PASSWORD"));
        }
        return representation;
    }

}
