package id.fleksi.provisioning.realm;

import id.fleksi.platform.organisation.EmployeeAccounts;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;

/**
 * Employees' realm users, in the tenant's Keycloak realm: one at a time through {@link RealmUsers}, many at once
 * through Keycloak's partial import, never linked to a user that is not an unused employee account.
 */
@Component
class KeycloakEmployeeAccounts implements EmployeeAccounts {

    private final RealmUsers users;
    private final KeycloakAdmin keycloak;

    KeycloakEmployeeAccounts(RealmUsers users, KeycloakAdmin keycloak) {
        this.users = users;
        this.keycloak = keycloak;
    }

    @Override
    public String create(
            TenantCode tenant, String username, String name, String oneTimePassword, Set<String> realmRoles) {
        return users.createUser(tenant.realmName(), username, name, oneTimePassword, realmRoles);
    }

    @Override
    public void update(TenantCode tenant, String realmUserId, String name, boolean enabled) {
        users.updateUser(tenant.realmName(), realmUserId, name, enabled);
    }

    @Override
    public void delete(TenantCode tenant, String realmUserId) {
        users.deleteUser(tenant.realmName(), realmUserId);
    }

    @Override
    public Batch createAll(TenantCode tenant, List<NewAccount> accounts, IntConsumer progress) {
        return importUsers(tenant.realmName(), accounts, progress);
    }

    @Override
    public Set<String> realmRoles(TenantCode tenant, String realmUserId) {
        return effectiveRealmRoles(tenant.realmName(), realmUserId);
    }

    @Override
    public java.util.Optional<String> email(TenantCode tenant, String realmUserId) {
        return keycloak.call(
                "read the e-mail of user " + realmUserId + " in " + tenant.realmName(),
                () -> java.util.Optional.ofNullable(keycloak.client()
                                .realm(tenant.realmName())
                                .users()
                                .get(realmUserId)
                                .toRepresentation()
                                .getEmail())
                        .filter(email -> !email.isBlank()));
    }

    @Override
    public void setEmail(TenantCode tenant, String realmUserId, String email) {
        keycloak.call("set the e-mail of user " + realmUserId + " in " + tenant.realmName(), () -> {
            var realmUsers = keycloak.client().realm(tenant.realmName()).users();
            if (email != null
                    && realmUsers.searchByEmail(email, true).stream()
                            .anyMatch(other -> !other.getId().equals(realmUserId))) {
                throw Problem.conflict(
                                "email-taken",
                                "E-mail address in use",
                                "The address " + email + " belongs to another"
                                        + " account of this pemda; an address is for one account only. Nothing was changed.")
                        .values(email);
            }
            var user = realmUsers.get(realmUserId);
            UserRepresentation representation = user.toRepresentation();
            // Keycloak keeps an absent address as an empty one; set by BKD from the personnel file, so taken as
            // verified.
            representation.setEmail(email == null ? "" : email);
            representation.setEmailVerified(email != null);
            user.update(representation);
            return null;
        });
    }

    @Override
    public void setOneTimePassword(TenantCode tenant, String realmUserId, String password) {
        setOneTimePassword(tenant.realmName(), realmUserId, password);
    }

    /** Users created per call of Keycloak's partial import; larger batches hold one transaction too long. */
    static final int IMPORT_BATCH = 500;

    /**
     * Creates many users without passwords, asked to choose one at first login, in batches through Keycloak's
     * partial import. A user Keycloak skipped as already there is linked only when it is an unused employee account
     * (see {@link #unusedEmployeeAccount}); any other name is reported as taken, and that user is not touched.
     */
    private Batch importUsers(String realm, List<NewAccount> accounts, IntConsumer progress) {
        Map<String, String> ids = new java.util.HashMap<>();
        for (int from = 0; from < accounts.size(); from += IMPORT_BATCH) {
            List<NewAccount> batch = accounts.subList(from, Math.min(accounts.size(), from + IMPORT_BATCH));
            PartialImportRepresentation partial = new PartialImportRepresentation();
            partial.setIfResourceExists(PartialImportRepresentation.Policy.SKIP.name());
            partial.setUsers(batch.stream()
                    .map(account -> {
                        UserRepresentation user = new UserRepresentation();
                        user.setUsername(account.username());
                        user.setFirstName(account.name());
                        user.setEnabled(true);
                        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
                        user.setRealmRoles(List.copyOf(account.realmRoles()));
                        return user;
                    })
                    .toList());
            keycloak.call("import " + batch.size() + " users into " + realm, () -> {
                try (Response response = keycloak.client().realm(realm).partialImport(partial)) {
                    if (response.getStatus() >= 300) {
                        throw new WebApplicationException(response);
                    }
                    // {"results": [{"action": "ADDED" | "SKIPPED", "resourceType": "USER", "resourceName": ..., "id":
                    // ...}]}
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
        for (NewAccount account : accounts) {
            if (ids.containsKey(account.username())) {
                continue;
            }
            String existing = keycloak.call(
                    "look up user " + account.username() + " in " + realm,
                    () -> keycloak.client().realm(realm).users().searchByUsername(account.username(), true).stream()
                            .findFirst()
                            .map(UserRepresentation::getId)
                            .orElse(null));
            if (existing != null && unusedEmployeeAccount(realm, existing, account.realmRoles())) {
                ids.put(account.username(), existing);
                reused.add(account.username());
            } else {
                taken.add(account.username());
            }
        }
        return new Batch(ids, reused, taken);
    }

    /**
     * A user an interrupted import left behind, which a new import may link: nobody can ever have logged in as it (no
     * credential of any kind, no identity provider) and it holds no role beyond those the import gives. A tenant
     * admin's, a BKD officer's or anyone's who has a password is never one.
     */
    private boolean unusedEmployeeAccount(String realm, String userId, Set<String> importedRoles) {
        return keycloak.call("inspect user " + userId + " in " + realm, () -> {
            var user = keycloak.client().realm(realm).users().get(userId);
            if (!user.credentials().isEmpty() || !user.getFederatedIdentity().isEmpty()) {
                return false;
            }
            return user.roles().realmLevel().listEffective().stream()
                    .map(RoleRepresentation::getName)
                    .allMatch(role -> importedRoles.contains(role)
                            || BUILT_IN_ROLES.contains(role)
                            || role.equals("default-roles-" + realm));
        });
    }

    /** Roles every Keycloak user holds through the realm's default role; they grant nothing in Fleksi. */
    private static final Set<String> BUILT_IN_ROLES = Set.of("offline_access", "uma_authorization");

    /**
     * The realm roles the user holds, composite roles expanded, and {@link Role#KEYCLOAK_ADMINISTRATION} when they hold
     * any role of Keycloak's own administration of the realm.
     */
    private Set<String> effectiveRealmRoles(String realm, String userId) {
        return keycloak.call("read the roles of user " + userId + " in " + realm, () -> {
            var roles = keycloak.client().realm(realm).users().get(userId).roles();
            Set<String> names = roles.realmLevel().listEffective().stream()
                    .map(RoleRepresentation::getName)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
            var clients = roles.getAll().getClientMappings();
            if (clients != null && clients.containsKey(Role.KEYCLOAK_ADMINISTRATION)) {
                names.add(Role.KEYCLOAK_ADMINISTRATION);
            }
            return names;
        });
    }

    /** A one-time password: the user must choose their own at next login. */
    private void setOneTimePassword(String realm, String userId, String password) {
        keycloak.call("set a one-time password in " + realm, () -> {
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(true);
            keycloak.client().realm(realm).users().get(userId).resetPassword(credential);
            return null;
        });
    }
}
