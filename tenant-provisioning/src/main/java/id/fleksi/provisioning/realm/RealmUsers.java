package id.fleksi.provisioning.realm;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Role;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;

/**
 * Single users of a realm through Keycloak's admin API ({@link KeycloakAdmin}): made with their roles, renamed, enabled
 * or disabled, removed, given a password. The realms themselves are {@link RealmProvisioner}'s; employees' accounts in
 * bulk are {@link KeycloakEmployeeAccounts}'.
 */
@Component
public class RealmUsers {

    private final KeycloakAdmin keycloak;

    public RealmUsers(KeycloakAdmin keycloak) {
        this.keycloak = keycloak;
    }

    /** Adds a user to an existing realm, with realm roles. Returns the user's id. */
    public String createUser(String realm, RealmUser user) {
        return createUser(realm, representation(user), Role.realmRoleNames(user.roles()));
    }

    /** Adds an employee's user, named as in personnel data, with a one-time password. Returns its id. */
    public String createUser(
            String realm, String username, String name, String oneTimePassword, Set<String> realmRoles) {
        return createUser(
                realm,
                representation(new RealmUser(username, name, null, oneTimePassword, true, Set.of())),
                realmRoles);
    }

    private String createUser(String realm, UserRepresentation representation, Set<String> realmRoles) {
        return keycloak.call("create user " + representation.getUsername() + " in " + realm, () -> {
            RealmResource resource = keycloak.client().realm(realm);
            String id;
            try (Response response = resource.users().create(representation)) {
                if (response.getStatus() == 409) {
                    throw Problem.conflict(
                                    "username-taken",
                                    "Username taken",
                                    "The username " + representation.getUsername()
                                            + " already belongs to another account of this tenant; Fleksi never takes over an existing"
                                            + " account. Choose another username. Nothing was changed.")
                            .values(representation.getUsername());
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
                user.logout(); // ends their Keycloak sessions: no refresh token of theirs works any more
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
            UserRepresentation user = resource.users().searchByUsername(username, true).stream()
                    .findFirst()
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

    /** A user as Keycloak takes it: enabled, with its password (temporary: to be replaced at first login) and roles. */
    static UserRepresentation representation(RealmUser user) {
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
