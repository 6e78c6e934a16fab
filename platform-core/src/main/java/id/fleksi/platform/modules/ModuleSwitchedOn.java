package id.fleksi.platform.modules;

import id.fleksi.platform.tenancy.TenantCode;
import java.util.Set;

/**
 * A module was switched on for a tenant, inside the switch's transaction: a listener that fails undoes the switch. The
 * tenant's realm gets the module's roles this way when the module came after the realm (a release that adds one, or a
 * kabupaten's own module dropped in later).
 */
public record ModuleSwitchedOn(TenantCode tenant, String moduleId, Set<String> realmRoles) implements TenantEvent {}
