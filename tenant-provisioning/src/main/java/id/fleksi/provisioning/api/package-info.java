/**
 * The platform operator's API, role {@code platform-operator}: onboard tenants and run their life, say which feature
 * modules hosted tenants may use, and move tenants between Fleksi instances as bundles.
 */
@NullMarked
package id.fleksi.provisioning.api;

import org.jspecify.annotations.NullMarked;
