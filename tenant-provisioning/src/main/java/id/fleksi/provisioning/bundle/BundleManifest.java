package id.fleksi.provisioning.bundle;

import java.util.List;
import java.util.Map;

/**
 * What a tenant bundle holds, written last into it and signed: enough for an import to check every part before it
 * writes anything, and to verify what it wrote afterwards.
 *
 * @param format         the bundle layout's version; an import refuses a newer one
 * @param fleksiVersion  the exporting Fleksi's version (for people; the change sets decide)
 * @param tenant         the tenant's code
 * @param exportedAt     when the snapshot was taken (ISO-8601, UTC)
 * @param exportedBy     the exporting instance's public address
 * @param signer         the exporting instance's key fingerprint
 * @param changeSets     the tenant schema's change sets, as {@code id::author}, in the order they ran
 * @param tables         each table's columns, rows, size and hash
 * @param sequences      each sequence's value at the snapshot
 * @param users          how many users the realm had
 * @param parts          every other part by name, with its SHA-256 (hex)
 */
public record BundleManifest(
        int format,
        String fleksiVersion,
        String tenant,
        String exportedAt,
        String exportedBy,
        String signer,
        List<String> changeSets,
        List<Table> tables,
        List<Sequence> sequences,
        int users,
        Map<String, String> parts) {

    /**
     * 2: the zip's comment holds the SHA-256 of every byte before its central directory ({@link #ENTRIES_HASH}), so a
     * bundle damaged anywhere in its entries is refused, not only in what its parts hold. 1: without it (still read).
     */
    public static final int FORMAT = 2;

    /** What the zip comment of a format-2 bundle starts with, before the hexadecimal SHA-256. */
    public static final String ENTRIES_HASH = "fleksi-entries-sha256:";

    /** One table's data: {@code tables/<name>.tsv}, PostgreSQL's COPY text format, in the column order given. */
    public record Table(String name, List<String> columns, long rows, long bytes, String sha256) {

        public String part() {
            return "tables/" + name + ".tsv";
        }
    }

    public record Sequence(String name, long lastValue, boolean called) {}

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
