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
    ASN("asn"),
    ATASAN("atasan"),
    ADMIN_OPD("admin-opd"),
    BKD("bkd"),
    TENANT_ADMIN("tenant-admin"),
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

    /**
     * The name {@code EmployeeAccounts} gives an account that holds any of Keycloak's own administration roles of the
     * realm: it outranks every Fleksi role.
     */
    public static final String KEYCLOAK_ADMINISTRATION = "realm-management";

    /**
     * Whether someone holding {@code callerRoles} may reset the password of, or disable, an account holding
     * {@code accountRoles}: only when none of the account's roles ranks above the caller's highest (in the order
     * declared above; a BKD officer may not touch a tenant admin's account, a tenant admin may). Realm roles Fleksi does
     * not know grant nothing and rank nowhere; Keycloak's own administration roles outrank everyone.
     */
    public static boolean mayManageAccountOf(Set<String> callerRoles, Set<String> accountRoles) {
        if (accountRoles.contains(KEYCLOAK_ADMINISTRATION)) {
            return false;
        }
        return rank(accountRoles) <= rank(callerRoles);
    }

    private static int rank(Set<String> realmRoles) {
        return realmRoles.stream()
                .map(Role::ofRealmRole)
                .flatMap(Optional::stream)
                .mapToInt(Role::ordinal)
                .max()
                .orElse(-1);
    }

    public static Set<String> realmRoleNames(Set<Role> roles) {
        return roles.stream().map(Role::realmRole).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
