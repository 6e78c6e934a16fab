package id.fleksi.provisioning.realm;

import java.util.Set;

import id.fleksi.platform.security.Role;

/**
 * A user to create in a realm.
 *
 * @param temporary true makes the password one-time: Keycloak asks for a new one at first login
 */
public record RealmUser(String username, String firstName, String lastName, String password, boolean temporary,
        Set<Role> roles) {
}
