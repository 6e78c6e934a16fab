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

    /** An account to create in a batch: no password yet, asked to choose one at first login. */
    record NewAccount(String username, String name, Set<String> realmRoles) {
    }

    /**
     * Creates many realm users at once (Keycloak's partial import, in chunks), without passwords; returns their
     * ids by username. Users that already exist are left as they are and their ids returned.
     */
    java.util.Map<String, String> createAll(TenantCode tenant, java.util.List<NewAccount> accounts,
            java.util.function.IntConsumer progress);

    /** Sets a one-time password (the user must choose their own at next login). */
    void setOneTimePassword(TenantCode tenant, String realmUserId, String password);
}
