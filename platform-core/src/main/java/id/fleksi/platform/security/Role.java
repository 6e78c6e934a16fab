package id.fleksi.platform.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The realm roles Fleksi knows. A role counts only in the realm kind it belongs to: a tenant realm cannot
 * grant {@code platform-operator}, whatever roles its admins create.
 */
public enum Role {
    ASN("asn"), ATASAN("atasan"), ADMIN_OPD("admin-opd"), BKD("bkd"), TENANT_ADMIN("tenant-admin"),
    PLATFORM_OPERATOR("platform-operator");

    public static final Set<Role> TENANT_ROLES = Set.of(ASN, ATASAN, ADMIN_OPD, BKD, TENANT_ADMIN);

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    /** The Spring Security authority, e.g. {@code ROLE_tenant-admin}. */
    public String authority() {
        return "ROLE_" + realmRole;
    }

    public static Optional<Role> ofRealmRole(String name) {
        return Arrays.stream(values()).filter(r -> r.realmRole.equals(name)).findFirst();
    }

    /** The roles a realm may grant. */
    public static Set<Role> grantableIn(boolean platformRealm) {
        return platformRealm ? Set.of(PLATFORM_OPERATOR) : TENANT_ROLES;
    }

    public static Set<String> realmRoleNames(Set<Role> roles) {
        return roles.stream().map(Role::realmRole).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
