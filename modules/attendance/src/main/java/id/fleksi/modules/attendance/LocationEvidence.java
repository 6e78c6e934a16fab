package id.fleksi.modules.attendance;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import id.fleksi.platform.organisation.GeoPoint;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Judges a fix against the employee's (and the device's) history; returns the flags it raises. */
@Component
class LocationEvidence {

    /** Poorer than this (metres) is flagged. */
    static final int POOR_ACCURACY_METRES = 100;
    /** An airliner's cruising speed; faster than this between two fixes is not travel. */
    static final double MAX_KMH = 900;
    static final Duration DEVICE_WINDOW = Duration.ofDays(7);
    /** Identical coordinates on this many earlier days, within the window, make a fix too perfect. */
    static final int IDENTICAL_DAYS = 2;
    static final Duration IDENTICAL_WINDOW = Duration.ofDays(14);

    private final JdbcClient jdbc;

    LocationEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<LocationFlag> judge(String schema, UUID employee, CheckInRequest request, Instant captured) {
        Set<LocationFlag> flags = EnumSet.noneOf(LocationFlag.class);
        if (Boolean.TRUE.equals(request.mockLocation())) {
            flags.add(LocationFlag.MOCK_LOCATION);
        }
        if (request.accuracy() > POOR_ACCURACY_METRES) {
            flags.add(LocationFlag.POOR_ACCURACY);
        }
        GeoPoint fix = new GeoPoint(request.latitude(), request.longitude());
        java.sql.Timestamp at = java.sql.Timestamp.from(captured);
        // The three readings of the employee's history, in one statement: the previous fix, another employee on the same
        // device within its window, and the days with exactly these coordinates and accuracy within theirs. Standing fixes
        // only (a replaced check-out is not one), over recent days: the cost does not grow with an employee's years.
        jdbc.sql("select p.latitude, p.longitude, p.captured_at,"
                        + " (select count(*) from " + schema + ".attendance_check_in d where ?::varchar is not null and d.device_id = ?"
                        + "   and not d.superseded and d.captured_at > ? and d.employee_id <> ?),"
                        + " (select count(distinct work_date) from " + schema + ".attendance_check_in i where i.employee_id = ?"
                        + "   and not i.superseded and i.captured_at > ? and i.captured_at < ?"
                        + "   and i.latitude = round(?::numeric, 5) and i.longitude = round(?::numeric, 5) and i.accuracy_metres = ?)"
                        + " from (select 1) one left join lateral (select latitude, longitude, captured_at from " + schema
                        + ".attendance_check_in where employee_id = ? and not superseded and captured_at < ? order by captured_at desc"
                        + " limit 1) p on true")
                .params(request.deviceId(), request.deviceId(), java.sql.Timestamp.from(captured.minus(DEVICE_WINDOW)), employee,
                        employee, java.sql.Timestamp.from(captured.minus(IDENTICAL_WINDOW)), at,
                        request.latitude(), request.longitude(), (int) Math.round(request.accuracy()), employee, at)
                .query((rs, n) -> {
                    if (rs.getTimestamp(3) != null) {
                        double km = new GeoPoint(rs.getDouble(1), rs.getDouble(2)).metresTo(fix) / 1000;
                        double hours = Math.max(Duration.between(rs.getTimestamp(3).toInstant(), captured).toSeconds(), 1) / 3600.0;
                        if (km > 1 && km / hours > MAX_KMH) {
                            flags.add(LocationFlag.IMPOSSIBLE_TRAVEL);
                        }
                    }
                    if (rs.getInt(4) > 0) {
                        flags.add(LocationFlag.SHARED_DEVICE);
                    }
                    if (rs.getInt(5) >= IDENTICAL_DAYS) {
                        flags.add(LocationFlag.TOO_PERFECT);
                    }
                    return null;
                }).list();
        return flags;
    }
}
