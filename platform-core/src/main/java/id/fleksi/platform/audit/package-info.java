/**
 * The audit trail of a tenant: every module switch, settings change and administrative change, with who,
 * when, before and after, kept in the tenant's own schema and readable by its tenant admin.
 */
@NullMarked
package id.fleksi.platform.audit;

import org.jspecify.annotations.NullMarked;
