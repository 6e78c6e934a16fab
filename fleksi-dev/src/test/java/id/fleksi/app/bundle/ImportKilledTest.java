package id.fleksi.app.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.app.testing.AppIntegrationTest;
import id.fleksi.dev.demo.DemoSeed;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.platform.web.TenantGate;
import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.bundle.ImportFailedException;
import id.fleksi.provisioning.bundle.InstanceKeys;
import id.fleksi.provisioning.bundle.TenantExport;
import id.fleksi.provisioning.bundle.TenantImport;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import that dies halfway, for real: {@code fleksi tenant import} runs as a process of its own against a second
 * instance and is killed with SIGKILL while its rows load, so none of its clean-up runs; or its PostgreSQL sessions are
 * terminated under it. Either way, a retry of the import succeeds and leaves nothing of the failed one behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SecondInstance.Shared.class)
class ImportKilledTest extends AppIntegrationTest {

    /** The progress line an import prints when the employees are in its (still open) transaction, after the check-ins. */
    private static final Pattern EMPLOYEES_LOADED = Pattern.compile("table \\d+/\\d+ employee: \\d+ rows.*");
    /** The name the killed process's database sessions carry, to find them in {@code pg_stat_activity}. */
    private static final String KILLED_IMPORT = "fleksi-killed-import";

    @Autowired
    DemoSeed demo;

    @Autowired
    TenantExport export;

    @Autowired
    InstanceKeys keys;

    @Autowired
    RealmProvisioner realms;

    @Autowired
    RealmUsers realmUsers;

    @Autowired
    JdbcClient jdbc;

    private DemoTenants tenants;
    private SecondInstance replica;
    private Path files;
    private Path bundle;
    private Path exportingKey;

    @BeforeAll
    void aTenantExportedHereAndASecondInstance(SecondInstance replica) throws IOException {
        files = Files.createTempDirectory("fleksi-killed-import-");
        tenants = DemoTenants.seed(demo, realmUsers, jdbc);
        bundle = files.resolve(tenants.kabupaten() + ".bundle");
        try (OutputStream out = Files.newOutputStream(bundle)) {
            export.export(TenantCode.of(tenants.kabupaten()), out, null, line -> {});
        }
        exportingKey = Files.writeString(files.resolve("province.pem"), BundleSignatures.toPem(keys.publicKey()));
        this.replica = replica;
    }

    @AfterAll
    void removeEverything() throws IOException {
        if (replica != null) {
            replica.removeTenant(tenants.kabupaten());
        }
        if (tenants != null) {
            tenants.remove(realms, jdbc);
        }
        try (var paths = Files.walk(files)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void anImportKilledWhileItsRowsLoadLeavesARealmAndAnEmptySchemaThatTheRetryRemovesBeforeItSucceeds()
            throws Exception {
        String code = tenants.kabupaten();
        String schema = TenantCode.of(code).schemaName();
        replica.removeTenant(code);
        JdbcClient there = replica.bean(JdbcClient.class);
        Map<String, String> kabupatensShell = new HashMap<>(replica.environment());
        kabupatensShell.computeIfPresent("FLEKSI_DB_URL", (name, url) -> url + "?ApplicationName=" + KILLED_IMPORT);

        try (FleksiProcess fleksi = FleksiProcess.start(
                kabupatensShell,
                EMPLOYEES_LOADED,
                "tenant",
                "import",
                bundle.toString(),
                "--signed-by",
                exportingKey.toString())) {
            fleksi.awaitLine(EMPLOYEES_LOADED, Duration.ofMinutes(3));
            // Halfway: the check-ins and the employees are in the import's open transaction; it holds the tenant's
            // lock.
            assertThat(there.sql("select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid where"
                                    + " a.application_name = ? and a.state = 'idle in transaction' and l.mode = 'RowExclusiveLock' and"
                                    + " l.relation in (to_regclass(?), to_regclass(?))")
                            .params(KILLED_IMPORT, schema + ".attendance_check_in", schema + ".employee")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);
            assertThat(there.sql("select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid where"
                                    + " a.application_name = ? and l.locktype = 'advisory'")
                            .param(KILLED_IMPORT)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);

            fleksi.kill();

            assertThat(fleksi.exitCode()).as("killed by SIGKILL").isEqualTo(128 + 9);
            // The realm is made beside the rows and reported after them: the process died before it could say so.
            assertThat(fleksi.output())
                    .anyMatch(line -> line.startsWith("signed by SHA256:") && line.endsWith("(the key you gave)"))
                    .noneMatch(line -> line.startsWith("verified:"));
        }
        awaitGone(there, KILLED_IMPORT);

        // What the crash left: the registry row still PROVISIONING, the realm, the schema as the change sets built it
        // with
        // not a row of the bundle's (its transaction died with its connection), and the import on record as running.
        assertThat(status(there, code)).isEqualTo("PROVISIONING");
        // Keycloak finishes the realm it was asked for (at the import's start) whatever became of the one who asked.
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (replica.keycloakAdmin().realms().findAll().stream()
                        .noneMatch(realm -> realm.getRealm().equals(code))
                && System.nanoTime() < until) {
            Thread.sleep(500);
        }
        assertThat(replica.keycloakAdmin().realms().findAll())
                .anyMatch(realm -> realm.getRealm().equals(code));
        assertThat(DemoTenants.tables(there, schema))
                .isEqualTo(DemoTenants.tables(jdbc, schema))
                .allSatisfy(table -> assertThat(DemoTenants.fingerprint(there, schema, table))
                        .as(table)
                        .startsWith("0:"));
        assertThat(transfers(there, code)).containsExactly("RUNNING ");
        // Until an import is tried again, its users are told it is being set up.
        assertThatThrownBy(() -> replica.bean(TenantGate.class).serving(code))
                .isInstanceOfSatisfying(
                        Problem.class, problem -> assertThat(problem.type()).isEqualTo("tenant-provisioning"));

        List<String> progress = new ArrayList<>();
        TenantImport.Imported retried =
                replica.bean(TenantImport.class).importBundle(bundle, keys.publicKey(), null, progress::add);

        assertThat(retried.tenant().status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(progress).anyMatch(line -> line.startsWith("verified: every table's rows"));
        DemoTenants.assertSameRows(jdbc, there, schema);
        assertThat(replica.token(code, "asn", TestRealms.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(transfers(there, code))
                .satisfiesExactly(
                        killed -> assertThat(killed)
                                .isEqualTo("FAILED interrupted; its remains were removed by the next import"),
                        retry -> assertThat(retry).startsWith("DONE verified: "));
    }

    @Test
    void anImportWhosePostgresSessionsAreTerminatedWhileItsRowsLoadLeavesNothingAndARetrySucceeds() {
        String code = tenants.kabupaten();
        String schema = TenantCode.of(code).schemaName();
        replica.removeTenant(code);
        JdbcClient there = replica.bean(JdbcClient.class);
        TenantImport importer = replica.bean(TenantImport.class);
        List<Integer> terminated = new ArrayList<>();

        assertThatThrownBy(() -> importer.importBundle(bundle, keys.publicKey(), null, line -> {
                    if (EMPLOYEES_LOADED.matcher(line).matches()) {
                        // The session loading the rows (in its transaction) and the one holding the import's lock: as
                        // an
                        // administrator's pg_terminate_backend, or a PostgreSQL restart, ends them.
                        terminated.add(there.sql(
                                        "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity where"
                                                + " datname = current_database() and pid <> pg_backend_pid() and (state = 'idle in transaction' or pid in"
                                                + " (select pid from pg_locks where locktype = 'advisory'))")
                                .query(Integer.class)
                                .single());
                    }
                }))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("rolled back")
                // What failed (the load's connection), not the rollback that failed on it after.
                .hasMessageEndingWith("Database connection failed when starting copy");

        assertThat(terminated).containsExactly(2);
        assertThat(there.sql("select count(*) from platform.tenant where code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(there.sql("select count(*) from platform.module_availability where tenant_code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(there.sql("select count(*) from information_schema.schemata where schema_name = ?")
                        .param(schema)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(replica.keycloakAdmin().realms().findAll())
                .noneMatch(realm -> realm.getRealm().equals(code));
        assertThat(transfers(there, code)).singleElement().asString().startsWith("FAILED ");

        TenantImport.Imported retried = importer.importBundle(bundle, keys.publicKey(), null, line -> {});

        assertThat(retried.tenant().status()).isEqualTo(TenantStatus.ACTIVE);
        DemoTenants.assertSameRows(jdbc, there, schema);
        assertThat(transfers(there, code)).last().asString().startsWith("DONE verified");
    }

    private static String status(JdbcClient jdbc, String code) {
        return jdbc.sql("select status from platform.tenant where code = ?")
                .param(code)
                .query(String.class)
                .single();
    }

    /** The tenant's imports on record, oldest first: state and detail. */
    private static List<String> transfers(JdbcClient jdbc, String code) {
        return jdbc.sql(
                        "select state || ' ' || coalesce(detail, '') from platform.tenant_transfer where tenant_code = ? and"
                                + " direction = 'IMPORT' order by started_at")
                .param(code)
                .query(String.class)
                .list();
    }

    /** Waits until PostgreSQL has ended every session of that name: it noticed the process is gone. */
    private static void awaitGone(JdbcClient jdbc, String applicationName) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (jdbc.sql("select count(*) from pg_stat_activity where application_name = ?")
                            .param(applicationName)
                            .query(Integer.class)
                            .single()
                    == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("PostgreSQL still has sessions of the killed import after 30 s");
    }
}
