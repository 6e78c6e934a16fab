/**
 * Web conventions: every error is an RFC 9457 problem ({@link id.fleksi.platform.problem.Problem}, mapped in one
 * place), and every tenant-scoped request passes the {@link id.fleksi.platform.web.TenantGate} before it
 * reaches a controller.
 */
@NullMarked
package id.fleksi.platform.web;

import org.jspecify.annotations.NullMarked;
