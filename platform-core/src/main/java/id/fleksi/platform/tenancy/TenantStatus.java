package id.fleksi.platform.tenancy;

/**
 * Where a tenant is in its life. {@link #ACTIVE} tenants are served; {@link #PROVISIONING} is the short time
 * between the registry row and a complete schema and realm (or an import of a bundle). {@link #HANDING_OVER}: the
 * tenant is being moved to its own replica, read but not written; {@link #HANDED_OVER}: it lives on the replica now,
 * and this instance keeps its data until the operator archives it.
 */
public enum TenantStatus {
    PROVISIONING,
    ACTIVE,
    SUSPENDED,
    HANDING_OVER,
    HANDED_OVER,
    ARCHIVED;

    /** As an operator's message says it: "handed over". */
    public String words() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
