/**
 * Monitoring (pemantauan): today's attendance and reports of a pemda, an OPD or a unit, live ({@link
 * id.fleksi.modules.monitoring.LiveView}); the province's view of its kabupaten in counts only ({@link
 * id.fleksi.modules.monitoring.ProvinceView}); apel and its confirmations ({@link id.fleksi.modules.monitoring.Apels});
 * digests and early warnings. This package is what others use; {@code internal} is for the module alone.
 */
@NullMarked
package id.fleksi.modules.monitoring;

import org.jspecify.annotations.NullMarked;
