/**
 * Working days and hours. "Is this a working day for this employee, and when?" has one answer, here
 * ({@link id.fleksi.platform.calendar.WorkingCalendar}): Perpres 21/2023 hours unless a unit or Ramadan
 * schedule overrides them, national holidays and cuti bersama from the joint ministerial decree, and the
 * tenant's own holidays, all in the tenant's time zone.
 */
@NullMarked
package id.fleksi.platform.calendar;

import org.jspecify.annotations.NullMarked;
