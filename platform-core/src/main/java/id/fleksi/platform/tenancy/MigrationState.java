package id.fleksi.platform.tenancy;

/** The outcome of the last migration of a tenant's schema. */
public enum MigrationState {
    PENDING,
    CURRENT,
    FAILED
}
