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
    /** Identical coordinates on this many earlier days make a fix too perfect. */
    static final int IDENTICAL_DAYS = 2;

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
        jdbc.sql("select latitude, longitude, captured_at from " + schema + ".attendance_check_in where employee_id = ?"
                        + " and captured_at < ? order by captured_at desc limit 1")
                .param(employee).param(java.sql.Timestamp.from(captured))
                .query((rs, n) -> {
                    double km = new GeoPoint(rs.getDouble(1), rs.getDouble(2)).metresTo(fix) / 1000;
                    double hours = Math.max(Duration.between(rs.getTimestamp(3).toInstant(), captured).toSeconds(), 1) / 3600.0;
                    if (km > 1 && km / hours > MAX_KMH) {
                        flags.add(LocationFlag.IMPOSSIBLE_TRAVEL);
                    }
                    return null;
                }).list();
        if (request.deviceId() != null && jdbc.sql("select count(*) from " + schema + ".attendance_check_in where device_id = ?"
                        + " and employee_id <> ? and captured_at > ?")
                .param(request.deviceId()).param(employee).param(java.sql.Timestamp.from(captured.minus(DEVICE_WINDOW)))
                .query(Integer.class).single() > 0) {
            flags.add(LocationFlag.SHARED_DEVICE);
        }
        if (jdbc.sql("select count(distinct work_date) from " + schema + ".attendance_check_in where employee_id = ?"
                        + " and latitude = round(?::numeric, 5) and longitude = round(?::numeric, 5) and accuracy_metres = ?"
                        + " and captured_at < ?")
                .param(employee).param(request.latitude()).param(request.longitude()).param((int) Math.round(request.accuracy()))
                .param(java.sql.Timestamp.from(captured)).query(Integer.class).single() >= IDENTICAL_DAYS) {
            flags.add(LocationFlag.TOO_PERFECT);
        }
        return flags;
    }
}
