package id.fleksi.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The realm roles Fleksi honours: in the platform realm only {@code platform-operator}; in a tenant realm the
 * five tenant roles and those the feature modules add. Whatever else a realm's admins create grants nothing.
 */
@Component
public class RealmRoles {

    /** Realm roles that come from elsewhere than {@link Role}: the feature modules'. */
    public interface Source {
        Set<String> tenantRealmRoles();
    }

    private final List<Source> sources;

    public RealmRoles(List<Source> sources) {
        this.sources = sources;
    }

    /** The realm role names a realm of this kind may grant. */
    public Set<String> grantable(boolean platformRealm) {
        Set<String> names = new TreeSet<>(Role.realmRoleNames(Role.grantableIn(platformRealm)));
        if (!platformRealm) {
            sources.forEach(source -> names.addAll(source.tenantRealmRoles()));
        }
        return names;
    }

    /** Maps a Keycloak {@code realm_access} claim to authorities ({@code ROLE_<name>}), keeping only what the realm may grant. */
    public Set<String> authoritiesFrom(Map<String, Object> realmAccess, boolean platformRealm) {
        Set<String> authorities = new TreeSet<>();
        if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> names) {
            Set<String> grantable = grantable(platformRealm);
            for (Object name : names) {
                if (grantable.contains(String.valueOf(name))) {
                    authorities.add("ROLE_" + name);
                }
            }
        }
        return authorities;
    }
}
