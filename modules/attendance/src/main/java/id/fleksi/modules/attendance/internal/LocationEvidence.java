package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.attendance.LocationFlag;
import id.fleksi.platform.organisation.GeoPoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Judges a fix against the employee's (and the device's) history; returns the flags it raises. The history is read
 * in the statement that reads the submitter (see {@link Submitter}), from the columns and join this class writes.
 */
public final class LocationEvidence {

    /** Poorer than this (metres) is flagged. */
    static final int POOR_ACCURACY_METRES = 100;
    /** An airliner's cruising speed; faster than this between two fixes is not travel. */
    static final double MAX_KMH = 900;

    static final Duration DEVICE_WINDOW = Duration.ofDays(7);
    /** Identical coordinates on this many earlier days, within the window, make a fix too perfect. */
    static final int IDENTICAL_DAYS = 2;

    static final Duration IDENTICAL_WINDOW = Duration.ofDays(14);

    private static final Object NO_DEVICE = new SqlParameterValue(Types.VARCHAR, null);

    private LocationEvidence() {}

    /** What a fix is judged against: the previous standing fix (null when none), and the two counts. */
    public record History(GeoPoint previous, Instant previousAt, int otherEmployeesOnDevice, int identicalDays) {}

    /**
     * The history's five columns, for the employee aliased {@code e}, with the lateral join they read from ({@link #JOIN}).
     * Standing fixes only (a replaced check-out is not one), over recent days: the cost does not grow with an employee's
     * years. The previous fix, another employee on the same device within its window, and the days with exactly these
     * coordinates and accuracy within theirs.
     */
    public static final String COLUMNS =
            "p.latitude as history_latitude, p.longitude as history_longitude, p.captured_at as history_at,"
                    + " (select count(*) from {attendance_check_in} d where ?::varchar is not null and d.device_id = ?"
                    + "   and not d.superseded and d.captured_at > ? and d.employee_id <> e.id) as history_others_on_device,"
                    + " (select count(distinct work_date) from {attendance_check_in} i where i.employee_id = e.id"
                    + "   and not i.superseded and i.captured_at > ? and i.captured_at < ?"
                    + "   and i.latitude = round(?::numeric, 5) and i.longitude = round(?::numeric, 5) and i.accuracy_metres = ?)"
                    + " as history_identical_days";

    /** The parameters of {@link #COLUMNS}, in order. */
    public static List<Object> columnParameters(CheckInRequest request, Instant captured) {
        return List.of(
                nullable(request.deviceId()),
                nullable(request.deviceId()),
                Timestamp.from(captured.minus(DEVICE_WINDOW)),
                Timestamp.from(captured.minus(IDENTICAL_WINDOW)),
                Timestamp.from(captured),
                decimal(request.latitude()),
                decimal(request.longitude()),
                metres(request.accuracy()));
    }

    /** A coordinate as a parameter: a typed SQL null without a fix. */
    public static Object decimal(Double value) {
        return value == null ? new SqlParameterValue(Types.NUMERIC, null) : value;
    }

    /** An accuracy as whole metres: a typed SQL null without a fix. */
    public static Object metres(Double accuracy) {
        return accuracy == null ? new SqlParameterValue(Types.INTEGER, null) : (int) Math.round(accuracy);
    }

    /** The previous standing fix, aliased {@code p} (a check-in without one is passed over); one parameter, {@link #joinParameter}. */
    public static final String JOIN =
            " left join lateral (select latitude, longitude, captured_at from {attendance_check_in}"
                    + " where employee_id = e.id and not superseded and latitude is not null and captured_at < ?"
                    + " order by captured_at desc limit 1) p on true";

    public static Object joinParameter(Instant captured) {
        return Timestamp.from(captured);
    }

    /** The history in {@link #COLUMNS} (named {@code history_*}), wherever they stand in the statement. */
    public static History read(ResultSet rs) throws SQLException {
        Timestamp previousAt = rs.getTimestamp("history_at");
        return new History(
                previousAt == null
                        ? null
                        : new GeoPoint(rs.getDouble("history_latitude"), rs.getDouble("history_longitude")),
                previousAt == null ? null : previousAt.toInstant(),
                rs.getInt("history_others_on_device"),
                rs.getInt("history_identical_days"));
    }

    static Set<LocationFlag> judge(CheckInRequest request, Instant captured, History history) {
        Set<LocationFlag> flags = EnumSet.noneOf(LocationFlag.class);
        if (Boolean.TRUE.equals(request.mockLocation())) {
            flags.add(LocationFlag.MOCK_LOCATION);
        }
        if (!request.hasFix()) {
            flags.add(LocationFlag.NO_LOCATION);
        } else if (request.accuracy() > POOR_ACCURACY_METRES) {
            flags.add(LocationFlag.POOR_ACCURACY);
        }
        if (history.previous() != null && request.hasFix()) {
            double km = history.previous().metresTo(new GeoPoint(request.latitude(), request.longitude())) / 1000;
            double hours =
                    Math.max(Duration.between(history.previousAt(), captured).toSeconds(), 1) / 3600.0;
            if (km > 1 && km / hours > MAX_KMH) {
                flags.add(LocationFlag.IMPOSSIBLE_TRAVEL);
            }
        }
        if (history.otherEmployeesOnDevice() > 0) {
            flags.add(LocationFlag.SHARED_DEVICE);
        }
        if (history.identicalDays() >= IDENTICAL_DAYS) {
            flags.add(LocationFlag.TOO_PERFECT);
        }
        return flags;
    }

    /** JdbcClient's positional parameters are a list; a missing device id is a typed SQL null. */
    private static Object nullable(String value) {
        return value == null ? NO_DEVICE : value;
    }
}
