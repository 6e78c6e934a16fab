package id.fleksi.platform.testing.modules;

import id.fleksi.platform.modules.TenantEvent;
import id.fleksi.platform.tenancy.TenantCode;

/** Published when a note is added, for testing that a module's listener skips tenants where it is off. */
public record NoteAdded(TenantCode tenant, String text) implements TenantEvent {}
