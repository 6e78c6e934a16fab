package id.fleksi.platform.modules;

import id.fleksi.platform.tenancy.TenantCode;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A feature module: the one object that says who it is, what it needs, what it migrates and what it adds.
 * Declare it as a Spring bean in the module's own package; the platform finds it on the classpath.
 *
 * <p>Life cycle per tenant: its tables are made in every tenant schema (so schemas stay alike); it is
 * switched on or off per tenant; {@link #onEnable} and {@link #onDisable} run after a switch. Disabling never
 * deletes data.
 */
public interface FeatureModule {

    /** A stable id, lower case with hyphens, e.g. {@code attendance}; also its API path segment. */
    String id();

    LocalizedText name();

    LocalizedText description();

    String version();

    /** Ids of the modules this one needs switched on. */
    default Set<String> dependsOn() {
        return Set.of();
    }

    /** Classpath location of its tenant changelog, or null if it has no tables. */
    default @Nullable String tenantChangelog() {
        return null;
    }

    /** Realm roles it adds to every tenant realm. */
    default Set<String> realmRoles() {
        return Set.of();
    }

    /**
     * The record of its settings, each component a {@link Setting} (null: it has none). A tenant's values are read
     * bound to it ({@link ModuleSwitches#settings(id.fleksi.platform.tenancy.TenantCode, String, Class)}).
     */
    default @Nullable Class<? extends Record> settingsType() {
        return null;
    }

    /** Its settings as the admin's page and the API show them: made from {@link #settingsType()}. */
    default List<ModuleSetting> settings() {
        return settingsType() == null ? List.of() : ModuleSettings.describe(settingsType());
    }

    default List<MenuEntry> menu() {
        return List.of();
    }

    default List<ScheduledJob> jobs() {
        return List.of();
    }

    /** Whether a newly onboarded tenant gets it switched on, unless the platform operator says otherwise. */
    default boolean enabledForNewTenants() {
        return false;
    }

    /** After the module was switched on for a tenant (with the tenant set). */
    default void onEnable(TenantCode tenant) {}

    /** After the module was switched off for a tenant (with the tenant set); its data stays. */
    default void onDisable(TenantCode tenant) {}
}
