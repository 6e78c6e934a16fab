/**
 * The organisation base every module stands on: agencies (OPD) as a tree of units, employees with their
 * NIP, offices with geofences, schedules and the holiday calendar. Always on, in every tenant.
 */
@NullMarked
package id.fleksi.platform.organisation;

import org.jspecify.annotations.NullMarked;
