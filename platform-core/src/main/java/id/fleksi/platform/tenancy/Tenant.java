package id.fleksi.platform.tenancy;

import java.time.Instant;

/** A pemda registered on this Fleksi instance: one row of {@code platform.tenant}. */
public record Tenant(
        TenantCode code,
        String name,
        TenantKind kind,
        TenantCode parent,
        String regionCode,
        RegionTimeZone timeZone,
        String schemaName,
        String realm,
        TenantStatus status,
        Hosting hosting,
        int appliedChangeSets,
        MigrationState migrationState,
        String migrationError,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
