package id.fleksi.dev.bench;

import id.fleksi.app.cli.BundleCommands;
import id.fleksi.app.cli.FleksiCli;
import id.fleksi.dev.loadtest.LoadTestRealms;
import id.fleksi.platform.migration.PlatformSchema;
import id.fleksi.platform.organisation.EmployeeImport;
import id.fleksi.platform.organisation.Offices;
import id.fleksi.platform.organisation.OrgUnitRepository;
import id.fleksi.platform.organisation.UnitImport;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.bundle.InstanceKeys;
import id.fleksi.provisioning.bundle.TenantExport;
import id.fleksi.provisioning.bundle.TenantImport;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi bench-bundle export|import}: the two halves of {@code bench/bundle}, each on the instance that
 * {@code FLEKSI_DB_URL} and {@code FLEKSI_KEYCLOAK_PORT} name. {@code export} onboards a tenant with employees who have
 * passwords, writes a year of their history with set-based SQL, and times the bundle export as {@code fleksi tenant export}
 * writes it while watching the heap; {@code import} times {@code fleksi tenant import} of that bundle, verification
 * included. Each prints {@code key=value} figures and removes the realm it made.
 *
 * <p>The script runs its reference (pg_dump, pg_restore) just before and just after the timed part, on the same idle
 * services: each half prints {@code ready}, waits for the file {@code go} in its directory, does its part, prints
 * {@code done}, and waits for {@code finish} before it cleans up.
 */
@Command(
        name = "bench-bundle",
        hidden = true,
        description = "Time a tenant bundle's export or import (see bench/bundle).",
        subcommands = {BundleBenchCommand.Export.class, BundleBenchCommand.Import.class})
class BundleBenchCommand {

    @Command(name = "export", description = "Make a tenant with a year of history, then time its export.")
    static class Export implements Callable<Integer> {
        @Option(names = "--employees", defaultValue = "1000")
        int employees;

        @Option(names = "--days", defaultValue = "365", description = "days of history, ending yesterday")
        int days;

        @Option(
                names = "--dir",
                required = true,
                description = "writes bundle.zip and key.pem here; waits for go, finish")
        Path dir;

        @Override
        public Integer call() {
            return FleksiCli.withContext(true, context -> {
                context.getBean(PlatformSchema.class).migrate();
                TenantCode code = TenantCode.of("bbundle"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 6));
                RealmProvisioner realms = context.getBean(RealmProvisioner.class);
                try {
                    long start = System.nanoTime();
                    tenant(context, code, employees);
                    System.out.printf("setup_tenant_ms=%d%n", Timings.millisSince(start));
                    start = System.nanoTime();
                    long rows = BenchHistory.write(context.getBean(DataSource.class), code.schemaName(), days);
                    System.out.printf(
                            "setup_history_ms=%d rows=%d%nschema=%s%n",
                            Timings.millisSince(start), rows, code.schemaName());
                    write(
                            dir.resolve("key.pem"),
                            BundleSignatures.toPem(
                                    context.getBean(InstanceKeys.class).publicKey()));
                    TenantExport export = context.getBean(TenantExport.class);
                    handshake("ready", "go");
                    TenantExport.Exported exported;
                    try (HeapWatch heap = HeapWatch.start()) {
                        long began = System.nanoTime();
                        exported = BundleCommands.writeAtomically(
                                dir.resolve("bundle.zip"), target -> export.export(code, target, null, steps(began)));
                        System.out.printf("fleksi_export_ms=%d%n%s%n", Timings.millisSince(began), heap.figures());
                    }
                    System.out.printf(
                            "bundle_bytes=%d bundle_rows=%d bundle_users=%d%n",
                            exported.bytes(),
                            exported.manifest().totalRows(),
                            exported.manifest().users());
                    handshake("done", "finish");
                    return 0;
                } finally {
                    realms.deleteRealm(code.realmName());
                }
            });
        }

        private void handshake(String said, String awaited) {
            BundleBenchCommand.handshake(dir, said, awaited);
        }
    }

    @Command(name = "import", description = "Time the import of a bundle, verification included.")
    static class Import implements Callable<Integer> {
        @Option(names = "--bundle", required = true)
        Path bundle;

        @Option(names = "--signed-by", required = true)
        Path key;

        @Option(names = "--dir", required = true, description = "waits for go and finish here")
        Path dir;

        @Override
        public Integer call() {
            return FleksiCli.withContext(true, context -> {
                context.getBean(PlatformSchema.class).migrate();
                RealmProvisioner realms = context.getBean(RealmProvisioner.class);
                // A Keycloak started a minute ago makes its first realm slowly (its code not yet compiled); one small
                // realm first, so the import is timed on a Keycloak that has served before, as PostgreSQL has.
                String warmUp =
                        "bbwarm" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
                realms.createRealm(warmUp, "warm-up", false, List.of());
                realms.deleteRealm(warmUp);
                TenantImport.Imported imported = null;
                try {
                    handshake(dir, "ready", "go");
                    long began = System.nanoTime();
                    imported = context.getBean(TenantImport.class)
                            .importBundle(bundle, BundleCommands.readKey(key), null, steps(began));
                    System.out.printf(
                            "fleksi_import_ms=%d%nimported_rows=%d imported_users=%d%n",
                            Timings.millisSince(began),
                            imported.rows().values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum(),
                            imported.users());
                    handshake(dir, "done", "finish");
                    return 0;
                } finally {
                    if (imported != null) {
                        realms.deleteRealm(imported.tenant().realm());
                    }
                }
            });
        }
    }

    /** Says {@code said} on a line of its own, then waits until the script makes the file {@code awaited}. */
    private static void handshake(Path dir, String said, String awaited) {
        System.out.println(said);
        System.out.flush();
        while (!Files.exists(dir.resolve(awaited))) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Each progress line with the milliseconds since the start, so the output says where the time went. */
    private static Consumer<String> steps(long began) {
        return line -> System.out.printf("  +%6d ms  %s%n", Timings.millisSince(began), line);
    }

    /** 25 OPD, an office, and {@code count} employees with realm users and passwords (heads of unit supervise the rest). */
    private static void tenant(ConfigurableApplicationContext context, TenantCode code, int count) {
        context.getBean(TenantOnboarding.class)
                .onboard(new NewTenant(
                        code.value(), "Kabupaten Bench", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        // Hashing cut to one iteration so 1,000 passwords are set in seconds; the hashes the bundle carries are as
        // long.
        LoadTestRealms.prepare(context, code.realmName(), BenchTenants.CLIENT);
        StringBuilder units = new StringBuilder("code,name,kind\n");
        for (int u = 0; u < 25; u++) {
            units.append("OPD").append(u).append(",Dinas ").append(u).append(",DINAS\n");
        }
        StringBuilder rows = new StringBuilder("nip,name,employment_type,unit_code,supervisor,talent_box\n");
        List<String> nips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String nip = BenchTenants.nip(i);
            nips.add(nip);
            rows.append(nip)
                    .append(",Pegawai ")
                    .append(i)
                    .append(",PNS,OPD")
                    .append(i % 25)
                    .append(',')
                    .append(i < 25 ? "" : nips.get(i % 25))
                    .append(',')
                    .append(1 + i % 9)
                    .append('\n');
        }
        TenantContext.runAs(code, () -> {
            context.getBean(UnitImport.class).importUnits(BenchTenants.sheet(units), "bench");
            List<UUID> unitIds = context.getBean(OrgUnitRepository.class).findAll().stream()
                    .map(u -> u.id())
                    .toList();
            context.getBean(Offices.class)
                    .add(
                            new Offices.NewOffice(
                                    "Kantor Bupati",
                                    "Jl. Bench 1",
                                    BenchTenants.OFFICE_LAT,
                                    BenchTenants.OFFICE_LON,
                                    200,
                                    unitIds),
                            "bench");
            var report = context.getBean(EmployeeImport.class)
                    .importEmployees(BenchTenants.sheet(rows), "bench", line -> {});
            if (!report.imported()) {
                throw new IllegalStateException("bench employees refused: " + report.problems());
            }
        });
        BenchTenants.passwords(context, code.realmName(), nips);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
