package id.fleksi.app.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import id.fleksi.platform.migration.PlatformSchema;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.platform.tenancy.Hosting;
import id.fleksi.platform.tenancy.MigrationState;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.Onboarded;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi bench}: onboarding time per tenant and its parts, and {@code migrate} over up-to-date
 * tenants. Meant for a database of its own ({@code bench/onboarding} makes one); removes the realms it made.
 */
@Command(name = "bench", hidden = true, description = "Print onboarding and migration figures (see docs/benchmarks.md).")
class BenchCommand implements Callable<Integer> {

    @Option(names = "--tenants", defaultValue = "10", description = "full onboardings (realm + schema)") int tenants;
    @Option(names = "--schemas", defaultValue = "100", description = "up-to-date tenants for the migrate check") int schemas;

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
                    Onboarded onboarded = onboarding.onboard(new NewTenant("bench" + run + "_" + i, "Bench " + i,
                            TenantKind.KOTA, null, "76.01", RegionTimeZone.WITA));
                    timings.add(onboarded.timings());
                }
            } finally {
                for (int i = 0; i < timings.size(); i++) {
                    realms.deleteRealm("bench" + run + "_" + i);
                }
            }
            System.out.printf("onboarding, %d tenants (ms): %s%n", tenants, String.join("  ",
                    summary(timings, "total"), summary(timings, "realm"), summary(timings, "schema")));

            long made = System.nanoTime();
            for (int i = 0; i < schemas; i++) {
                TenantCode code = TenantCode.of("mig" + run + "_" + i);
                registry.insertProvisioning(new Tenant(code, "Migrate " + i, TenantKind.KOTA, null, "76.01",
                        RegionTimeZone.WITA, code.schemaName(), code.realmName(), TenantStatus.PROVISIONING,
                        Hosting.SHARED, 0, MigrationState.PENDING, null, null, null));
                registry.setStatus(code, TenantStatus.ACTIVE);
                try {
                    migrator.migrate(code);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            System.out.printf("schema + migrations, %d new tenants: %d ms (%.1f ms each)%n", schemas,
                    millis(made), millis(made) / (double) schemas);

            long check = System.nanoTime();
            TenantMigrator.Summary summary = migrator.migrateAll(line -> { });
            System.out.printf("migrate, %d up-to-date tenants: %d ms (%d current, %d failed)%n", summary.total(),
                    millis(check), summary.migrated().size(), summary.failed().size());
            System.out.println("reference schema for psql: mig" + run + "_0");
            return summary.allMigrated() ? 0 : 1;
        });
    }

    private static String summary(List<Map<String, Duration>> timings, String part) {
        List<Long> values = timings.stream().map(t -> t.get(part).toMillis()).sorted(Comparator.naturalOrder()).toList();
        if (values.isEmpty()) {
            return part + " -";
        }
        return String.format("%s median %d p90 %d max %d", part, values.get(values.size() / 2),
                values.get(Math.min(values.size() - 1, (int) Math.ceil(values.size() * 0.9) - 1)), values.get(values.size() - 1));
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
