package id.fleksi.platform.modules;

import id.fleksi.platform.tenancy.TenantCode;

/**
 * An event about one tenant. A module's listener skips tenants where the module is off with a condition:
 * {@code @EventListener(condition = "@moduleSwitches.isEnabled(#event.tenant(), 'attendance')")}.
 */
public interface TenantEvent {

    TenantCode tenant();
}
