package id.fleksi.dev.bench;

import id.fleksi.app.cli.FleksiCli;
import id.fleksi.platform.migration.PlatformSchema;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.organisation.EmployeeImport;
import id.fleksi.platform.organisation.Spreadsheet;
import id.fleksi.platform.organisation.UnitImport;
import id.fleksi.platform.tenancy.Hosting;
import id.fleksi.platform.tenancy.MigrationState;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.Onboarded;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi bench}: onboarding time per tenant and its parts, and {@code migrate} over up-to-date
 * tenants. Meant for a database of its own ({@code bench/onboarding} makes one); removes the realms it made.
 */
@Command(
        name = "bench",
        hidden = true,
        description = "Print onboarding and migration figures (see docs/benchmarks.md).")
class BenchCommand implements Callable<Integer> {

    @Option(names = "--tenants", defaultValue = "10", description = "full onboardings (realm + schema)")
    int tenants;

    @Option(names = "--schemas", defaultValue = "100", description = "up-to-date tenants for the migrate check")
    int schemas;

    @Option(
            names = "--employees",
            defaultValue = "0",
            description = "employees to bulk-import into a fresh tenant (0: skip)")
    int employees;

    @Option(
            names = "--employees-csv",
            description = "also write the generated employees file here, for the psql reference")
    java.nio.file.Path employeesCsv;

    @Override
    public Integer call() {
        return FleksiCli.withContext(true, context -> {
            context.getBean(PlatformSchema.class).migrate();
            TenantOnboarding onboarding = context.getBean(TenantOnboarding.class);
            TenantRegistry registry = context.getBean(TenantRegistry.class);
            TenantMigrator migrator = context.getBean(TenantMigrator.class);
            RealmProvisioner realms = context.getBean(RealmProvisioner.class);
            String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

            List<Map<String, Duration>> timings = new ArrayList<>();
            try {
                for (int i = 0; i < tenants; i++) {
                    Onboarded onboarded = onboarding.onboard(new NewTenant(
                            "bench" + run + "_" + i,
                            "Bench " + i,
                            TenantKind.KOTA,
                            null,
                            "76.01",
                            RegionTimeZone.WITA));
                    timings.add(onboarded.timings());
                }
            } finally {
                for (int i = 0; i < timings.size(); i++) {
                    realms.deleteRealm("bench" + run + "_" + i);
                }
            }
            System.out.printf(
                    "onboarding, %d tenants (ms): %s%n",
                    tenants,
                    String.join(
                            "  ", summary(timings, "total"), summary(timings, "realm"), summary(timings, "schema")));

            long made = System.nanoTime();
            for (int i = 0; i < schemas; i++) {
                TenantCode code = TenantCode.of("mig" + run + "_" + i);
                registry.insertProvisioning(new Tenant(
                        code,
                        "Migrate " + i,
                        TenantKind.KOTA,
                        null,
                        "76.01",
                        RegionTimeZone.WITA,
                        code.schemaName(),
                        code.realmName(),
                        TenantStatus.PROVISIONING,
                        Hosting.SHARED,
                        0,
                        MigrationState.PENDING,
                        null,
                        null,
                        null));
                registry.setStatus(code, TenantStatus.ACTIVE);
                try {
                    migrator.migrate(code);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            System.out.printf(
                    "schema + migrations, %d new tenants: %d ms (%.1f ms each)%n",
                    schemas, Timings.millisSince(made), Timings.millisSince(made) / (double) schemas);

            long check = System.nanoTime();
            TenantMigrator.Summary summary = migrator.migrateAll(line -> {});
            System.out.printf(
                    "migrate, %d up-to-date tenants: %d ms (%d current, %d failed)%n",
                    summary.total(),
                    Timings.millisSince(check),
                    summary.migrated().size(),
                    summary.failed().size());
            System.out.println("reference schema for psql: mig" + run + "_0");
            if (employees > 0) {
                importBench(context, onboarding, realms, run);
            }
            return summary.allMigrated() ? 0 : 1;
        });
    }

    /** A tenant with 25 OPD, then {@code employees} rows imported with their realm users, timed by phase. */
    private void importBench(
            org.springframework.context.ConfigurableApplicationContext context,
            TenantOnboarding onboarding,
            RealmProvisioner realms,
            String run) {
        TenantCode tenant = TenantCode.of("benchimp" + run);
        onboarding.onboard(new NewTenant(
                tenant.value(), "Bench import", TenantKind.KABUPATEN, null, "76.06", RegionTimeZone.WITA));
        try {
            StringBuilder units = new StringBuilder("code,name,kind\n");
            for (int u = 0; u < 25; u++) {
                units.append("OPD").append(u).append(",Dinas ").append(u).append(",DINAS\n");
            }
            StringBuilder rows = new StringBuilder("nip,name,employment_type,unit_code,supervisor,talent_box\n");
            String first = null;
            for (int i = 0; i < employees; i++) {
                java.time.LocalDate birth = java.time.LocalDate.of(1965, 1, 1).plusDays(i % 12000);
                String nip = String.format(
                        "%04d%02d%02d%04d%02d%d%03d",
                        birth.getYear(),
                        birth.getMonthValue(),
                        birth.getDayOfMonth(),
                        birth.getYear() + 25 + i / 12000,
                        1 + (i / 999) % 12,
                        1 + i % 2,
                        1 + i % 999);
                first = first == null ? nip : first;
                rows.append(nip)
                        .append(",Pegawai ")
                        .append(i)
                        .append(",PNS,OPD")
                        .append(i % 25)
                        .append(',')
                        .append(i == 0 ? "" : first)
                        .append(',')
                        .append(1 + i % 9)
                        .append('\n');
            }
            if (employeesCsv != null) {
                java.nio.file.Files.writeString(employeesCsv, rows);
            }
            TenantContext.runAs(tenant, () -> context.getBean(UnitImport.class).importUnits(sheet(units), "bench"));
            List<String> phases = new ArrayList<>();
            long start = System.nanoTime();
            long[] last = {start};
            EmployeeImport.Report report = TenantContext.callAs(
                    tenant,
                    () -> context.getBean(EmployeeImport.class).importEmployees(sheet(rows), "bench", line -> {
                        if (!line.startsWith("realm users") || line.startsWith("realm users " + employees + "/")) {
                            phases.add(line + " (+" + Timings.millisSince(last[0]) + " ms)");
                            last[0] = System.nanoTime();
                        }
                    }));
            System.out.printf(
                    "import, %d employees with realm users: %d ms (%d new, %d problems)%n  %s%n",
                    employees,
                    Timings.millisSince(start),
                    report.created(),
                    report.problems().size(),
                    String.join("\n  ", phases));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            realms.deleteRealm(tenant.realmName());
        }
    }

    private static Spreadsheet sheet(CharSequence csv) {
        try {
            return Spreadsheet.read(
                    new java.io.ByteArrayInputStream(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "bench.csv");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String summary(List<Map<String, Duration>> timings, String part) {
        List<Long> values = timings.stream()
                .map(t -> t.get(part).toMillis())
                .sorted(Comparator.naturalOrder())
                .toList();
        if (values.isEmpty()) {
            return part + " -";
        }
        return String.format(
                "%s median %d p90 %d max %d",
                part,
                values.get(values.size() / 2),
                values.get(Math.min(values.size() - 1, (int) Math.ceil(values.size() * 0.9) - 1)),
                values.get(values.size() - 1));
    }
}
