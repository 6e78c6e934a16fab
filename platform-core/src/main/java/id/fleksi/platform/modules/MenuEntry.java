package id.fleksi.platform.modules;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import java.util.Set;

/**
 * A link in a tenant's menu, shown while its module is on and to callers with one of the roles.
 *
 * @param path under the tenant's pages, e.g. {@code attendance/} for {@code /t/{code}/attendance/}
 */
public record MenuEntry(String path, LocalizedText label, Set<Role> roles, Set<String> moduleRoles) {

    public MenuEntry(String path, LocalizedText label, Set<Role> roles) {
        this(path, label, roles, Set.of());
    }

    /** Whether the entry shows for this caller: one of Fleksi's roles, or a realm role a module added. */
    public boolean visibleTo(Caller caller) {
        return roles.stream().anyMatch(caller::hasRole) || moduleRoles.stream().anyMatch(caller.roles()::contains);
    }
}
