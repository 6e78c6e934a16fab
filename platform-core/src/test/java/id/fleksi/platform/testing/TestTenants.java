package id.fleksi.platform.testing;

import id.fleksi.platform.migration.MigrationException;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.tenancy.Hosting;
import id.fleksi.platform.tenancy.MigrationState;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tenants for tests that need a registered, migrated schema but no realm (platform-core has no Keycloak). */
public final class TestTenants {

    private TestTenants() {}

    /** A unique code with this prefix. */
    public static TenantCode unique(String prefix) {
        return TenantCode.of(
                prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    }

    /** Registers an active tenant (WITA) without migrating it. */
    public static TenantCode register(TenantRegistry registry, String prefix) {
        TenantCode code = unique(prefix);
        registry.insertProvisioning(new Tenant(
                code,
                "Test " + code,
                TenantKind.KABUPATEN,
                null,
                "76.06",
                RegionTimeZone.WITA,
                code.schemaName(),
                code.realmName(),
                TenantStatus.PROVISIONING,
                Hosting.SHARED,
                0,
                MigrationState.PENDING,
                null,
                null,
                null));
        registry.setStatus(code, TenantStatus.ACTIVE);
        return code;
    }

    /** Registers an active tenant and migrates its schema. */
    public static TenantCode migrated(TenantRegistry registry, TenantMigrator migrator, String prefix) {
        TenantCode code = register(registry, prefix);
        try {
            migrator.migrate(code);
        } catch (MigrationException e) {
            throw new IllegalStateException(e);
        }
        return code;
    }

    public static void remove(JdbcClient jdbc, TenantRegistry registry, TenantCode code) {
        jdbc.sql("drop schema if exists " + code.schemaName() + " cascade").update();
        jdbc.sql("delete from platform.module_availability where tenant_code = ?")
                .param(code.value())
                .update();
        registry.delete(code);
    }
}
