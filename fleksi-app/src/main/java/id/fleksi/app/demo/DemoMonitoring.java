package id.fleksi.app.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import id.fleksi.modules.monitoring.MonitoringModule;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.provisioning.realm.RealmUsers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The demo's monitoring: the Bupati (realm role pimpinan, user {@code bupati}) and the Monday apel at 07:30. */
@Component
class DemoMonitoring {

    private final RealmUsers users;
    private final JdbcClient jdbc;

    DemoMonitoring(RealmUsers users, JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    void seed(TenantCode tenant) {
        // Made with a one-time password, then given the demo's (Keycloak refuses a password the user had before).
        users.createUser(tenant.value(), "bupati", "Bupati Mamuju Tengah", UUID.randomUUID().toString(),
                Set.of(MonitoringModule.LEADER));
        users.setPassword(tenant.value(), "bupati", DemoSeed.PASSWORD, false);
        jdbc.sql(TenantSql.in(tenant, "insert into {monitoring_apel} (id, title, weekday, starts_at, window_minutes, created_by,"
                        + " created_at) values (?, 'Apel pagi Senin', 'MONDAY', '07:30', 60, 'admin', ?)"))
                .params(UUID.randomUUID(), Timestamp.from(Instant.now())).update();
    }
}
