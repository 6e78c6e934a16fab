package id.fleksi.provisioning.realm;

import id.fleksi.platform.security.Role;
import java.util.Set;

/**
 * A user to create in a realm.
 *
 * @param temporary true makes the password one-time: Keycloak asks for a new one at first login
 */
public record RealmUser(
        String username, String firstName, String lastName, String password, boolean temporary, Set<Role> roles) {}
