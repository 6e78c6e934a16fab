/**
 * Refusals: {@link id.fleksi.platform.problem.Problem}, which any rule throws and which knows nothing of HTTP. The web
 * layer maps it to an RFC 9457 answer or a page, each in one place.
 */
@NullMarked
package id.fleksi.platform.problem;

import org.jspecify.annotations.NullMarked;
