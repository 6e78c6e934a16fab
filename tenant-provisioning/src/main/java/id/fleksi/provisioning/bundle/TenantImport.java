package id.fleksi.provisioning.bundle;

import id.fleksi.platform.migration.MigrationException;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.Hosting;
import id.fleksi.platform.tenancy.MigrationState;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmTransfer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Imports a tenant bundle into this instance: checked whole first ({@link OpenedBundle}), then the registry row, the
 * realm with its users (made by Keycloak while PostgreSQL builds the schema as the exporting release left it and loads
 * its rows, {@link BundleRows}), the forward migrations of this release, and a verification of every table's rows and
 * the users against the manifest. All or nothing, like onboarding: a
 * failure at any step removes what the earlier steps made, and an import interrupted by a crash is cleaned away by the
 * next import of the same tenant (an advisory lock tells a crashed import from one still running).
 */
@Service
public class TenantImport {

    private final TenantRegistry registry;
    private final TenantMigrator migrator;
    private final RealmTransfer realmTransfer;
    private final RealmProvisioner realms;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final BundleTransfers transfers;
    private final ImportRollback rollback;

    public TenantImport(
            TenantRegistry registry,
            TenantMigrator migrator,
            RealmTransfer realmTransfer,
            RealmProvisioner realms,
            DataSource dataSource,
            JdbcClient jdbc,
            BundleTransfers transfers) {
        this.registry = registry;
        this.migrator = migrator;
        this.realmTransfer = realmTransfer;
        this.realms = realms;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transfers = transfers;
        this.rollback = new ImportRollback(registry, realms, jdbc, transfers);
    }

    /** What an import did, and what it verified. */
    public record Imported(
            Tenant tenant,
            String signer,
            String bundleSha256,
            Map<String, Long> rows,
            int users,
            int changeSetsInBundle,
            int changeSetsNow) {}

    /**
     * Imports the bundle at {@code file}.
     *
     * @param trusted    the exporting instance's public key as the operator received it; null: integrity only
     * @param passphrase for an encrypted bundle, else null
     * @param progress   receives the signer's fingerprint first, then a line per step
     */
    public Imported importBundle(
            Path file, @Nullable PublicKey trusted, char @Nullable [] passphrase, Consumer<String> progress) {
        return importBundle(file, trusted == null ? null : BundleSignatures.fingerprint(trusted), passphrase, progress);
    }

    /** As {@link #importBundle(Path, PublicKey, char[], Consumer)}, given the key's fingerprint ({@code SHA256:...}). */
    public Imported importBundle(
            Path file, @Nullable String trusted, char @Nullable [] passphrase, Consumer<String> progress) {
        try (OpenedBundle bundle = OpenedBundle.open(file, trusted, passphrase)) {
            BundleManifest manifest = bundle.manifest();
            progress.accept("signed by " + bundle.signer()
                    + (trusted == null
                            ? " (not checked against a key you trust: compare it with the exporting operator's)"
                            : " (the key you gave)"));
            progress.accept(
                    "bundle of " + manifest.tenant() + " from " + manifest.exportedBy() + ", " + manifest.exportedAt()
                            + ": " + manifest.tables().size() + " tables, " + manifest.totalRows() + " rows, "
                            + manifest.users()
                            + " users; every part matches its hash");
            TenantCode code = TenantCode.of(manifest.tenant());
            List<String> unknown = manifest.changeSets().stream()
                    .filter(c -> !migrator.knownChangeSets().contains(c))
                    .toList();
            if (!unknown.isEmpty()) {
                throw Problem.unprocessable(
                                "bundle-too-new",
                                "Bundle from a newer Fleksi",
                                "This bundle was written by Fleksi "
                                        + manifest.fleksiVersion()
                                        + ", whose database has changes this Fleksi does not know (" + unknown.size()
                                        + ", e.g. " + unknown.get(0)
                                        + "). Upgrade this Fleksi first. Nothing was written.")
                        .values(manifest.fleksiVersion());
            }
            Map<?, ?> facts = Json.read(bundle.bytes(TenantExport.REGISTRY), Map.class);
            try (ImportLock lock = ImportLock.take(dataSource, code)) {
                rollback.cleanUpInterrupted(code);
                refuseExisting(code);
                return load(bundle, code, facts, progress);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the bundle failed: " + e.getMessage(), e);
        }
    }

    private Imported load(OpenedBundle bundle, TenantCode code, Map<?, ?> facts, Consumer<String> progress) {
        BundleManifest manifest = bundle.manifest();
        TenantCode parent = hostHere(facts.get("parent"));
        Tenant tenant = new Tenant(
                code,
                fact(facts, "name"),
                TenantKind.valueOf(fact(facts, "kind")),
                parent,
                fact(facts, "region"),
                RegionTimeZone.valueOf(fact(facts, "timeZone")),
                code.schemaName(),
                code.realmName(),
                TenantStatus.PROVISIONING,
                parent == null ? Hosting.SELF_HOSTED : Hosting.SHARED,
                0,
                MigrationState.PENDING,
                null,
                null,
                null);
        if (!registry.insertProvisioning(tenant)) {
            throw alreadyHere(code);
        }
        UUID transfer = transfers.start(
                code, BundleTransfers.Direction.IMPORT, bundle.fileSha256(), bundle.signer(), manifest.exportedBy());
        try (RealmCreation realm = RealmCreation.start(code.realmName(), () -> {
            try (InputStream settings = bundle.part(TenantExport.REALM);
                    InputStream people = bundle.part(TenantExport.USERS)) {
                return realmTransfer.importRealm(code.realmName(), settings, people);
            }
        })) {
            try {
                insertModuleAvailability(code, facts.get("moduleAvailability"));
                migrator.createAsOf(code, new LinkedHashSet<>(manifest.changeSets()));
                progress.accept("schema " + code.schemaName() + " built as of the bundle ("
                        + manifest.changeSets().size() + " change sets)");
                Map<String, Long> rows = BundleRows.load(dataSource, bundle, code.schemaName(), progress);
                if (!List.copyOf(migrator.appliedChangeSets(code)).equals(manifest.changeSets())) {
                    throw new IllegalStateException("the rebuilt schema's history differs from the bundle's");
                }
                int users = realm.users();
                progress.accept("realm " + code.realmName() + ": " + users + " users (Keycloak took "
                        + String.format(java.util.Locale.ROOT, "%.1f", realm.millis() / 1000.0)
                        + " s, beside the schema and rows)");
                migrator.migrate(code);
                int now = migrator.appliedChangeSets(code).size();
                if (now > manifest.changeSets().size()) {
                    progress.accept("migrated forward: "
                            + (now - manifest.changeSets().size()) + " change sets of this release");
                }
                if (users != manifest.users()) {
                    throw new IllegalStateException(
                            "the realm holds " + users + " users, the manifest " + manifest.users());
                }
                registry.setStatus(code, TenantStatus.ACTIVE);
                transfers.finish(
                        transfer,
                        BundleTransfers.State.DONE,
                        "verified: " + manifest.tables().size() + " tables, " + manifest.totalRows() + " rows, " + users
                                + " users");
                progress.accept("verified: every table's rows (" + manifest.totalRows() + ") and the users (" + users
                        + ") equal the manifest's; " + code + " is active here");
                return new Imported(
                        registry.find(code).orElseThrow(),
                        bundle.signer(),
                        bundle.fileSha256(),
                        rows,
                        users,
                        manifest.changeSets().size(),
                        now);
            } catch (RuntimeException | MigrationException | IOException | SQLException e) {
                rollback.undo(code, realm.made());
                transfers.finish(transfer, BundleTransfers.State.FAILED, e.getMessage());
                if (e instanceof Problem problem) {
                    throw problem;
                }
                throw new ImportFailedException(
                        "Importing '" + code + "' failed and was rolled back; nothing was left behind. "
                                + e.getMessage(),
                        e);
            }
        }
    }

    /** A fact every bundle's manifest states (its export writes them all, and the bundle's signature covers them). */
    private static String fact(Map<?, ?> facts, String name) {
        return (String) Objects.requireNonNull(facts.get(name), name);
    }

    /** The bundle's parent, if this instance hosts it as a province; else the tenant stands alone here. */
    private @Nullable TenantCode hostHere(@Nullable Object parent) {
        if (parent == null) {
            return null;
        }
        return registry.find(TenantCode.of(parent.toString()))
                .filter(p -> p.kind() == TenantKind.PROVINCE && p.status() != TenantStatus.ARCHIVED)
                .map(Tenant::code)
                .orElse(null);
    }

    private void insertModuleAvailability(TenantCode code, @Nullable Object rows) {
        if (!(rows instanceof List<?> list)) {
            return;
        }
        for (Object row : list) {
            Map<?, ?> availability = (Map<?, ?>) row;
            jdbc.sql("""
                    insert into platform.module_availability (tenant_code, module_id, allowed, enabled_for_new_tenants)
                    values (?, ?, ?, ?)""")
                    .param(code.value())
                    .param(availability.get("module"))
                    .param(availability.get("allowed"))
                    .param(availability.get("enabledForNewTenants"))
                    .update();
        }
    }

    private void refuseExisting(TenantCode code) {
        if (registry.exists(code)) {
            throw alreadyHere(code);
        }
        if (jdbc.sql("select count(*) from information_schema.schemata where schema_name = ?")
                        .param(code.schemaName())
                        .query(Integer.class)
                        .single()
                > 0) {
            throw Problem.conflict(
                            "schema-exists",
                            "Schema already exists",
                            "The database already has a schema "
                                    + code.schemaName()
                                    + " that no tenant owns. Fleksi will not touch it; remove or rename it first."
                                    + " Nothing was written.")
                    .values(code.schemaName());
        }
        if (realms.realmExists(code.realmName())) {
            throw Problem.conflict(
                            "realm-exists",
                            "Realm already exists",
                            "Keycloak already has a realm '" + code.realmName()
                                    + "' that no tenant owns. Fleksi will not touch it; remove it first. Nothing was written.")
                    .values(code.realmName());
        }
    }

    private static Problem alreadyHere(TenantCode code) {
        return Problem.conflict(
                        "tenant-exists",
                        "Tenant already exists",
                        "A tenant with code '" + code + "' already" + " exists on this Fleksi; nothing was written.")
                .values(code);
    }
}
