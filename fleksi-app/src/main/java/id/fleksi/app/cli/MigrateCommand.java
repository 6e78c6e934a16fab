package id.fleksi.app.cli;

import java.util.concurrent.Callable;

import id.fleksi.platform.migration.PlatformSchema;
import id.fleksi.platform.migration.TenantMigrator;

import picocli.CommandLine.Command;

/** {@code fleksi migrate}: the platform schema, then every active or suspended tenant, one at a time. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Migrate the platform schema and every tenant schema (run as a Job before"
        + " upgrading pods in Kubernetes). Exits 1 if any tenant failed.")
class MigrateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return FleksiCli.withContext(context -> {
            long started = System.nanoTime();
            context.getBean(PlatformSchema.class).migrate();
            TenantMigrator.Summary summary = context.getBean(TenantMigrator.class).migrateAll(System.out::println);
            System.out.printf("%d of %d tenants current in %d ms%s%n", summary.migrated().size(), summary.total(),
                    (System.nanoTime() - started) / 1_000_000,
                    summary.allMigrated() ? "" : "; FAILED: " + summary.failed().keySet());
            return summary.allMigrated() ? 0 : 1;
        });
    }
}
