/**
 * Presensi's own workings, for this module alone ({@code ModularityTest}): the submitter's facts, the judgement of a
 * check-in and its location evidence, the register of stored check-ins, geofences and the offices of a unit, the stored
 * absences with their decisions and documents, the recaps, the review list, the retention of locations, and the page
 * and API controllers. Other modules use the package above ({@code CheckIns}, {@code Absences}, {@code CheckOutGuard}).
 */
package id.fleksi.modules.attendance.internal;
