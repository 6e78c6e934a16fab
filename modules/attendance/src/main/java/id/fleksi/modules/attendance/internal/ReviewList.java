package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.attendance.LocationFlag;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.wording.Distance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Flagged check-ins to look at: a supervisor's direct staff, or (BKD) everyone's. */
@Component
public class ReviewList {

    private final JdbcClient jdbc;

    ReviewList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(
            UUID checkInId,
            String employee,
            String username,
            LocalDate workDate,
            CheckInRequest.Kind kind,
            Instant capturedAt,
            String workMode,
            Integer distanceMetres,
            Set<LocationFlag> flags) {

        /** The distance as a page says it, or null without a fix. */
        public Distance distance() {
            return distanceMetres == null ? null : Distance.ofMetres(distanceMetres);
        }
    }

    /** @param supervisorUsername null for everyone's (BKD), else only that supervisor's direct staff */
    public List<Entry> between(LocalDate from, LocalDate to, String supervisorUsername) {
        // A supervisor's staff by the supervisor index, then each one's flagged check-ins by ix_check_in_flagged:
        // neither
        // the tenant's employees nor the staff's unflagged history is read (bench/history). "Everyone" reads the dates.
        List<Object> parameters = new ArrayList<>(List.of(from, to));
        String staff = "";
        if (supervisorUsername != null) {
            staff = " and e.supervisor_id = (select id from {employee} where username = ?)";
            parameters.add(supervisorUsername);
        }
        return jdbc.sql(TenantSql.of("select c.id, e.name, e.username, c.work_date, c.kind, c.captured_at, c.work_mode,"
                        + " c.distance_metres, c.flags from {attendance_check_in} c join {employee} e on e.id = c.employee_id"
                        + " where cardinality(c.flags) > 0 and c.work_date between ? and ?" + staff
                        + " order by c.work_date, e.name"))
                .params(parameters)
                .query((rs, n) -> new Entry(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        CheckInRequest.Kind.valueOf(rs.getString(5)),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        (Integer) rs.getObject(8),
                        LocationFlag.read(rs.getArray(9))))
                .list();
    }
}
