package id.fleksi.platform.migration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Migrates the platform schema and then every tenant before the web server opens, unless
 * {@code fleksi.tenancy.migrate-on-startup} is false (Kubernetes runs {@code fleksi migrate} as a Job).
 * A failing tenant does not stop the start: it is marked and refused with a 503 until fixed.
 */
@Component
class MigrateOnStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(MigrateOnStartup.class);

    private final TenancyProperties properties;
    private final PlatformSchema platformSchema;
    private final TenantMigrator tenants;

    MigrateOnStartup(TenancyProperties properties, PlatformSchema platformSchema, TenantMigrator tenants) {
        this.properties = properties;
        this.platformSchema = platformSchema;
        this.tenants = tenants;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!properties.migrateOnStartup()) {
            log.info("Migrations on start-up are off (fleksi.tenancy.migrate-on-startup=false)");
            return;
        }
        platformSchema.migrate();
        TenantMigrator.Summary summary = tenants.migrateAll(log::info);
        log.info(
                "Tenant schemas: {} of {} current{}",
                summary.migrated().size(),
                summary.total(),
                summary.allMigrated() ? "" : "; failed: " + summary.failed().keySet());
    }
}
