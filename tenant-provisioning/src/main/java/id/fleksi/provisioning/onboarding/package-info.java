/**
 * A pemda onboarded all or nothing ({@link id.fleksi.provisioning.onboarding.TenantOnboarding}): the registry row, the
 * realm with its first admin, the schema with every migration and the modules new tenants get; a step that fails
 * removes what the earlier steps made.
 */
@NullMarked
package id.fleksi.provisioning.onboarding;

import org.jspecify.annotations.NullMarked;
