/**
 * Tenant bundles: a tenant moved whole between Fleksi instances as one signed file (its schema, its realm with the
 * users' password hashes, its registry facts), optionally encrypted; the export, the import that checks everything
 * before it writes anything, and the province's handover. The operator's guide is docs/self-hosting.md.
 */
@NullMarked
package id.fleksi.provisioning.bundle;

import org.jspecify.annotations.NullMarked;
