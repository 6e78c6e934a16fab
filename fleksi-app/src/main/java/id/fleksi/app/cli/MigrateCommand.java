package id.fleksi.app.cli;

import id.fleksi.platform.migration.PlatformSchema;
import id.fleksi.platform.migration.TenantMigrator;
import id.fleksi.provisioning.realm.RealmLoginPages;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code fleksi migrate}: the platform schema, then every active or suspended tenant, one at a time; then each tenant
 * realm's login pages (Fleksi's theme, password reset by the tenant's mail server), which a realm made by an older
 * release lacks. A realm that cannot be reached is reported and does not fail the migration: the next run does it.
 */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Migrate the platform schema and every tenant schema (run as a Job before"
                + " upgrading pods in Kubernetes). Exits 1 if any tenant failed.")
class MigrateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return FleksiCli.withContext(context -> {
            long started = System.nanoTime();
            context.getBean(PlatformSchema.class).migrate();
            TenantMigrator.Summary summary =
                    context.getBean(TenantMigrator.class).migrateAll(System.out::println);
            System.out.printf(
                    "%d of %d tenants current in %d ms%s%n",
                    summary.migrated().size(),
                    summary.total(),
                    (System.nanoTime() - started) / 1_000_000,
                    summary.allMigrated() ? "" : "; FAILED: " + summary.failed().keySet());
            var loginPagesFailed = context.getBean(RealmLoginPages.class).applyToAll(System.out::println);
            if (!loginPagesFailed.isEmpty()) {
                System.out.println("login pages NOT updated (Keycloak?): " + loginPagesFailed.keySet()
                        + "; run fleksi migrate again");
            }
            return summary.allMigrated() ? 0 : 1;
        });
    }
}
