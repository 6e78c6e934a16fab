/**
 * Onboarding a pemda and running its life: registry row, schema with every migration, Keycloak realm and
 * first tenant admin, made together or not at all; then suspend, resume and archive.
 */
@NullMarked
package id.fleksi.provisioning;

import org.jspecify.annotations.NullMarked;
