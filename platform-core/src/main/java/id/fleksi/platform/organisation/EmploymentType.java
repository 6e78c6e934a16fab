package id.fleksi.platform.organisation;

/** PNS (permanent civil servant, has a NIP), PPPK (contract civil servant, has a PPPK number), or non-ASN. */
public enum EmploymentType {
    PNS,
    PPPK,
    NON_ASN
}
