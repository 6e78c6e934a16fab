/**
 * Closing the month (tutup bulan): BKD closes a month that is over for the whole pemda or one OPD, and the figures of
 * each employee are kept as they were paid; after that no check-in, absence, report or decision of that month changes
 * except through a correction BKD records with its reason, which reopens only that employee's days until the month is
 * closed again (a new paid version; the earlier ones are kept). The pages and the API show the paid figures beside the
 * current computation where they differ.
 */
@NullMarked
package id.fleksi.modules.evaluation.closing;

import org.jspecify.annotations.NullMarked;
