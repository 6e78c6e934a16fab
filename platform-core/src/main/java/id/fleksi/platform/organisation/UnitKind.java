package id.fleksi.platform.organisation;

/** Kinds of organisational unit in a pemda. */
public enum UnitKind {
    SEKRETARIAT,
    DINAS,
    BADAN,
    INSPEKTORAT,
    KECAMATAN,
    KELURAHAN,
    BAGIAN,
    BIDANG,
    SEKSI,
    SUBBAGIAN,
    UPT,
    OTHER
}
