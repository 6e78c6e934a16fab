package id.fleksi.provisioning.bundle;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.provisioning.realm.RealmTransfer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes a tenant bundle: the tenant's schema (every table, as one snapshot), its realm with users and password hashes,
 * its registry facts, and a signed manifest. Streamed: rows go from PostgreSQL's COPY straight into the zip, so a tenant
 * of any size passes in bounded memory. With a passphrase the zip is wrapped in OpenPGP ({@link BundleEncryption}).
 *
 * <p>The snapshot is one repeatable-read, read-only transaction: every table is read as it was at its first statement,
 * so no check-out appears without its check-in, and check-ins arriving meanwhile are simply not in the bundle.
 */
@Service
public class TenantExport {

    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    static final String SIGNER = "signer.pem";
    static final String REGISTRY = "registry.json";
    static final String REALM = "realm/settings.json";
    static final String USERS = "realm/users.jsonl";
    /**
     * zlib's fastest level. Deflating is most of an export's time: on a year of a 1,000-employee tenant (293 MB of rows
     * and documents) level 1 took 3.5-4.1 s and wrote 101.9 MB, the default level 6 (pg_dump's) 14.4-16.7 s for 92.7 MB.
     * A bundle is written once and copied once; a tenant in handover waits for it.
     */
    private static final int COMPRESSION = Deflater.BEST_SPEED;

    private final TenantRegistry registry;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final RealmTransfer realms;
    private final InstanceKeys keys;
    private final BundleTransfers transfers;
    private final String publicUrl;

    public TenantExport(
            TenantRegistry registry,
            DataSource dataSource,
            JdbcClient jdbc,
            RealmTransfer realms,
            InstanceKeys keys,
            BundleTransfers transfers,
            org.springframework.core.env.Environment environment) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.realms = realms;
        this.keys = keys;
        this.transfers = transfers;
        this.publicUrl = environment.getProperty("fleksi.keycloak-admin.public-web-url", "http://127.0.0.1:8080");
    }

    /** What an export wrote. */
    public record Exported(BundleManifest manifest, String signerFingerprint, String bundleSha256, long bytes) {}

    /**
     * Writes the tenant's bundle to {@code target} (closed afterwards).
     *
     * @param passphrase encrypts the bundle when not null
     * @param progress   receives a line per part, e.g. {@code table 12/40 attendance_check_in: 1000000 rows, 84 MB}
     */
    public Exported export(TenantCode code, OutputStream target, char[] passphrase, Consumer<String> progress) {
        Tenant tenant = registry.require(code);
        if (tenant.status() == TenantStatus.PROVISIONING
                || tenant.status() == TenantStatus.ARCHIVED
                || tenant.status() == TenantStatus.HANDED_OVER) {
            throw Problem.conflict(
                            "tenant-not-exportable",
                            "Tenant cannot be exported",
                            "Tenant '" + code + "' is "
                                    + tenant.status().words() + "; only a tenant in service (active,"
                                    + " suspended or being handed over) is exported. Nothing was written.")
                    .values(code);
        }
        realms.checkCanExport(tenant.realm());
        var transfer = transfers.start(code, BundleTransfers.Direction.EXPORT, null, null, null);
        KeyPair key = keys.signingKey();
        String fingerprint = BundleSignatures.fingerprint(key.getPublic());
        HashingOutputStream file = new HashingOutputStream(target);
        BundleManifest manifest;
        try (target;
                OutputStream sink = passphrase == null ? file : BundleEncryption.encrypting(file, passphrase);
                HashingOutputStream entries = new HashingOutputStream(sink);
                ZipOutputStream zip = new ZipOutputStream(entries)) {
            zip.setLevel(COMPRESSION);
            Map<String, String> parts = new LinkedHashMap<>();
            String exportedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            Snapshot snapshot = snapshot(tenant, zip, progress);
            parts.put(REGISTRY, part(zip, REGISTRY, out -> Json.write(out, registryFacts(tenant))));
            var realm = realms.settings(tenant.realm());
            parts.put(REALM, part(zip, REALM, out -> realms.writeSettings(realm, out)));
            int[] users = new int[1];
            parts.put(USERS, part(zip, USERS, out -> users[0] = realms.writeUsers(tenant.realm(), out)));
            progress.accept("realm " + tenant.realm() + ": " + users[0] + " users");
            manifest = new BundleManifest(
                    BundleManifest.FORMAT,
                    FleksiVersion.current(),
                    code.value(),
                    exportedAt,
                    publicUrl,
                    fingerprint,
                    snapshot.changeSets(),
                    snapshot.tables(),
                    snapshot.sequences(),
                    users[0],
                    parts);
            byte[] manifestBytes = Json.bytes(manifest);
            entry(zip, MANIFEST, manifestBytes);
            entry(zip, SIGNATURE, Base64.getEncoder().encode(BundleSignatures.sign(key.getPrivate(), manifestBytes)));
            entry(zip, SIGNER, BundleSignatures.toPem(key.getPublic()).getBytes(StandardCharsets.US_ASCII));
            // Every byte so far (the entries, their headers included); the central directory follows, then this
            // comment.
            zip.setComment(BundleManifest.ENTRIES_HASH + entries.hex());
        } catch (IOException e) {
            transfers.finish(transfer, BundleTransfers.State.FAILED, e.getMessage());
            throw new UncheckedIOException("Writing the bundle failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            transfers.finish(transfer, BundleTransfers.State.FAILED, e.getMessage());
            throw e;
        }
        String sha256 = file.hex();
        transfers.recordBundle(transfer, sha256, fingerprint);
        transfers.finish(
                transfer,
                BundleTransfers.State.DONE,
                manifest.tables().size() + " tables, " + manifest.totalRows() + " rows, " + manifest.users()
                        + " users, " + Sizes.human(file.count()));
        progress.accept(
                "bundle: " + Sizes.human(file.count()) + ", SHA-256 " + sha256 + ", manifest signed by " + fingerprint);
        return new Exported(manifest, fingerprint, sha256, file.count());
    }

    private record Snapshot(
            List<String> changeSets, List<BundleManifest.Table> tables, List<BundleManifest.Sequence> sequences) {}

    /** Every table of the tenant's schema, read in one repeatable-read transaction. */
    private Snapshot snapshot(Tenant tenant, ZipOutputStream zip, Consumer<String> progress) throws IOException {
        String schema = tenant.schemaName();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                List<String> changeSets = new ArrayList<>();
                try (var statement = connection.prepareStatement("select id, author from " + quote(schema)
                                + ".databasechangelog order by orderexecuted");
                        var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        changeSets.add(rows.getString(1) + "::" + rows.getString(2));
                    }
                }
                List<String> names = SchemaCatalog.tables(connection, schema);
                List<BundleManifest.Table> tables = new ArrayList<>();
                var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                int done = 0;
                for (String table : names) {
                    List<String> columns = SchemaCatalog.columns(connection, schema, table);
                    String part = "tables/" + table + ".tsv";
                    zip.putNextEntry(new ZipEntry(part));
                    HashingOutputStream out = new HashingOutputStream(zip);
                    long rows = copy.copyOut(
                            "COPY " + quote(schema) + "." + quote(table) + " (" + SchemaCatalog.columnList(columns)
                                    + ") TO STDOUT",
                            out);
                    zip.closeEntry();
                    tables.add(new BundleManifest.Table(table, columns, rows, out.count(), out.hex()));
                    progress.accept("table " + (++done) + "/" + names.size() + " " + table + ": " + rows + " rows, "
                            + Sizes.human(out.count()));
                }
                List<BundleManifest.Sequence> sequences = new ArrayList<>();
                try (var statement = connection.prepareStatement(
                        "select sequencename, last_value, start_value from pg_sequences where schemaname = ? order by sequencename")) {
                    statement.setString(1, schema);
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            long last = rows.getLong(2);
                            boolean called = !rows.wasNull();
                            sequences.add(new BundleManifest.Sequence(
                                    rows.getString(1), called ? last : rows.getLong(3), called));
                        }
                    }
                }
                connection.rollback();
                return new Snapshot(changeSets, tables, sequences);
            } finally {
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Reading tenant " + tenant.code() + "'s schema failed: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> registryFacts(Tenant tenant) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("code", tenant.code().value());
        facts.put("name", tenant.name());
        facts.put("kind", tenant.kind().name());
        facts.put("parent", tenant.parent() == null ? null : tenant.parent().value());
        facts.put("region", tenant.regionCode());
        facts.put("timeZone", tenant.timeZone().name());
        facts.put("hosting", tenant.hosting().name());
        facts.put(
                "createdAt",
                tenant.createdAt() == null ? null : tenant.createdAt().toString());
        facts.put(
                "moduleAvailability",
                jdbc.sql("""
                select module_id, allowed, enabled_for_new_tenants from platform.module_availability
                where tenant_code = ? order by module_id""")
                        .param(tenant.code().value())
                        .query((rs, row) -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("module", rs.getString(1));
                            m.put("allowed", rs.getBoolean(2));
                            Object forNew = rs.getObject(3);
                            m.put("enabledForNewTenants", forNew);
                            return m;
                        })
                        .list());
        return facts;
    }

    interface PartWriter {
        void write(OutputStream out) throws IOException;
    }

    private static String part(ZipOutputStream zip, String name, PartWriter writer) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        HashingOutputStream out = new HashingOutputStream(zip);
        writer.write(out);
        out.flush();
        zip.closeEntry();
        return out.hex();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
