package id.fleksi.platform.modules;

import id.fleksi.platform.tenancy.TenantCode;
import java.util.Map;

/**
 * A tenant's settings of a module changed, inside the change's transaction (a listener that fails undoes it):
 * {@code before} and {@code after} are the effective settings, every key present.
 */
public record ModuleSettingsChanged(
        TenantCode tenant, String moduleId, Map<String, Object> before, Map<String, Object> after)
        implements TenantEvent {}
