/**
 * Who the tenants are and which one a piece of work runs for. The registry ({@link id.fleksi.platform.tenancy.TenantRegistry})
 * lives in the {@code platform} schema; each tenant's data lives in its own schema, chosen for each unit of
 * work from {@link id.fleksi.platform.tenancy.TenantContext}. With no tenant set there is no data access.
 */
@NullMarked
package id.fleksi.platform.tenancy;

import org.jspecify.annotations.NullMarked;
