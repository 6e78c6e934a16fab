package id.fleksi.platform.migration;

import id.fleksi.platform.LogContext;
import id.fleksi.platform.modules.ModuleCatalog;
import id.fleksi.platform.tenancy.MigrationState;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Brings tenant schemas up to the tenant changelog (core plus each module's), one tenant at a time, and
 * records each outcome in the registry. A tenant whose last migration failed, or whose schema holds fewer
 * change sets than this build expects, is not {@linkplain #isCurrent current} and is not served. Each schema's run is
 * timed ({@value #TIMER}, tagged {@code schema} {@code platform} or {@code tenant} and {@code outcome}).
 */
@Component
public class TenantMigrator {

    private static final Logger log = LoggerFactory.getLogger(TenantMigrator.class);
    static final String TIMER = "fleksi.migration";

    private final TenantRegistry registry;
    private final ChangeLogRunner runner;
    private final MeterRegistry meters;

    private final List<String> changelogs;

    /** The core tenant changelog, then each feature module's in dependency order. */
    @Autowired
    public TenantMigrator(
            DataSource dataSource,
            TenantRegistry registry,
            TenancyProperties properties,
            ModuleCatalog modules,
            MeterRegistry meters,
            ResourceLoader resources) {
        this(
                dataSource,
                registry,
                concat(properties.tenantChangelog(), modules.tenantChangelogs()),
                meters,
                resources.getClassLoader() == null
                        ? TenantMigrator.class.getClassLoader()
                        : resources.getClassLoader());
    }

    /** With these changelogs (tests), timed in Micrometer's global registry. */
    public TenantMigrator(DataSource dataSource, TenantRegistry registry, List<String> changelogs) {
        this(dataSource, registry, changelogs, Metrics.globalRegistry, TenantMigrator.class.getClassLoader());
    }

    private TenantMigrator(
            DataSource dataSource,
            TenantRegistry registry,
            List<String> changelogs,
            MeterRegistry meters,
            ClassLoader classLoader) {
        this.registry = registry;
        this.changelogs = List.copyOf(changelogs);
        this.runner = new ChangeLogRunner(dataSource, changelogs, classLoader);
        this.meters = meters;
    }

    static Timer timer(MeterRegistry meters, String schema, String outcome) {
        return Timer.builder(TIMER)
                .description("How long a schema's migration took")
                .tag("schema", schema)
                .tag("outcome", outcome)
                .register(meters);
    }

    /** The changelogs applied to each tenant schema, in order. */
    public List<String> changelogs() {
        return changelogs;
    }

    private static List<String> concat(String core, List<String> modules) {
        List<String> all = new ArrayList<>();
        all.add(core);
        all.addAll(modules);
        return all;
    }

    /** How many change sets a current tenant schema holds. */
    public int expectedChangeSets() {
        return runner.expectedChangeSets().size();
    }

    /** Every change set this build applies to a tenant schema, as {@code id::author}, in order. */
    public java.util.Set<String> knownChangeSets() {
        return java.util.Collections.unmodifiableSet(runner.expectedChangeSets());
    }

    /** The change sets recorded in a tenant's schema, in the order they ran. */
    public java.util.Set<String> appliedChangeSets(TenantCode tenant) {
        return runner.appliedChangeSets(tenant.schemaName());
    }

    /**
     * Creates a tenant's schema as the release that ran exactly these change sets left it (a bundle's), without
     * recording anything in the registry; {@link #migrate} then brings it forward.
     */
    public void createAsOf(TenantCode tenant, java.util.Set<String> changeSets) throws MigrationException {
        runner.updateTo(tenant.schemaName(), "tenant", changeSets);
    }

    public boolean isCurrent(Tenant tenant) {
        return tenant.migrationState() == MigrationState.CURRENT && tenant.appliedChangeSets() >= expectedChangeSets();
    }

    /** Migrates one tenant's schema and records the outcome; a failure is recorded, then thrown. */
    public void migrate(TenantCode tenant) throws MigrationException {
        Timer.Sample sample = Timer.start(meters);
        try {
            int applied = runner.update(tenant.schemaName(), "tenant");
            registry.recordMigration(tenant, applied, MigrationState.CURRENT, null);
            sample.stop(timer(meters, "tenant", "success"));
        } catch (MigrationException e) {
            sample.stop(timer(meters, "tenant", "failure"));
            int applied = runner.appliedChangeSets(tenant.schemaName()).size();
            registry.recordMigration(tenant, applied, MigrationState.FAILED, e.getMessage());
            throw e;
        }
    }

    /**
     * Migrates every active or suspended tenant, one at a time. A failing tenant is reported and marked;
     * the others are still migrated.
     *
     * @param progress receives one line per tenant, e.g. {@code migrated 120/552 mateng}
     */
    public Summary migrateAll(Consumer<String> progress) {
        List<Tenant> tenants = registry.listMigratable();
        List<TenantCode> migrated = new ArrayList<>();
        Map<TenantCode, String> failed = new LinkedHashMap<>();
        int done = 0;
        for (Tenant tenant : tenants) {
            done++;
            try {
                migrate(tenant.code());
                migrated.add(tenant.code());
                progress.accept("migrated " + done + "/" + tenants.size() + " " + tenant.code());
            } catch (MigrationException e) {
                failed.put(tenant.code(), e.getMessage());
                log.error("Tenant {} not migrated: {}", tenant.code(), LogContext.redacted(e.getMessage()));
                progress.accept(
                        "FAILED   " + done + "/" + tenants.size() + " " + tenant.code() + ": " + e.getMessage());
            }
        }
        return new Summary(tenants.size(), migrated, failed);
    }

    /** What {@link #migrateAll} did. */
    public record Summary(int total, List<TenantCode> migrated, Map<TenantCode, String> failed) {
        public boolean allMigrated() {
            return failed.isEmpty();
        }
    }
}
