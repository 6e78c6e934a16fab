package id.fleksi.platform.organisation;

import java.util.Set;

import id.fleksi.platform.tenancy.TenantCode;

/**
 * The realm users behind employees. Implemented where Keycloak is talked to (tenant-provisioning); the
 * organisation base only says what it needs.
 */
public interface EmployeeAccounts {

    /** Creates the realm user, with a one-time password; returns its id. */
    String create(TenantCode tenant, String username, String name, String oneTimePassword, Set<String> realmRoles);

    void update(TenantCode tenant, String realmUserId, String name, boolean enabled);

    void delete(TenantCode tenant, String realmUserId);
}
