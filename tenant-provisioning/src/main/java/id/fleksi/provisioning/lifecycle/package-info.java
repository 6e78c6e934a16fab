/**
 * A tenant's life after onboarding ({@link id.fleksi.provisioning.lifecycle.TenantLifecycle}): suspended, resumed and
 * archived, none of which touches its data.
 */
@NullMarked
package id.fleksi.provisioning.lifecycle;

import org.jspecify.annotations.NullMarked;
