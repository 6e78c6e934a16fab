package id.fleksi.provisioning.api;

import id.fleksi.platform.tenancy.Hosting;
import id.fleksi.platform.tenancy.MigrationState;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantStatus;
import java.time.Instant;

/** A tenant as the platform API shows it. */
public record TenantView(
        String code,
        String name,
        TenantKind kind,
        String parent,
        String regionCode,
        RegionTimeZone timeZone,
        String schema,
        String realm,
        TenantStatus status,
        Hosting hosting,
        MigrationState migrationState,
        int appliedChangeSets,
        String migrationError,
        Instant createdAt,
        Instant updatedAt) {

    public static TenantView of(Tenant tenant) {
        return new TenantView(
                tenant.code().value(),
                tenant.name(),
                tenant.kind(),
                tenant.parent() == null ? null : tenant.parent().value(),
                tenant.regionCode(),
                tenant.timeZone(),
                tenant.schemaName(),
                tenant.realm(),
                tenant.status(),
                tenant.hosting(),
                tenant.migrationState(),
                tenant.appliedChangeSets(),
                tenant.migrationError(),
                tenant.createdAt(),
                tenant.updatedAt());
    }
}
