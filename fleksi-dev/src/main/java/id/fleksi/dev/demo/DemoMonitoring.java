package id.fleksi.dev.demo;

import id.fleksi.modules.monitoring.Apels;
import id.fleksi.modules.monitoring.MonitoringModule;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.provisioning.realm.RealmUsers;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The demo's monitoring: the Bupati (realm role pimpinan, user {@code bupati}) and the Monday apel at 07:30. */
@Component
class DemoMonitoring {

    private final RealmUsers users;
    private final Apels apels;
    private final TenantRegistry registry;

    DemoMonitoring(RealmUsers users, Apels apels, TenantRegistry registry) {
        this.users = users;
        this.apels = apels;
        this.registry = registry;
    }

    void seed(TenantCode tenant) {
        // Made with a one-time password, then given the demo's (Keycloak refuses a password the user had before).
        users.createUser(
                tenant.value(),
                "bupati",
                "Bupati Mamuju Tengah",
                UUID.randomUUID().toString(),
                Set.of(MonitoringModule.LEADER));
        users.setPassword(tenant.value(), "bupati", DemoSeed.PASSWORD, false);
        Caller admin = new Caller(tenant.realmName(), "demo", "admin", Set.of(Role.TENANT_ADMIN.realmRole()));
        TenantContext.runAs(
                tenant,
                () -> apels.schedule(
                        registry.require(tenant),
                        admin,
                        new Apels.NewApel("Apel pagi Senin", "MONDAY", null, "07:30", 60, true)));
    }
}
