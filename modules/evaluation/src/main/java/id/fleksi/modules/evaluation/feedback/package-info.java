/**
 * The public's voice (suara publik): each OPD's services with a public page, reached by a printed QR code, where
 * citizens rate the service without logging in and without giving anything that identifies them; ratings count only
 * once the OPD's head or BKD accepts them. The evaluation and the WFA trial's verdict read them through
 * {@link id.fleksi.modules.evaluation.ServiceRatings}. {@code internal} is for this package alone.
 */
@NullMarked
package id.fleksi.modules.evaluation.feedback;

import org.jspecify.annotations.NullMarked;
