package id.fleksi.provisioning.realm;

import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

import id.fleksi.platform.organisation.EmployeeAccounts;
import id.fleksi.platform.tenancy.TenantCode;

import org.springframework.stereotype.Component;

/** Employees' realm users, in the tenant's Keycloak realm. */
@Component
class KeycloakEmployeeAccounts implements EmployeeAccounts {

    private final RealmProvisioner realms;

    KeycloakEmployeeAccounts(RealmProvisioner realms) {
        this.realms = realms;
    }

    @Override
    public String create(TenantCode tenant, String username, String name, String oneTimePassword, Set<String> realmRoles) {
        return realms.createUser(tenant.realmName(), username, name, oneTimePassword, realmRoles);
    }

    @Override
    public void update(TenantCode tenant, String realmUserId, String name, boolean enabled) {
        realms.updateUser(tenant.realmName(), realmUserId, name, enabled);
    }

    @Override
    public void delete(TenantCode tenant, String realmUserId) {
        realms.deleteUser(tenant.realmName(), realmUserId);
    }

    @Override
    public Batch createAll(TenantCode tenant, List<NewAccount> accounts, IntConsumer progress) {
        return realms.importUsers(tenant.realmName(), accounts, progress);
    }

    @Override
    public Set<String> realmRoles(TenantCode tenant, String realmUserId) {
        return realms.effectiveRealmRoles(tenant.realmName(), realmUserId);
    }

    @Override
    public void setOneTimePassword(TenantCode tenant, String realmUserId, String password) {
        realms.setOneTimePassword(tenant.realmName(), realmUserId, password);
    }
}
