package id.fleksi.platform.tenancy;

/** Whether the tenant runs on the province's shared instance or on its own replica. */
public enum Hosting {
    SHARED,
    SELF_HOSTED
}
