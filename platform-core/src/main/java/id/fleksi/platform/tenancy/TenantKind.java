package id.fleksi.platform.tenancy;

/** What kind of pemda a tenant is. */
public enum TenantKind {
    PROVINCE,
    KABUPATEN,
    KOTA
}
