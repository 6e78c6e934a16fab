package id.fleksi.platform.modules;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCache;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which modules each tenant has on, and their settings: rows of the tenant's {@code tenant_module}.
 *
 * <p>Replicas learn of a switch with their next request: the rows are kept in {@link id.fleksi.platform.tenancy.TenantCache}
 * only under the tenant's revision, which a trigger moves on any change of them, and every request reads the registry
 * row that carries it. Changes for one tenant are serialised by a transaction-scoped advisory lock, so two admins can
 * never leave a module on without the module it needs.
 */
@Service
public class ModuleSwitches {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ModuleCatalog catalog;
    private final ModuleAvailability availability;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TenantCache cache;
    private final ApplicationEventPublisher events;

    public ModuleSwitches(
            ModuleCatalog catalog,
            ModuleAvailability availability,
            AuditLog audit,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            TenantCache cache,
            ApplicationEventPublisher events) {
        this.cache = cache;
        this.events = events;
        this.catalog = catalog;
        this.availability = availability;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A module as a tenant has it. */
    public record ModuleState(FeatureModule module, boolean enabled, boolean allowed, Map<String, Object> settings) {}

    public boolean isEnabled(TenantCode tenant, String moduleId) {
        Row row = rowsOfRequest(tenant).get(moduleId);
        return row != null && row.enabled();
    }

    public List<ModuleState> states(TenantCode tenant) {
        Map<String, Row> rows = rows(tenant);
        return catalog.modules().stream()
                .map(module -> state(tenant, module, rows.get(module.id())))
                .toList();
    }

    /**
     * A module's settings for a tenant as its settings record ({@link FeatureModule#settingsType()}), bound once per change
     * of the tenant's data and kept with its rows (see {@link TenantCache}).
     */
    public <R extends Record> R settings(TenantCode tenant, String moduleId, Class<R> type) {
        FeatureModule module = known(moduleId);
        if (module.settingsType() != type) {
            throw new IllegalArgumentException(
                    "Module '" + moduleId + "' keeps its settings in " + module.settingsType() + ", not " + type);
        }
        return cache.get(
                tenant,
                "settings:" + moduleId,
                () -> ModuleSettings.bind(
                        type,
                        SettingValues.effective(
                                module, storedSettings(rowsOfRequest(tenant).get(moduleId)))));
    }

    /** The tenant's switches, read from its schema when they changed (see {@link TenantCache}). */
    private Map<String, Row> rowsOfRequest(TenantCode tenant) {
        return cache.get(tenant, "modules", () -> rows(tenant));
    }

    public ModuleState state(TenantCode tenant, String moduleId) {
        FeatureModule module = known(moduleId);
        return state(tenant, module, rows(tenant).get(moduleId));
    }

    /**
     * Switches a module and/or changes its settings, checking dependencies both ways, validating every
     * setting (all errors at once) and recording the change in the tenant's audit trail.
     */
    public ModuleState change(
            TenantCode tenant,
            String moduleId,
            @Nullable Boolean enabled,
            @Nullable Map<String, Object> settings,
            String actor) {
        FeatureModule module = known(moduleId);
        Map<String, Object> newSettings = SettingValues.validated(module, settings);
        return TenantContext.callAs(
                tenant,
                () -> transactions.execute(tx -> {
                    jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                            .param(tenant.schemaName())
                            .query(Object.class)
                            .single();
                    Map<String, Row> rows = rows(tenant);
                    ModuleState before = state(tenant, module, rows.get(moduleId));
                    boolean turnOn = enabled != null ? enabled : before.enabled();
                    if (turnOn && !before.enabled()) {
                        requireAllowed(tenant, module);
                        ModuleDependencies.requireOn(module, on(rows));
                    }
                    if (!turnOn && before.enabled()) {
                        ModuleDependencies.requireNoneNeeding(module, catalog.dependents(module.id()), on(rows));
                    }
                    Map<String, Object> stored = new LinkedHashMap<>(
                            rows.containsKey(moduleId) ? rows.get(moduleId).settings() : Map.of());
                    stored.putAll(newSettings);
                    jdbc.sql(TenantSql.in(
                                    tenant,
                                    "insert into {tenant_module} (module_id, enabled, settings, updated_at, updated_by)"
                                            + " values (?, ?, cast(? as jsonb), now(), ?) on conflict (module_id) do update set"
                                            + " enabled = excluded.enabled, settings = excluded.settings, updated_at = now(),"
                                            + " updated_by = excluded.updated_by"))
                            .param(moduleId)
                            .param(turnOn)
                            .param(JSON.writeValueAsString(stored))
                            .param(actor)
                            .update();
                    cache.forget(tenant);
                    ModuleState after = state(tenant, module, new Row(turnOn, stored));
                    if (turnOn != before.enabled()) {
                        audit.record(
                                tenant,
                                actor,
                                turnOn ? "module.enable" : "module.disable",
                                moduleId,
                                Map.of("enabled", before.enabled()),
                                Map.of("enabled", turnOn));
                        if (turnOn) {
                            events.publishEvent(new ModuleSwitchedOn(tenant, moduleId, module.realmRoles()));
                            module.onEnable(tenant);
                        } else {
                            module.onDisable(tenant);
                        }
                    }
                    if (!newSettings.isEmpty() && !before.settings().equals(after.settings())) {
                        audit.record(tenant, actor, "module.settings", moduleId, before.settings(), after.settings());
                        events.publishEvent(
                                new ModuleSettingsChanged(tenant, moduleId, before.settings(), after.settings()));
                    }
                    return after;
                }));
    }

    /** At onboarding: switches on, in dependency order, the modules new tenants get. */
    public void applyDefaults(TenantCode tenant, String actor) {
        for (FeatureModule module : catalog.modules()) {
            boolean dependenciesOn = module.dependsOn().stream().allMatch(d -> isEnabled(tenant, d));
            if (dependenciesOn
                    && availability.enabledForNewTenants(module)
                    && availability.allowed(tenant, module.id())) {
                change(tenant, module.id(), true, Map.of(), actor);
            }
        }
    }

    private FeatureModule known(String moduleId) {
        return catalog.find(moduleId)
                .orElseThrow(() -> Problem.notFound(
                        "unknown-module",
                        "Unknown module",
                        "There is no feature module '" + moduleId + "'. Known modules: "
                                + String.join(
                                        ", ",
                                        catalog.modules().stream()
                                                .map(FeatureModule::id)
                                                .toList()) + "."));
    }

    private void requireAllowed(TenantCode tenant, FeatureModule module) {
        if (!availability.allowed(tenant, module.id())) {
            throw Problem.forbidden(
                            "module-not-allowed",
                            "Module not available",
                            "The platform operator has not made module '" + module.id() + "' available to tenant '"
                                    + tenant + "'. Ask your Diskominfo.")
                    .values(module.id(), tenant.value());
        }
    }

    private ModuleState state(TenantCode tenant, FeatureModule module, @Nullable Row row) {
        return new ModuleState(
                module,
                row != null && row.enabled(),
                availability.allowed(tenant, module.id()),
                SettingValues.effective(module, storedSettings(row)));
    }

    private record Row(boolean enabled, Map<String, Object> settings) {}

    private static @Nullable Map<String, Object> storedSettings(@Nullable Row row) {
        return row == null ? null : row.settings();
    }

    /** The modules switched on. */
    private static Set<String> on(Map<String, Row> rows) {
        Set<String> on = new HashSet<>();
        rows.forEach((id, row) -> {
            if (row.enabled()) {
                on.add(id);
            }
        });
        return on;
    }

    private Map<String, Row> rows(TenantCode tenant) {
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql(TenantSql.in(tenant, "select module_id, enabled, settings::text from {tenant_module}"))
                .query((rs, n) -> rows.put(
                        rs.getString(1),
                        new Row(
                                rs.getBoolean(2),
                                java.util.Collections.unmodifiableMap(
                                        JSON.readValue(rs.getString(3), new TypeReference<Map<String, Object>>() {})))))
                .list();
        return java.util.Collections.unmodifiableMap(rows); // kept for other requests: nobody may change it
    }
}
