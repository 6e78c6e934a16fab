package id.fleksi.platform.tenancy;

/**
 * Where a tenant is in its life. Only {@link #ACTIVE} tenants are served; {@link #PROVISIONING} is the
 * short time between the registry row and a complete schema and realm.
 */
public enum TenantStatus {
    PROVISIONING, ACTIVE, SUSPENDED, ARCHIVED
}
