package id.fleksi.provisioning.realm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import id.fleksi.platform.organisation.EmployeeAccounts;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.security.RealmRoles;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.web.Problem;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Makes and removes Fleksi's realms through Keycloak's admin API: the only class that talks to it
 * ({@code keycloak-admin-client} is built on Jackson 2 and stays inside this module).
 *
 * <p>A realm is created in one call with its roles, the web client and the first users, so a realm never
 * exists half made.
 */
@Component
@EnableConfigurationProperties(KeycloakAdminProperties.class)
public class RealmProvisioner implements DisposableBean {

    /** At least 10 characters, not the username, and not one of the last 3 passwords. */
    static final String PASSWORD_POLICY = "length(10) and notUsername and passwordHistory(3)";

    private final KeycloakAdminProperties admin;
    private final IdentityProperties identity;
    private final RealmRoles realmRoles;
    private volatile Keycloak keycloak;

    public RealmProvisioner(KeycloakAdminProperties admin, IdentityProperties identity, RealmRoles realmRoles) {
        this.admin = admin;
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
        call("create realm " + realm, () -> {
            client().realms().create(representation);
            makeContactDetailsOptional(client().realm(realm));
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
        return call("look up realm " + realm, () -> {
            try {
                client().realm(realm).toRepresentation();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    /** Removes a realm and its users; nothing happens if it does not exist. */
    public void deleteRealm(String realm) {
        call("delete realm " + realm, () -> {
            try {
                client().realm(realm).remove();
            } catch (NotFoundException e) {
                // already gone
            }
            return null;
        });
    }

    /** Enables or disables a realm: a disabled realm logs nobody in and issues no tokens. */
    public void setRealmEnabled(String realm, boolean enabled) {
        call((enabled ? "enable" : "disable") + " realm " + realm, () -> {
            RealmResource resource = client().realm(realm);
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
        return call("create user " + representation.getUsername() + " in " + realm, () -> {
            RealmResource resource = client().realm(realm);
            String id;
            try (Response response = resource.users().create(representation)) {
                if (response.getStatus() == 409) {
                    throw Problem.conflict("username-taken", "Username taken", "The username " + representation.getUsername()
                            + " already belongs to another account of this tenant; Fleksi never takes over an existing"
                            + " account. Choose another username. Nothing was changed.").values(representation.getUsername());
                }
                if (response.getStatus() >= 300) {
                    throw new WebApplicationException(keycloakReason(response), response.getStatus());
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
        call("update user " + userId + " in " + realm, () -> {
            var user = client().realm(realm).users().get(userId);
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

    /** Users created per call of Keycloak's partial import; larger batches hold one transaction too long. */
    static final int IMPORT_BATCH = 500;

    /**
     * Creates many users without passwords, asked to choose one at first login, in batches through Keycloak's
     * partial import. A user Keycloak skipped as already there is linked only when it is an unused employee account
     * (see {@link #unusedEmployeeAccount}); any other name is reported as taken, and that user is not touched.
     */
    public EmployeeAccounts.Batch importUsers(String realm, List<EmployeeAccounts.NewAccount> accounts, IntConsumer progress) {
        Map<String, String> ids = new java.util.HashMap<>();
        for (int from = 0; from < accounts.size(); from += IMPORT_BATCH) {
            List<EmployeeAccounts.NewAccount> batch = accounts.subList(from, Math.min(accounts.size(), from + IMPORT_BATCH));
            PartialImportRepresentation partial = new PartialImportRepresentation();
            partial.setIfResourceExists(PartialImportRepresentation.Policy.SKIP.name());
            partial.setUsers(batch.stream().map(account -> {
                UserRepresentation user = new UserRepresentation();
                user.setUsername(account.username());
                user.setFirstName(account.name());
                user.setEnabled(true);
                user.setRequiredActions(List.of("UPDATE_PASSWORD"));
                user.setRealmRoles(List.copyOf(account.realmRoles()));
                return user;
            }).toList());
            call("import " + batch.size() + " users into " + realm, () -> {
                try (Response response = client().realm(realm).partialImport(partial)) {
                    if (response.getStatus() >= 300) {
                        throw new WebApplicationException(response);
                    }
                    // {"results": [{"action": "ADDED" | "SKIPPED", "resourceType": "USER", "resourceName": ..., "id": ...}]}
                    Map<?, ?> body = response.readEntity(Map.class);
                    for (Object entry : (List<?>) body.get("results")) {
                        Map<?, ?> result = (Map<?, ?>) entry;
                        if ("USER".equals(result.get("resourceType"))) {
                            String username = String.valueOf(result.get("resourceName"));
                            if ("ADDED".equals(result.get("action")) && result.get("id") != null) {
                                ids.put(username, String.valueOf(result.get("id")));
                            }
                        }
                    }
                }
                return null;
            });
            progress.accept(Math.min(accounts.size(), from + IMPORT_BATCH));
        }
        Set<String> taken = new java.util.TreeSet<>();
        Set<String> reused = new java.util.TreeSet<>();
        for (EmployeeAccounts.NewAccount account : accounts) {
            if (ids.containsKey(account.username())) {
                continue;
            }
            String existing = call("look up user " + account.username() + " in " + realm, () -> client().realm(realm).users()
                    .searchByUsername(account.username(), true).stream().findFirst().map(UserRepresentation::getId).orElse(null));
            if (existing != null && unusedEmployeeAccount(realm, existing, account.realmRoles())) {
                ids.put(account.username(), existing);
                reused.add(account.username());
            } else {
                taken.add(account.username());
            }
        }
        return new EmployeeAccounts.Batch(ids, reused, taken);
    }

    /**
     * A user an interrupted import left behind, which a new import may link: nobody can ever have logged in as it (no
     * credential of any kind, no identity provider) and it holds no role beyond those the import gives. A tenant
     * admin's, a BKD officer's or anyone's who has a password is never one.
     */
    private boolean unusedEmployeeAccount(String realm, String userId, Set<String> importedRoles) {
        return call("inspect user " + userId + " in " + realm, () -> {
            var user = client().realm(realm).users().get(userId);
            if (!user.credentials().isEmpty() || !user.getFederatedIdentity().isEmpty()) {
                return false;
            }
            return user.roles().realmLevel().listEffective().stream().map(RoleRepresentation::getName)
                    .allMatch(role -> importedRoles.contains(role) || BUILT_IN_ROLES.contains(role)
                            || role.equals("default-roles-" + realm));
        });
    }

    /** Roles every Keycloak user holds through the realm's default role; they grant nothing in Fleksi. */
    private static final Set<String> BUILT_IN_ROLES = Set.of("offline_access", "uma_authorization");

    /**
     * The realm roles the user holds, composite roles expanded, and {@link Role#KEYCLOAK_ADMINISTRATION} when they hold
     * any role of Keycloak's own administration of the realm.
     */
    public Set<String> effectiveRealmRoles(String realm, String userId) {
        return call("read the roles of user " + userId + " in " + realm, () -> {
            var roles = client().realm(realm).users().get(userId).roles();
            Set<String> names = roles.realmLevel().listEffective().stream().map(RoleRepresentation::getName)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
            var clients = roles.getAll().getClientMappings();
            if (clients != null && clients.containsKey(Role.KEYCLOAK_ADMINISTRATION)) {
                names.add(Role.KEYCLOAK_ADMINISTRATION);
            }
            return names;
        });
    }

    /** A one-time password: the user must choose their own at next login. */
    public void setOneTimePassword(String realm, String userId, String password) {
        call("set a one-time password in " + realm, () -> {
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(true);
            client().realm(realm).users().get(userId).resetPassword(credential);
            return null;
        });
    }

    public void deleteUser(String realm, String userId) {
        call("delete user " + userId + " in " + realm, () -> {
            try (Response ignored = client().realm(realm).users().delete(userId)) {
                return null;
            }
        });
    }

    /** Sets a user's password; a permanent one also clears the request to choose a new one. */
    public void setPassword(String realm, String username, String password, boolean temporary) {
        call("set the password of " + username + " in " + realm, () -> {
            RealmResource resource = client().realm(realm);
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
        call("prepare " + realm + " for a load test", () -> {
            RealmResource resource = client().realm(realm);
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

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ProcessingException e) {
            throw new RealmUnavailableException("Keycloak at " + admin.url() + " is unreachable (" + what + "): "
                    + rootMessage(e), e);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            // A refusal of what was asked is permanent: said as such, so no client retries it (503 only when Keycloak is away).
            if (status == 409) {
                throw Problem.conflict("identity-conflict", "Already in Keycloak", "Keycloak refused to " + what
                        + ": it already exists there. Nothing was changed.").values(what);
            }
            if (status == 400) {
                String reason = e.getResponse().hasEntity() ? keycloakReason(e.getResponse()) : e.getMessage();
                throw Problem.badRequest("identity-refused", "Refused by Keycloak", "Keycloak refused to " + what + ": " + reason
                        + ". Nothing was changed.").values(what, reason);
            }
            if (status == 404) {
                throw Problem.conflict("identity-missing", "Missing in Keycloak", "Keycloak has nothing to " + what
                        + " (it was removed there). Nothing was changed.").values(what);
            }
            throw new RealmUnavailableException("Keycloak refused to " + what + ": HTTP " + status, e);
        }
    }

    /** Keycloak's own words for a 400 ({"errorMessage": ...}), at most a line of them. */
    private static String keycloakReason(Response response) {
        try {
            Map<?, ?> body = response.readEntity(Map.class);
            Object message = body == null ? null : body.get("errorMessage");
            String text = message == null ? "the request is invalid" : message.toString();
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        } catch (RuntimeException unreadable) {
            return "the request is invalid";
        }
    }

    private Keycloak client() {
        Keycloak result = keycloak;
        if (result == null) {
            synchronized (this) {
                if (keycloak == null) {
                    KeycloakBuilder builder = KeycloakBuilder.builder().serverUrl(admin.url()).realm(admin.realm())
                            .clientId(admin.clientId());
                    if (admin.clientSecret() != null && !admin.clientSecret().isBlank()) {
                        builder.clientSecret(admin.clientSecret()).grantType("client_credentials");
                    } else {
                        builder.username(admin.username()).password(admin.password()).grantType("password");
                    }
                    keycloak = builder.build();
                }
                result = keycloak;
            }
        }
        return result;
    }

    @Override
    public void destroy() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
