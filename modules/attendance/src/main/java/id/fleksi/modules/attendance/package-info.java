/**
 * Presensi: check-in and check-out judged on the server. On an office day the fix must lie inside a
 * geofence of the employee's offices (its accuracy circle mostly inside); on a WFA day anywhere, recorded.
 * Offline captures are judged by their capture time within a window; a client request id makes every
 * submission idempotent; lateness and early leave come from the working calendar, in the tenant's time zone.
 */
@NullMarked
package id.fleksi.modules.attendance;

import org.jspecify.annotations.NullMarked;
