package id.fleksi.modules.fwa;

import id.fleksi.modules.fwa.FwaRequests.Place;
import id.fleksi.modules.fwa.FwaRequests.Request;
import id.fleksi.modules.fwa.FwaRequests.Status;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The WFA requests as stored, read with their employee's name. */
@Component
class RequestRecords {

    private final JdbcClient jdbc;

    RequestRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The employee's requests, whatever their status. */
    List<Request> of(UUID employee) {
        return list("r.employee_id = ?", employee);
    }

    /** The pending requests of the supervisor's direct staff. */
    List<Request> toDecideBy(UUID supervisor) {
        return list("e.supervisor_id = ? and r.status = 'PENDING'", supervisor);
    }

    Request find(UUID id) {
        return list("r.id = ?", id).stream()
                .findFirst()
                .orElseThrow(() -> Problem.notFound(
                                "unknown-request",
                                "Unknown request",
                                "There is no WFA request " + id + " in this tenant.")
                        .values(id.toString()));
    }

    private List<Request> list(String where, Object param) {
        return jdbc.sql(TenantSql.of(
                        "select r.id, r.employee_id, e.name, r.from_date, r.to_date, r.weekday, r.place_kind,"
                                + " r.place, r.status, r.reason, r.decided_by from {fwa_request} r join {employee} e on e.id = r.employee_id"
                                + " where " + where + " order by r.from_date, e.name"))
                .param(param)
                .query((rs, n) -> new Request(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6) == null ? null : DayOfWeek.valueOf(rs.getString(6)),
                        Place.valueOf(rs.getString(7)),
                        rs.getString(8),
                        Status.valueOf(rs.getString(9)),
                        rs.getString(10),
                        rs.getString(11)))
                .list();
    }
}
