package id.fleksi.platform.tenancy;

import java.time.Instant;

/**
 * A pemda registered on this Fleksi instance: one row of {@code platform.tenant}. {@code revision} moves whenever the
 * tenant's slowly-changing data does (see {@link TenantCache}).
 */
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
        Instant updatedAt,
        long revision) {

    /** A tenant about to be registered (its revision is the registry's to give). */
    public Tenant(
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
        this(
                code,
                name,
                kind,
                parent,
                regionCode,
                timeZone,
                schemaName,
                realm,
                status,
                hosting,
                appliedChangeSets,
                migrationState,
                migrationError,
                createdAt,
                updatedAt,
                0);
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
