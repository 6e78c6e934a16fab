/**
 * A tenant's own mail server, as the platform needs to know it: Keycloak sends the password-reset mail of the tenant's
 * realm through it. The module that keeps the setting ({@code monitoring}, whose warnings go the same way) says which
 * server it is ({@link id.fleksi.platform.mail.TenantMailServers}) and when it changed
 * ({@link id.fleksi.platform.mail.TenantMailServerChanged}); tenant-provisioning puts it into the realm.
 */
@NullMarked
package id.fleksi.platform.mail;

import org.jspecify.annotations.NullMarked;
